import * as pulumi from "@pulumi/pulumi";
import { definedInputs } from "../providers/definedInputs";
import { providerShim } from "../providers/providerShim";
import { shallowStackTraces } from "../providers/shallowStackTraces";

export interface PropagationPlanArgs {
    /** PingOne environment. Defaults to `pingone:environmentId` (PINGONE_ENVIRONMENT_ID). Changing it replaces the plan. */
    environmentId?: pulumi.Input<string>;
    /** Plan name. Defaults to "Default Plan". */
    name?: pulumi.Input<string>;
    /** Plan status ACTIVE; provisioning runs only for an active plan. Defaults to true. */
    active?: pulumi.Input<boolean>;
}

/**
 * The environment's propagation plan. PingOne allows one per environment, so an existing plan is always adopted
 * (and then left in place on destroy); a plan this resource created is deleted on destroy once no rule uses it.
 * Share one instance between the rules of a stack.
 */
export class PropagationPlan extends pulumi.dynamic.Resource {
    static readonly __pulumiType = "pulumi-nodejs:dynamic/pingone:PropagationPlan";

    declare readonly planId: pulumi.Output<string>;
    declare readonly environmentId: pulumi.Output<string>;
    declare readonly name: pulumi.Output<string>;
    declare readonly active: pulumi.Output<boolean>;
    declare readonly adopted: pulumi.Output<boolean>;

    constructor(name: string, args: PropagationPlanArgs = {}, opts?: pulumi.CustomResourceOptions) {
        const restoreStackTraces = shallowStackTraces();
        try {
            super(
                providerShim("pingone:PropagationPlan"),
                name,
                {
                    planId: undefined,
                    environmentId: undefined,
                    name: undefined,
                    active: undefined,
                    adopted: undefined,
                    ...definedInputs(args),
                },
                opts,
                "pingone",
                "PropagationPlan",
            );
        } finally {
            restoreStackTraces();
        }
    }
}
