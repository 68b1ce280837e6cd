import { z } from "zod";

/** PingOne ids (environments, plans, stores, rules, populations, mappings) are UUIDs; the API refuses anything else. */
const PINGONE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isPingOneId(value: string): boolean {
    return PINGONE_ID.test(value);
}

/**
 * Why `value` is not a PingOne id, naming `field` and where the right value comes from (`source`); undefined when
 * it is one.
 */
export function pingOneIdProblem(field: string, value: string, source: string): string | undefined {
    if (isPingOneId(value)) {
        return undefined;
    }
    return `${field} must be a PingOne id (a UUID such as 9a3b1c2d-4e5f-4a6b-8c7d-0e1f2a3b4c5d), got "${value}"; ${source}`;
}

/** A required PingOne id input. */
export function pingOneIdSchema(field: string, source: string) {
    return z
        .string()
        .trim()
        .min(1, `${field} must not be empty`)
        .superRefine((value, context) => {
            const problem = pingOneIdProblem(field, value, source);
            if (problem) {
                context.addIssue({ code: "custom", message: problem });
            }
        });
}

/** Where each id comes from, for the messages. */
export const PINGONE_ID_SOURCES = {
    environmentId:
        "copy the Environment ID from the PingOne console (Settings > Environment Properties), or leave it out to use `pingone:environmentId`",
    planId: "use `PropagationPlan.planId` (or the component's `planId` output)",
    targetStoreId: "use `PropagationStore.storeId`",
    sourceStoreId: "use a propagation store's id, or leave it out for the PingOne Directory store",
    populationId:
        "copy the population's ID from Directory > Populations in the PingOne console, or use `populationName`",
} as const;
