import { z } from "zod";

/** A reference to another object: `{ "id": "…" }`. */
export const RefSchema = z.object({ id: z.string().min(1) });

const timestamps = {
    createdAt: z.string().optional(),
    updatedAt: z.string().optional(),
};

/** PingOne's error envelope (`{id, code, message, details[]}`). */
export const ErrorEnvelopeSchema = z.object({
    id: z.string().optional(),
    code: z.string().optional(),
    message: z.string().optional(),
    details: z
        .array(
            z.object({
                code: z.string().optional(),
                target: z.string().optional(),
                message: z.string(),
            }),
        )
        .optional(),
});

/** A HAL collection: items under `_embedded.<key>`, the next page under `_links.next.href`. */
export function halCollection<T extends z.ZodType>(key: string, item: T) {
    return z.object({
        _embedded: z.object({ [key]: z.array(item) }).partial(),
        _links: z.object({ next: z.object({ href: z.string() }).optional() }).optional(),
    });
}

export const EnvironmentSchema = z.object({ id: z.string(), name: z.string().optional() });
export type Environment = z.infer<typeof EnvironmentSchema>;

export const PopulationSchema = z.object({
    id: z.string(),
    name: z.string(),
    default: z.boolean().optional(),
    userCount: z.number().optional(),
});
export type Population = z.infer<typeof PopulationSchema>;

export const UserNameSchema = z.object({
    given: z.string().optional(),
    family: z.string().optional(),
    formatted: z.string().optional(),
});

export const UserSchema = z.object({
    id: z.string(),
    username: z.string(),
    email: z.string().optional(),
    name: UserNameSchema.optional(),
    enabled: z.boolean().optional(),
    population: RefSchema.optional(),
    externalId: z.string().optional(),
    ...timestamps,
});
export type User = z.infer<typeof UserSchema>;

/** A user with every attribute PingOne returned (custom ones included): filters and mappings may use any of them. */
export const DirectoryUserSchema = UserSchema.loose();
export type DirectoryUser = z.infer<typeof DirectoryUserSchema>;

export const UserCreateSchema = z.object({
    username: z.string().min(1),
    email: z.email(),
    name: UserNameSchema.optional(),
    population: RefSchema.optional(),
    externalId: z.string().optional(),
});
export type UserCreate = z.infer<typeof UserCreateSchema>;

/** Per-user outcome of a rule (`/users/{id}/syncedRules/{ruleId}`). */
export const SyncedRuleSchema = z.object({
    rule: RefSchema.optional(),
    status: z.string(),
    lastSyncAt: z.string().optional(),
    details: z.string().optional(),
});
export type SyncedRule = z.infer<typeof SyncedRuleSchema>;

/** Configuration values are strings or JSON booleans; write-only secrets are never returned. */
export const StoreConfigurationSchema = z.record(z.string(), z.union([z.string(), z.boolean()]));
export type StoreConfiguration = z.infer<typeof StoreConfigurationSchema>;

export const StoreStatusSchema = z.enum(["ACTIVE", "INACTIVE"]);

export const SyncStatusSchema = z.object({
    syncState: z.string().optional(),
    lastSyncAt: z.string().optional(),
    successCount: z.number().optional(),
    failedCount: z.number().optional(),
    failedDeprovisionCount: z.number().optional(),
    userTotal: z.number().optional(),
    details: z.string().optional(),
});
export type SyncStatus = z.infer<typeof SyncStatusSchema>;

/** What a client sends for a propagation store (create and full-replace update). */
export const StoreWriteSchema = z.object({
    name: z.string().min(1),
    description: z.string().optional(),
    type: z.string().min(1),
    status: StoreStatusSchema,
    managed: z.boolean().optional(),
    configuration: StoreConfigurationSchema,
});
export type StoreWrite = z.infer<typeof StoreWriteSchema>;

/**
 * The PingOne Directory store as the docs' "Create store (PingOne Directory)" request model has it: `type`, `name`,
 * `managed`, `image.href`, `description`; no `configuration` and no `status`.
 */
export const DirectoryStoreWriteSchema = z.strictObject({
    type: z.literal("directory"),
    name: z.string().min(1),
    description: z.string().optional(),
    managed: z.boolean().optional(),
    image: z.strictObject({ href: z.string() }).optional(),
});
export type DirectoryStoreWrite = z.infer<typeof DirectoryStoreWriteSchema>;

export const StoreSchema = StoreWriteSchema.extend({
    id: z.string(),
    status: StoreStatusSchema.optional(),
    configuration: StoreConfigurationSchema.optional(),
    syncStatus: SyncStatusSchema.optional(),
    ...timestamps,
});
export type Store = z.infer<typeof StoreSchema>;

/** A plan write carries its name only (see `toPlanWrite`); `status` is never sent. */
export const PlanWriteSchema = z.strictObject({ name: z.string().min(1) });
export type PlanWrite = z.infer<typeof PlanWriteSchema>;
export const PlanSchema = z.object({
    id: z.string(),
    name: z.string().min(1),
    status: z.string().optional(),
    ...timestamps,
});
export type Plan = z.infer<typeof PlanSchema>;

export const RuleWriteSchema = z.object({
    name: z.string().min(1),
    description: z.string().optional(),
    plan: RefSchema,
    environment: RefSchema.optional(),
    sourceStore: RefSchema,
    targetStore: RefSchema,
    active: z.boolean(),
    populationExpression: z.string().optional(),
    groups: z.array(RefSchema).optional(),
});
export type RuleWrite = z.infer<typeof RuleWriteSchema>;

/**
 * A rule's full replace: the Docs "Update Rule" request model for non-writeback rules, which has no `plan`,
 * `sourceStore` or `targetStore` (those cannot change; the rule is replaced instead).
 */
export const RuleUpdateSchema = RuleWriteSchema.omit({
    plan: true,
    environment: true,
    sourceStore: true,
    targetStore: true,
});
export type RuleUpdate = z.infer<typeof RuleUpdateSchema>;

export const RuleSchema = RuleWriteSchema.extend({
    id: z.string(),
    active: z.boolean().optional(),
    ...timestamps,
});
export type Rule = z.infer<typeof RuleSchema>;

export const MappingWriteSchema = z
    .object({
        sourceAttribute: z.string().min(1).optional(),
        expression: z.string().min(1).optional(),
        targetAttribute: z.string().min(1),
        attributeMappingType: z.string().optional(),
    })
    .refine((m) => (m.sourceAttribute === undefined) !== (m.expression === undefined), {
        message: "a mapping needs exactly one of sourceAttribute and expression",
    });
export type MappingWrite = z.infer<typeof MappingWriteSchema>;

export const MappingSchema = z.object({
    id: z.string(),
    rule: RefSchema.optional(),
    sourceAttribute: z.string().optional(),
    expression: z.string().optional(),
    targetAttribute: z.string(),
    attributeMappingType: z.string().optional(),
    ...timestamps,
});
export type Mapping = z.infer<typeof MappingSchema>;

export const RevisionSchema = z.object({
    id: z.string(),
    createdAt: z.string().optional(),
    /** The actor's id (Docs "Propagation Revisions" data model: a string). */
    createdBy: z.string().optional(),
    previousRevision: RefSchema.optional(),
});
export type Revision = z.infer<typeof RevisionSchema>;
