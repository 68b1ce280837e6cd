import { z } from "zod";
import type { ResourceDefinition } from "../../dynamic/resourceDefinition";
import { readUnlessDeleted, unlessNotFound } from "../../core/recovery";
import {
    EnvironmentIdSchema,
    RegionSchema,
    pingOneApis,
    requireEnvironment,
    requirePingOneSettings,
} from "../api/environment";

export const PropagationRevisionInputsSchema = z.object({
    environmentId: EnvironmentIdSchema,
    region: RegionSchema,
    /** Any values; a new revision is published whenever they change. */
    triggers: z.record(z.string(), z.unknown()).default({}),
    /** Record the latest published revision instead of publishing one, when there is one. */
    adopt: z.boolean().default(false),
});
export type PropagationRevisionInputs = z.infer<typeof PropagationRevisionInputsSchema>;

export interface PropagationRevisionOutputs extends PropagationRevisionInputs {
    revisionId: string;
    createdAt?: string;
}

async function publish(inputs: PropagationRevisionInputs): Promise<PropagationRevisionOutputs> {
    const revision = await pingOneApis(inputs).propagation.createRevision();
    return { ...inputs, revisionId: revision.id, createdAt: revision.createdAt };
}

export const propagationRevisionDefinition: ResourceDefinition<PropagationRevisionInputs, PropagationRevisionOutputs> =
    {
        kind: "pingone:PropagationRevision",
        inputs: PropagationRevisionInputsSchema,
        managedFields: ["environmentId", "triggers"],
        preflight: requirePingOneSettings,
        outputOnlyFields: ["revisionId", "createdAt"],

        /**
         * Publishes a revision; when adopting a live setup, records the latest one instead: publishing would only
         * resynchronize every store for a configuration that did not change.
         */
        async create(inputs) {
            const latest = inputs.adopt
                ? await unlessNotFound(pingOneApis(inputs).propagation.getLatestRevision())
                : undefined;
            const outs = latest
                ? { ...inputs, revisionId: latest.id, createdAt: latest.createdAt }
                : await publish(inputs);
            return { id: outs.revisionId, outs };
        },

        async read(id, olds) {
            const apis = pingOneApis(olds);
            const revision = await readUnlessDeleted(
                () => apis.propagation.getRevision(id),
                () => requireEnvironment(apis),
            );
            return revision && { ...olds, revisionId: revision.id, createdAt: revision.createdAt };
        },

        /** A changed trigger publishes a new revision; the resource keeps its id and reports the new revision id. */
        async update(_id, _olds, news) {
            return publish(news);
        },

        /**
         * Revisions are history: there is nothing to delete. It still signs in: a destroy is the revision's first, so
         * with a provider configuration that does not work it fails here, before state drops anything.
         */
        async delete(_id, olds) {
            await pingOneApis(olds).client.authenticate();
        },
    };
