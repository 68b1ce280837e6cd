import { z } from "zod";
import { scimTargetProblem } from "../../docuware/api/scimTargets";
import { EnvironmentIdSchema, RegionSchema } from "../api/environment";
import { PINGONE_ID_SOURCES, pingOneIdSchema } from "../api/pingOneId";

/** One attribute mapping: a PingOne source attribute (or expression) → a SCIM target attribute. */
export const AttributeMappingSchema = z
    .object({
        /** PingOne user attribute, e.g. `username`, `email`, `id`, `enabled`, `name.given`. */
        source: z.string().trim().min(1).optional(),
        /** PingOne expression instead of a source attribute, e.g. `#root.user.name.given + " " + …`. */
        expression: z.string().trim().min(1).optional(),
        /** Flat SCIM target attribute, e.g. `userName`, `workEmail`, `externalId`, `active`, `givenName`. */
        target: z
            .string()
            .trim()
            .min(1, "target must not be empty; name a SCIM attribute such as userName")
            .superRefine((target, context) => {
                const problem = scimTargetProblem("target", target);
                if (problem) {
                    context.addIssue({ code: "custom", message: problem });
                }
            }),
    })
    .refine((m) => (m.source === undefined) !== (m.expression === undefined), {
        message: "mapping must set exactly one of `source` and `expression`",
    });
export type AttributeMapping = z.infer<typeof AttributeMappingSchema>;

/** A rule's mappings: each target attribute mapped once. */
export const AttributeMappingsSchema = z.array(AttributeMappingSchema).superRefine((mappings, context) => {
    const seen = new Map<string, number>();
    mappings.forEach((mapping, index) => {
        const first = seen.get(mapping.target);
        if (first !== undefined) {
            context.addIssue({
                code: "custom",
                path: [index, "target"],
                message: `target "${mapping.target}" is mapped twice; map each target attribute once`,
            });
        } else {
            seen.set(mapping.target, index);
        }
    });
});

/** An active rule needs a mapping: the rule of `PropagationRuleInputsSchema`, for callers that hold only these two. */
export function activeRuleNeedsMappings(
    inputs: { active: boolean; mappings: readonly unknown[] },
    context: z.RefinementCtx,
): void {
    if (inputs.active && inputs.mappings.length === 0) {
        context.addIssue({
            code: "custom",
            path: ["mappings"],
            message: "an active rule needs at least one attribute mapping; add mappings or set `active: false`",
        });
    }
}

const emptyFilter = (field: string) => `${field} must not be empty: an empty filter would provision no one or everyone`;

/** Which PingOne users the rule provisions: one population (by name or id) or a raw `populationExpression`. */
export const UserFilterSchema = z
    .object({
        populationName: z.string().trim().min(1, emptyFilter("populationName")).optional(),
        populationId: pingOneIdSchema("populationId", PINGONE_ID_SOURCES.populationId).optional(),
        expression: z.string().trim().min(1, emptyFilter("expression")).optional(),
    })
    .refine((f) => [f.populationName, f.populationId, f.expression].filter((v) => v !== undefined).length === 1, {
        message: "userFilter must set exactly one of `populationName`, `populationId` and `expression`",
    });
export type UserFilter = z.infer<typeof UserFilterSchema>;

export const PropagationRuleInputsSchema = z
    .object({
        environmentId: EnvironmentIdSchema,
        region: RegionSchema,
        planId: pingOneIdSchema("planId", PINGONE_ID_SOURCES.planId),
        name: z.string().trim().min(1, "name must not be empty"),
        description: z
            .string()
            .optional()
            .transform((d) => d || undefined),
        /** Source store; defaults to the environment's PingOne Directory store. */
        sourceStoreId: pingOneIdSchema("sourceStoreId", PINGONE_ID_SOURCES.sourceStoreId).optional(),
        targetStoreId: pingOneIdSchema("targetStoreId", PINGONE_ID_SOURCES.targetStoreId),
        userFilter: UserFilterSchema,
        mappings: AttributeMappingsSchema.default([]),
        /** Ids of the groups the rule is limited to (the console's group scope); unset: no group limit. */
        groupIds: z.array(z.string().trim().min(1, "group ids must not be empty")).optional(),
        active: z.boolean().default(true),
        adopt: z.boolean().default(false),
        /** `<project>/<stack>/<resource>`, written as a marker into `description`; never compared. */
        managedBy: z.string().min(1).optional(),
    })
    .superRefine(activeRuleNeedsMappings);
export type PropagationRuleInputs = z.infer<typeof PropagationRuleInputsSchema>;

export interface PropagationRuleOutputs extends PropagationRuleInputs {
    ruleId: string;
    /** The source store in use: `sourceStoreId` when set, else the environment's PingOne Directory store. */
    effectiveSourceStoreId: string;
    /** The rule's `populationExpression` as PingOne stores it. */
    populationExpression: string;
}

const mappingKey = (m: AttributeMapping) => `${m.target}\u0000${m.source ?? ""}\u0000${m.expression ?? ""}`;

/** Group ids are a set: order does not matter, and none is no group limit. */
export function sameGroupIds(live: unknown, desired: unknown): boolean {
    const ids = (value: unknown) => [...((value ?? []) as string[])].sort();
    return JSON.stringify(ids(live)) === JSON.stringify(ids(desired));
}

/** Mappings are a set: order does not matter. */
export function sameMappings(live: unknown, desired: unknown): boolean {
    const keys = (value: unknown) => ((value ?? []) as AttributeMapping[]).map(mappingKey).sort();
    return JSON.stringify(keys(live)) === JSON.stringify(keys(desired));
}
