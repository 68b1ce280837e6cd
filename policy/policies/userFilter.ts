import { type ResourceValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { PropagationRule } from "../../sdk/pingone/resources/propagationRule";
import { configSchema, policyConfig } from "../lib/config";
import { GUIDE_URL } from "../lib/guide";
import { type PopulationRef, type UserFilterProps, describePopulation, filterScope } from "../lib/populations";
import { label, listing, quoted } from "../lib/resources";
import { type Props, snapshot } from "../lib/unknowns";

export interface PropagationRuleUserFilterConfig {
    /**
     * Populations a rule may provision, by name or by id. Empty (the default) allows any population, as long as the
     * filter names one.
     */
    allowedPopulations?: string[];
}

const userFilterDefaults: Required<PropagationRuleUserFilterConfig> = { allowedPopulations: [] };

export const propagationRuleUserFilterRestricted: ResourceValidationPolicy = {
    name: "propagation-rule-user-filter-restricted",
    description:
        'Checks whether a PingOne rule has a user filter that limits it to populations (never "everyone" by accident), optionally only allowed ones.',
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps:
        'Set the rule\'s `userFilter` to a population, e.g. `{ populationName: "Default" }` as in the DocuWare guide; an expression must limit every alternative with `population.id eq "…"` or `population.name eq "…"`.',
    url: GUIDE_URL,
    configSchema: configSchema<PropagationRuleUserFilterConfig>(userFilterDefaults, {
        allowedPopulations: {
            type: "array",
            description: "Population names or ids rules may provision; empty allows any population.",
            items: { type: "string", minLength: 1 },
        },
    }),
    validateResource: validateResourceOfType(PropagationRule, (props, args, reportViolation) => {
        const { allowedPopulations } = policyConfig(args, userFilterDefaults);
        const rule: Props<{ userFilter?: UserFilterProps }> = snapshot(props);
        const scope = filterScope(rule.userFilter);
        switch (scope.kind) {
            case "unknown":
                return;
            case "everyone":
                reportViolation(
                    `${label(args)} must have a user filter, or it provisions every PingOne user; set \`userFilter\` to a population, e.g. { populationName: "Default" }.`,
                );
                return;
            case "unrestricted":
                reportViolation(
                    `${label(args)} must limit every alternative of its user filter to a population, but ${quoted(scope.expression)} does not; use population.id eq "…" or population.name eq "…".`,
                );
                return;
        }
        if (allowedPopulations.length === 0) {
            return;
        }
        const notAllowed = scope.populations.filter((ref: PopulationRef) => !allowedPopulations.includes(ref.value));
        if (notAllowed.length > 0) {
            reportViolation(
                `${label(args)} must provision only the allowed populations (${allowedPopulations.join(", ")}), but its user filter selects ${listing(notAllowed.map(describePopulation))}; change \`userFilter\` or allowedPopulations.`,
            );
        }
    }),
};
