import * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";
import type { ArgsDrift, AssertArgsMatch } from "../../dynamic/argsMatch";
import { ShimResource } from "../../dynamic/providerShim";
import type { PropagationRuleInputsSchema } from "./propagationRuleInputs";
import { definedInputs } from "../../dynamic/definedInputs";
import { resourceOwner } from "../../dynamic/resourceOwner";
import { shallowStackTraces } from "../../dynamic/shallowStackTraces";

/** One attribute mapping: exactly one of `source` and `expression`, and a `target`. */
export interface AttributeMappingArgs {
    /** PingOne user attribute: `username`, `email`, `id`, `enabled`, `name.given`, `name.family`, … */
    readonly source?: pulumi.Input<string>;
    /** A PingOne expression, instead of `source`. */
    readonly expression?: pulumi.Input<string>;
    /** SCIM target attribute as PingOne names it: `userName`, `workEmail`, `externalId`, `active`, `givenName`, … */
    readonly target: pulumi.Input<string>;
}

/** Which users the rule provisions. Set exactly one field. */
export interface UserFilterArgs {
    /** A population by name, resolved to its id as the console's "Population Name Equals" does. */
    readonly populationName?: pulumi.Input<string>;
    /** A population by id. */
    readonly populationId?: pulumi.Input<string>;
    /** A raw `populationExpression`, e.g. `population.id eq "…" or population.id eq "…"`. */
    readonly expression?: pulumi.Input<string>;
}

export interface PropagationRuleArgs {
    /**
     * PingOne region: "com", "eu", "asia", "ca" or "com.au" (or a Terraform region code such as "EU"). Defaults to
     * `pingone:regionCode` (PINGONE_REGION_CODE); custom `pingone:authUrl`/`pingone:apiUrl` still win. Changing it
     * replaces the rule.
     */
    readonly region?: pulumi.Input<string>;
    /** PingOne environment. Defaults to `pingone:environmentId` (PINGONE_ENVIRONMENT_ID). Changing it replaces the rule. */
    readonly environmentId?: pulumi.Input<string>;
    /** The environment's propagation plan (`PropagationPlan.planId`). Changing it replaces the rule. */
    readonly planId: pulumi.Input<string>;
    /** Rule name, unique in the plan. */
    readonly name: pulumi.Input<string>;
    readonly description?: pulumi.Input<string>;
    /** Source store. Defaults to the environment's PingOne Directory store. Changing it replaces the rule. */
    readonly sourceStoreId?: pulumi.Input<string>;
    /** Target store: the SCIM connection (`PropagationStore.storeId`). Changing it replaces the rule. */
    readonly targetStoreId: pulumi.Input<string>;
    /** Which users are provisioned. Required: a rule never provisions "everyone" by accident. */
    readonly userFilter: pulumi.Input<UserFilterArgs>;
    /** Attribute mappings, managed as a set: an update changes only the mappings that differ. Targets must be unique. */
    readonly mappings?: pulumi.Input<pulumi.Input<AttributeMappingArgs>[]>;
    /** Ids of the groups the rule is limited to, as the console's group scope. Unset: no group limit. */
    readonly groupIds?: pulumi.Input<pulumi.Input<string>[]>;
    /** The console's rule toggle. Defaults to true; an active rule needs at least one mapping. */
    readonly active?: pulumi.Input<boolean>;
    /** Take over an existing rule with the same name in the plan instead of failing. Defaults to false. */
    readonly adopt?: pulumi.Input<boolean>;
}

type _ArgsMatchSchema = AssertArgsMatch<ArgsDrift<PropagationRuleArgs, z.input<typeof PropagationRuleInputsSchema>>>;
/**
 * A PingOne provisioning rule with its user filter and attribute mappings. It is created inactive, then its
 * mappings are added, then it is activated; destroy deactivates it before deleting it.
 */
export class PropagationRule extends ShimResource {
    static readonly __pulumiType = "pulumi-nodejs:dynamic/pingone:PropagationRule";

    /** The rule's id (also the resource id). */
    declare readonly ruleId: pulumi.Output<string>;
    /** The PingOne environment. */
    declare readonly environmentId: pulumi.Output<string>;
    /** Rule name. */
    declare readonly name: pulumi.Output<string>;
    /** Whether the rule is active. */
    declare readonly active: pulumi.Output<boolean>;
    /** The source store in use (`sourceStoreId`, or the PingOne Directory store). */
    declare readonly effectiveSourceStoreId: pulumi.Output<string>;
    /** The SCIM connection the rule provisions to. */
    declare readonly targetStoreId: pulumi.Output<string>;
    /** The rule's `populationExpression` as PingOne stores it (a population name resolved to its id). */
    declare readonly populationExpression: pulumi.Output<string>;
    /** The attribute mappings as PingOne has them. */
    declare readonly mappings: pulumi.Output<{ source?: string; expression?: string; target: string }[]>;

    constructor(name: string, args: PropagationRuleArgs, opts?: pulumi.CustomResourceOptions) {
        const restoreStackTraces = shallowStackTraces();
        try {
            super(
                "pingone:PropagationRule",
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
            );
        } finally {
            restoreStackTraces();
        }
    }
}
