import { z } from "zod";
import { ReferenceSchema, STORE_TYPES } from "../../state/resourceSchemas";

/** Store create / PUT body; `configuration` is checked per `type` by `validateStoreConfiguration`. */
export const StoreWriteSchema = z.object({
    name: z.string().min(1),
    description: z.string().optional(),
    type: z.enum(STORE_TYPES),
    status: z.enum(["ACTIVE", "INACTIVE"]).optional(),
    managed: z.boolean().optional(),
    image: z.object({ id: z.string().optional(), href: z.string().optional() }).optional(),
    configuration: z.unknown().optional(),
});
export type StoreWrite = z.infer<typeof StoreWriteSchema>;

export const PlanWriteSchema = z.object({
    name: z.string().min(1),
    // The Go SDK's EnumIdentityPropagationPlanStatus lists only INACTIVE and no source sends ACTIVE; whether PingOne
    // accepts ACTIVE is unknown (inferred: refused, so a client that sends it is caught).
    status: z.literal("INACTIVE").optional(),
});

export const RuleWriteSchema = z.object({
    name: z.string().min(1),
    description: z.string().optional(),
    plan: ReferenceSchema.optional(),
    sourceStore: ReferenceSchema,
    targetStore: ReferenceSchema,
    active: z.boolean().optional(),
    populationExpression: z.string().optional(),
    populations: z.array(ReferenceSchema).optional(),
    deprovision: z.boolean().optional(),
    groups: z.array(ReferenceSchema).optional(),
    configuration: z.record(z.string(), z.unknown()).optional(),
    parentRule: ReferenceSchema.optional(),
});
export type RuleWrite = z.infer<typeof RuleWriteSchema>;

/**
 * Rule PUT: the Docs "Update Rule" request model (non-writeback) has no `plan`, `sourceStore` or `targetStore`;
 * TF-easytofu sends them anyway (unchanged), so they are accepted when they match the rule.
 */
export const RuleUpdateSchema = RuleWriteSchema.partial({ sourceStore: true, targetStore: true });

export const MappingWriteSchema = z
    .object({
        sourceAttribute: z.string().min(1).optional(),
        expression: z.string().min(1).optional(),
        targetAttribute: z.string().min(1),
        attributeMappingType: z.string().optional(),
        // Docs call it required; no client sends it, so it is optional in practice (inferred).
        name: z.string().optional(),
        rule: ReferenceSchema.optional(),
    })
    .superRefine((mapping, context) => {
        const sources = [mapping.sourceAttribute, mapping.expression].filter((value) => value !== undefined);
        if (sources.length !== 1) {
            context.addIssue({
                code: "custom",
                path: [sources.length === 0 ? "sourceAttribute" : "expression"],
                params: { code: sources.length === 0 ? "REQUIRED_VALUE" : "INVALID_VALUE" },
                message: "Exactly one of sourceAttribute or expression must be set.",
            });
        }
    });
export type MappingWrite = z.infer<typeof MappingWriteSchema>;
