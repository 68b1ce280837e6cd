import type { ResourceValidation } from "@pulumi/policy";

const pulumiTypeOf = (validation: ResourceValidation): unknown =>
    (validation as ResourceValidation & { __pulumiType?: unknown }).__pulumiType;

/**
 * One validation covering several resource types, each written with `validateResourceOfType`. An array of
 * validations would make the analyzer count the policy as "not applicable" on every resource (each other entry calls
 * `notApplicable`); this runs only the entries for the resource's type, and is not applicable only when none match.
 */
export function validateResourcesOfTypes(...validations: ResourceValidation[]): ResourceValidation {
    const types = validations.map(pulumiTypeOf).filter((type): type is string => typeof type === "string");
    return async (args, reportViolation) => {
        const matching = validations.filter((validation) => pulumiTypeOf(validation) === args.type);
        if (matching.length === 0) {
            args.notApplicable(`Policy only applies to resources of types ${types.map((t) => `'${t}'`).join(", ")}`);
        }
        for (const validation of matching) {
            await validation(args, reportViolation);
        }
    };
}
