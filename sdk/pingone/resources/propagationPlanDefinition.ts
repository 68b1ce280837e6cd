import { z } from "zod";
import { deepEqual, type ResourceDefinition } from "../../dynamic/resourceDefinition";
import { createOnce, deleteIdempotent, readUnlessDeleted, unlessNotFound } from "../../core/recovery";
import {
    EnvironmentIdSchema,
    type PingOneLocation,
    RegionSchema,
    pingOneApis,
    requireEnvironment,
    requirePingOneSettings,
} from "../api/environment";
import type { Plan, PlanWrite } from "../api/schemas";

export const PropagationPlanInputsSchema = z.object({
    environmentId: EnvironmentIdSchema,
    region: RegionSchema,
    /** Name of a plan this resource creates; an adopted plan keeps its own name. */
    name: z.string().trim().min(1, "name must not be empty").default("Default Plan"),
});
export type PropagationPlanInputs = z.infer<typeof PropagationPlanInputsSchema>;

export interface PropagationPlanOutputs extends PropagationPlanInputs {
    planId: string;
    /** True when the plan existed before and was taken over; such a plan is neither renamed nor deleted. */
    adopted: boolean;
}

function toOutputs(plan: Plan, location: PingOneLocation, adopted: boolean): PropagationPlanOutputs {
    const { environmentId, region } = location;
    return { environmentId, region, name: plan.name, planId: plan.id, adopted };
}

/**
 * The name only: the official Terraform provider (pingidentity/terraform-provider-pingone,
 * identity propagation plan resource) sends nothing else; the docs say `status` defaults to INACTIVE and the
 * Go SDK's `EnumIdentityPropagationPlanStatus` lists only INACTIVE, so no source shows `ACTIVE` for a plan.
 */
const toPlanWrite = (inputs: PropagationPlanInputs): PlanWrite => ({ name: inputs.name });

export const propagationPlanDefinition: ResourceDefinition<PropagationPlanInputs, PropagationPlanOutputs> = {
    kind: "pingone:PropagationPlan",
    inputs: PropagationPlanInputsSchema,
    managedFields: ["environmentId", "region", "name"],
    preflight: requirePingOneSettings,
    outputOnlyFields: ["planId", "adopted"],
    replaceFields: ["environmentId", "region"],
    // An adopted plan belongs to the environment (the console, other stacks): its name is not this stack's to change.
    equals: { name: (live, desired, olds) => olds.adopted === true || deepEqual(live, desired) },

    /** PingOne allows one plan per environment: take over the existing one as it is, else create it. */
    async create(inputs) {
        const api = pingOneApis(inputs).propagation;
        const existing = (await api.listPlans())[0];
        if (existing) {
            return { id: existing.id, outs: toOutputs(existing, inputs, true) };
        }
        const plan = await createOnce(
            () => api.createPlan(toPlanWrite(inputs)),
            async () => (await api.listPlans())[0],
        );
        return { id: plan.id, outs: toOutputs(plan, inputs, false) };
    },

    async read(id, olds) {
        const apis = pingOneApis(olds);
        const plan = await readUnlessDeleted(
            () => apis.propagation.getPlan(id),
            () => requireEnvironment(apis),
        );
        return plan && toOutputs(plan, olds, olds.adopted);
    },

    async update(id, olds, news) {
        const api = pingOneApis(news).propagation;
        const plan = olds.adopted ? await api.getPlan(id) : await api.updatePlan(id, toPlanWrite(news));
        return toOutputs(plan, news, olds.adopted);
    },

    /**
     * Deletes only a plan this resource created, and only once it has no rules: deleting a plan cascades to every
     * rule in it, including rules other stacks or people own.
     */
    async delete(id, olds) {
        if (olds.adopted) {
            return;
        }
        const api = pingOneApis(olds).propagation;
        const remaining = await unlessNotFound(api.listRules(id));
        if (remaining && remaining.length > 0) {
            return;
        }
        await deleteIdempotent(api.deletePlan(id));
    },
};
