import { type ResourceValidationPolicy, remediateResourceOfType, validateResourceOfType } from "@pulumi/policy";
import { REQUIRED_MAPPINGS } from "../../sdk/docuware/api/guideMappings";
import { DOCUWARE_SCIM_TARGETS } from "../../sdk/docuware/api/scimTargets";
import { PropagationRule } from "../../sdk/pingone/resources/propagationRule";
import { configSchema, policyConfig } from "../lib/config";
import { GUIDE_URL } from "../lib/guide";
import { label, listing, quoted } from "../lib/resources";
import { type Props, isKnown, known, snapshot } from "../lib/unknowns";

/** One mapping a rule must have. Without `source`, any source (or expression) for `target` will do. */
export interface RequiredMapping {
    source?: string;
    target: string;
}

export interface PropagationRuleRequiredMappingsConfig {
    /** Defaults to the guide's: username → userName, email → workEmail, id → externalId, enabled → active. */
    requiredMappings?: RequiredMapping[];
}

const requiredMappingsDefaults: Required<PropagationRuleRequiredMappingsConfig> = {
    requiredMappings: REQUIRED_MAPPINGS.map((mapping) => ({ ...mapping })),
};

type RuleProps = Props<{ mappings?: { source?: string; expression?: string; target: string }[] }>;

const show = (mapping: RequiredMapping) => `${mapping.source ?? "an attribute"} → ${mapping.target}`;

interface MappingReview {
    /** Required mappings whose target is not mapped at all. */
    missing: RequiredMapping[];
    /** Required mappings whose target is mapped from another source. */
    wrongSource: { required: RequiredMapping & { source: string }; actual: string }[];
}

/** Compares a rule's mappings with the required ones; parts that are unknown during preview are left out. */
function reviewMappings(rule: RuleProps, required: readonly RequiredMapping[]): MappingReview {
    const review: MappingReview = { missing: [], wrongSource: [] };
    if (!isKnown(rule.mappings)) {
        return review;
    }
    const mappings = (rule.mappings ?? []).filter(isKnown);
    const allTargetsKnown =
        mappings.length === (rule.mappings ?? []).length && mappings.every((mapping) => isKnown(mapping.target));
    for (const requirement of required) {
        const mapped = mappings.find((mapping) => mapping.target === requirement.target);
        if (!mapped) {
            if (allTargetsKnown) {
                review.missing.push(requirement);
            }
            continue;
        }
        if (requirement.source === undefined || !isKnown(mapped.source) || !isKnown(mapped.expression)) {
            continue;
        }
        if (mapped.source !== requirement.source) {
            const actual = mapped.source === undefined ? "an expression" : mapped.source;
            review.wrongSource.push({ required: { ...requirement, source: requirement.source }, actual });
        }
    }
    return review;
}

/**
 * The rule feeding DocuWare maps the attributes DocuWare needs to match and enable users. Remediation adds the missing
 * ones (with their source), so a rule keeps the mappings it has and gains the required ones.
 */
export const propagationRuleRequiredMappings: ResourceValidationPolicy = {
    name: "propagation-rule-required-mappings",
    description:
        "Checks whether the PingOne rule feeding DocuWare maps the attributes DocuWare requires (by default username → userName, email → workEmail, id → externalId and enabled → active).",
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps:
        "Add the missing mappings to the rule's `mappings` (or leave `mappings` out of DocuWarePingOneProvisioning to get the guide's), or run this policy at the \"remediate\" level to have them added.",
    url: GUIDE_URL,
    configSchema: configSchema<PropagationRuleRequiredMappingsConfig>(requiredMappingsDefaults, {
        requiredMappings: {
            type: "array",
            description: "Mappings every rule must have; `source` may be left out to accept any source for the target.",
            items: {
                type: "object",
                properties: { source: { type: "string", minLength: 1 }, target: { type: "string", minLength: 1 } },
                required: ["target"],
                additionalProperties: false,
            },
        },
    }),
    validateResource: validateResourceOfType(PropagationRule, (props, args, reportViolation) => {
        const { requiredMappings } = policyConfig(args, requiredMappingsDefaults);
        const review = reviewMappings(snapshot(props), requiredMappings);
        if (review.missing.length > 0) {
            const them = review.missing.length === 1 ? "it" : "them";
            reportViolation(
                `${label(args)} must map ${listing(review.missing.map(show))} for DocuWare; add ${them} to \`mappings\` (the "remediate" level adds ${them}).`,
            );
        }
        for (const { required, actual } of review.wrongSource) {
            reportViolation(
                `${label(args)} must map ${show(required)}, but maps ${required.target} from ${actual}; change that mapping's source to ${required.source}.`,
            );
        }
    }),
    remediateResource: remediateResourceOfType(PropagationRule, (props, args) => {
        const { requiredMappings } = policyConfig(args, requiredMappingsDefaults);
        const addable = reviewMappings(snapshot(props), requiredMappings).missing.filter(
            (mapping): mapping is Required<RequiredMapping> => mapping.source !== undefined,
        );
        if (addable.length === 0) {
            return undefined;
        }
        // Keep the existing entries as they are (they may hold values unknown during preview) and append.
        const existing = known(() => [...(props.mappings ?? [])]);
        if (!isKnown(existing)) {
            return undefined;
        }
        // The props object is the engine's (values unknown in a preview throw when read): change it in place.
        Object.assign(props, { mappings: [...existing, ...addable.map(({ source, target }) => ({ source, target }))] });
        return props;
    }),
};

export interface PropagationRuleMappingTargetsConfig {
    /** Target attributes a mapping may use. Defaults to `DOCUWARE_SCIM_TARGETS`. */
    acceptedTargets?: string[];
}

const mappingTargetsDefaults: Required<PropagationRuleMappingTargetsConfig> = {
    acceptedTargets: [...DOCUWARE_SCIM_TARGETS],
};

export const propagationRuleMappingTargetsAccepted: ResourceValidationPolicy = {
    name: "propagation-rule-mapping-targets-accepted",
    description:
        "Checks whether every mapping of a PingOne rule targets an attribute DocuWare's SCIM service accepts, and no target is mapped twice.",
    enforcementLevel: "mandatory",
    severity: "medium",
    remediationSteps:
        "Remove mappings to attributes DocuWare does not store (such as the work address fields) and keep one mapping per target attribute.",
    url: GUIDE_URL,
    configSchema: configSchema<PropagationRuleMappingTargetsConfig>(mappingTargetsDefaults, {
        acceptedTargets: {
            type: "array",
            description: "PingOne SCIM target attributes that DocuWare accepts.",
            items: { type: "string", minLength: 1 },
        },
    }),
    validateResource: validateResourceOfType(PropagationRule, (props, args, reportViolation) => {
        const { acceptedTargets } = policyConfig(args, mappingTargetsDefaults);
        const rule: RuleProps = snapshot(props);
        if (!isKnown(rule.mappings)) {
            return;
        }
        const counts = new Map<string, number>();
        for (const mapping of rule.mappings ?? []) {
            if (isKnown(mapping) && isKnown(mapping.target)) {
                counts.set(mapping.target, (counts.get(mapping.target) ?? 0) + 1);
            }
        }
        for (const [target, count] of counts) {
            if (!acceptedTargets.includes(target)) {
                reportViolation(
                    `${label(args)} must not map to ${quoted(target)}, which DocuWare's SCIM service does not accept; remove that mapping or use one of the acceptedTargets.`,
                );
            }
            if (count > 1) {
                reportViolation(
                    `${label(args)} must map each target once, but maps ${quoted(target)} ${count} times; keep one of those mappings.`,
                );
            }
        }
    }),
};
