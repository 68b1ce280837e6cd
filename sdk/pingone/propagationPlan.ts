import * as pulumi from "@pulumi/pulumi";
import { providerShim } from "../providers/providerShim";

export interface PropagationPlanArgs {
    /** PingOne environment. Defaults to `pingone:environmentId` (PINGONE_ENVIRONMENT_ID). Changing it replaces the plan. */
    environmentId?: pulumi.Input<string>;
    /** Name of the plan when this resource creates it. Defaults to "Default Plan"; an adopted plan keeps its name. */
    name?: pulumi.Input<string>;
}

/**
 * The environment's propagation plan. PingOne allows one per environment, so an existing plan is always adopted
 * as it is (never renamed, and left in place on destroy); a plan this resource created is deleted on destroy once no rule uses it.
 * Share one instance between the rules of a stack.
 */
export class PropagationPlan extends pulumi.dynamic.Resource {
    static readonly __pulumiType = "pulumi-nodejs:dynamic/pingone:PropagationPlan";

    declare readonly planId: pulumi.Output<string>;
    declare readonly environmentId: pulumi.Output<string>;
    declare readonly name: pulumi.Output<string>;
    declare readonly adopted: pulumi.Output<boolean>;

    constructor(name: string, args: PropagationPlanArgs = {}, opts?: pulumi.CustomResourceOptions) {
        super(
            providerShim("pingone:PropagationPlan"),
            name,
            {
                planId: undefined,
                environmentId: undefined,
                name: undefined,
                adopted: undefined,
                ...args,
            },
            opts,
            "pingone",
            "PropagationPlan",
        );
    }
}
