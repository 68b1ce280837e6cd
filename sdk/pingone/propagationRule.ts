import * as pulumi from "@pulumi/pulumi";
import { definedInputs } from "../providers/definedInputs";
import { providerShim } from "../providers/providerShim";
import { resourceOwner } from "../providers/resourceOwner";
import { shallowStackTraces } from "../providers/shallowStackTraces";

/** One attribute mapping: exactly one of `source` and `expression`, and a `target`. */
export interface AttributeMappingArgs {
    /** PingOne user attribute: `username`, `email`, `id`, `enabled`, `name.given`, `name.family`, … */
    source?: pulumi.Input<string>;
    /** A PingOne expression, instead of `source`. */
    expression?: pulumi.Input<string>;
    /** SCIM target attribute as PingOne names it: `userName`, `workEmail`, `externalId`, `active`, `givenName`, … */
    target: pulumi.Input<string>;
}

/** Which users the rule provisions. Set exactly one field. */
export interface UserFilterArgs {
    /** A population by name, resolved to its id as the console's "Population Name Equals" does. */
    populationName?: pulumi.Input<string>;
    /** A population by id. */
    populationId?: pulumi.Input<string>;
    /** A raw `populationExpression`, e.g. `population.id eq "…" or population.id eq "…"`. */
    expression?: pulumi.Input<string>;
}

export interface PropagationRuleArgs {
    /** PingOne environment. Defaults to `pingone:environmentId` (PINGONE_ENVIRONMENT_ID). Changing it replaces the rule. */
    environmentId?: pulumi.Input<string>;
    /** The environment's propagation plan (`PropagationPlan.planId`). Changing it replaces the rule. */
    planId: pulumi.Input<string>;
    /** Rule name, unique in the plan. */
    name: pulumi.Input<string>;
    description?: pulumi.Input<string>;
    /** Source store. Defaults to the environment's PingOne Directory store. Changing it replaces the rule. */
    sourceStoreId?: pulumi.Input<string>;
    /** Target store: the SCIM connection (`PropagationStore.storeId`). Changing it replaces the rule. */
    targetStoreId: pulumi.Input<string>;
    /** Which users are provisioned. Required: a rule never provisions "everyone" by accident. */
    userFilter: pulumi.Input<UserFilterArgs>;
    /** Attribute mappings, managed as a set: an update changes only the mappings that differ. Targets must be unique. */
    mappings?: pulumi.Input<pulumi.Input<AttributeMappingArgs>[]>;
    /** Ids of the groups the rule is limited to, as the console's group scope. Unset: no group limit. */
    groupIds?: pulumi.Input<pulumi.Input<string>[]>;
    /** The console's rule toggle. Defaults to true; an active rule needs at least one mapping. */
    active?: pulumi.Input<boolean>;
    /** Take over an existing rule with the same name in the plan instead of failing. Defaults to false. */
    adopt?: pulumi.Input<boolean>;
}

/**
 * A PingOne provisioning rule with its user filter and attribute mappings. It is created inactive, then its
 * mappings are added, then it is activated; destroy deactivates it before deleting it.
 */
export class PropagationRule extends pulumi.dynamic.Resource {
    static readonly __pulumiType = "pulumi-nodejs:dynamic/pingone:PropagationRule";

    declare readonly ruleId: pulumi.Output<string>;
    declare readonly environmentId: pulumi.Output<string>;
    declare readonly name: pulumi.Output<string>;
    declare readonly active: pulumi.Output<boolean>;
    /** The source store in use (`sourceStoreId`, or the PingOne Directory store). */
    declare readonly effectiveSourceStoreId: pulumi.Output<string>;
    declare readonly targetStoreId: pulumi.Output<string>;
    declare readonly populationExpression: pulumi.Output<string>;
    declare readonly mappings: pulumi.Output<{ source?: string; expression?: string; target: string }[]>;

    constructor(name: string, args: PropagationRuleArgs, opts?: pulumi.CustomResourceOptions) {
        const restoreStackTraces = shallowStackTraces();
        try {
            super(
                providerShim("pingone:PropagationRule"),
                name,
                {
                    ruleId: undefined,
                    environmentId: undefined,
                    active: undefined,
                    effectiveSourceStoreId: undefined,
                    populationExpression: undefined,
                    mappings: undefined,
                    ...definedInputs(args),
                    managedBy: resourceOwner(name),
                },
                opts,
                "pingone",
                "PropagationRule",
            );
        } finally {
            restoreStackTraces();
        }
    }
}
