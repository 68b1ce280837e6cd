import * as pulumi from "@pulumi/pulumi";
import { definedInputs } from "../providers/definedInputs";
import { providerShim } from "../providers/providerShim";
import { shallowStackTraces } from "../providers/shallowStackTraces";

export interface PropagationRevisionArgs {
    /** PingOne environment. Defaults to `pingone:environmentId` (PINGONE_ENVIRONMENT_ID). */
    environmentId?: pulumi.Input<string>;
    /**
     * Values the published configuration depends on (ids, a hash of settings); a new revision is published whenever
     * one changes. Secret values stay secret in state; pass hashes rather than secrets.
     */
    triggers?: pulumi.Input<Record<string, pulumi.Input<unknown>>>;
    /**
     * On create, record the latest published revision instead of publishing a new one (when there is one): for
     * bringing a live setup under Pulumi without resynchronizing its stores. Defaults to false.
     */
    adopt?: pulumi.Input<boolean>;
}

/**
 * A published propagation revision: PingOne shows configuration changed through the API in its console only after
 * a revision, and a revision also resynchronizes the stores. Deleting it removes it from the stack only.
 */
export class PropagationRevision extends pulumi.dynamic.Resource {
    static readonly __pulumiType = "pulumi-nodejs:dynamic/pingone:PropagationRevision";

    declare readonly revisionId: pulumi.Output<string>;
    declare readonly createdAt: pulumi.Output<string | undefined>;

    constructor(name: string, args: PropagationRevisionArgs = {}, opts?: pulumi.CustomResourceOptions) {
        const restoreStackTraces = shallowStackTraces();
        try {
            super(
                providerShim("pingone:PropagationRevision"),
                name,
                { revisionId: undefined, createdAt: undefined, ...definedInputs(args) },
                opts,
                "pingone",
                "PropagationRevision",
            );
        } finally {
            restoreStackTraces();
        }
    }
}
