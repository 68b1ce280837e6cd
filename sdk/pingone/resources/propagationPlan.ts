import * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";
import type { ArgsDrift, AssertArgsMatch } from "../../dynamic/argsMatch";
import { ShimResource } from "../../dynamic/providerShim";
import type { PropagationPlanInputsSchema } from "./propagationPlanDefinition";
import { definedInputs } from "../../dynamic/definedInputs";
import { resourceOwner } from "../../dynamic/resourceOwner";
import { shallowStackTraces } from "../../dynamic/shallowStackTraces";

export interface PropagationPlanArgs {
    /**
     * PingOne region: "com", "eu", "asia", "ca" or "com.au" (or a Terraform region code such as "EU"). Defaults to
     * `pingone:regionCode` (PINGONE_REGION_CODE); custom `pingone:authUrl`/`pingone:apiUrl` still win. Changing it
     * replaces the plan.
     */
    readonly region?: pulumi.Input<string>;
    /** PingOne environment. Defaults to `pingone:environmentId` (PINGONE_ENVIRONMENT_ID). Changing it replaces the plan. */
    readonly environmentId?: pulumi.Input<string>;
    /**
     * Name of the plan when this resource creates it, followed in PingOne by its ownership marker. Defaults to
     * "Default Plan"; an adopted plan keeps its name.
     */
    readonly name?: pulumi.Input<string>;
}

type _ArgsMatchSchema = AssertArgsMatch<ArgsDrift<PropagationPlanArgs, z.input<typeof PropagationPlanInputsSchema>>>;
/**
 * The environment's propagation plan. PingOne allows one per environment, so an existing plan is always adopted
 * as it is (never renamed, and left in place on destroy); a plan this resource created is deleted on destroy once no rule uses it.
 * A created plan's name ends with its ownership marker, `(managed-by: pulumi <project>/<stack>/<resource>)`, so that
 * the plan of a deployment killed before it was recorded is recognised as this resource's own.
 * Share one instance between the rules of a stack.
 */
export class PropagationPlan extends ShimResource {
    static readonly __pulumiType = "pulumi-nodejs:dynamic/pingone:PropagationPlan";

    /** The plan's id (also the resource id), for `PropagationRule.planId`. */
    declare readonly planId: pulumi.Output<string>;
    /** The PingOne environment. */
    declare readonly environmentId: pulumi.Output<string>;
    /** Plan name. */
    declare readonly name: pulumi.Output<string>;
    /** True when the plan existed before and was taken over; such a plan is neither renamed nor deleted. */
    declare readonly adopted: pulumi.Output<boolean>;

    constructor(name: string, args: PropagationPlanArgs = {}, opts?: pulumi.CustomResourceOptions) {
        const restoreStackTraces = shallowStackTraces();
        try {
            super(
                "pingone:PropagationPlan",
                name,
                {
                    planId: undefined,
                    environmentId: undefined,
                    name: undefined,
                    adopted: undefined,
                    ...definedInputs(args),
                    managedBy: resourceOwner(name),
                },
                opts,
            );
        } finally {
            restoreStackTraces();
        }
    }
}
