import * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";
import type { ArgsDrift, AssertArgsMatch } from "../../dynamic/argsMatch";
import { ShimResource } from "../../dynamic/providerShim";
import type { PropagationRevisionInputsSchema } from "./propagationRevisionDefinition";
import { definedInputs } from "../../dynamic/definedInputs";
import { shallowStackTraces } from "../../dynamic/shallowStackTraces";

export interface PropagationRevisionArgs {
    /**
     * PingOne region: "com", "eu", "asia", "ca" or "com.au" (or a Terraform region code such as "EU"). Defaults to
     * `pingone:regionCode` (PINGONE_REGION_CODE); custom `pingone:authUrl`/`pingone:apiUrl` still win. Changing it
     * replaces the revision.
     */
    readonly region?: pulumi.Input<string>;
    /** PingOne environment. Defaults to `pingone:environmentId` (PINGONE_ENVIRONMENT_ID). */
    readonly environmentId?: pulumi.Input<string>;
    /**
     * Values the published configuration depends on (ids, a hash of settings); a new revision is published whenever
     * one changes. Secret values stay secret in state; pass hashes rather than secrets.
     */
    readonly triggers?: pulumi.Input<Record<string, pulumi.Input<unknown>>>;
    /**
     * On create, record the latest published revision instead of publishing a new one (when there is one): for
     * bringing a live setup under Pulumi without resynchronizing its stores. Defaults to false.
     */
    readonly adopt?: pulumi.Input<boolean>;
}

type _ArgsMatchSchema = AssertArgsMatch<
    ArgsDrift<PropagationRevisionArgs, z.input<typeof PropagationRevisionInputsSchema>>
>;
/**
 * A published propagation revision: PingOne shows configuration changed through the API in its console only after
 * a revision, and a revision also resynchronizes the stores. Deleting it removes it from the stack only.
 */
export class PropagationRevision extends ShimResource {
    static readonly __pulumiType = "pulumi-nodejs:dynamic/pingone:PropagationRevision";

    /** Id of the published revision. */
    declare readonly revisionId: pulumi.Output<string>;
    /** When PingOne published it. */
    declare readonly createdAt: pulumi.Output<string | undefined>;

    constructor(name: string, args: PropagationRevisionArgs = {}, opts?: pulumi.CustomResourceOptions) {
        const restoreStackTraces = shallowStackTraces();
        try {
            super(
                "pingone:PropagationRevision",
                name,
                { revisionId: undefined, createdAt: undefined, ...definedInputs(args) },
                opts,
            );
        } finally {
            restoreStackTraces();
        }
    }
}
