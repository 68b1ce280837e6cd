import { z } from "zod";

/** Nested `{ "id": ... }` reference, as PingOne writes `environment`, `population`, `plan`, `rule`, ... */
export const ReferenceSchema = z.object({ id: z.string().min(1) });
export type Reference = z.infer<typeof ReferenceSchema>;

const timestamps = { createdAt: z.string(), updatedAt: z.string() };

export const PopulationSchema = z.object({
    id: z.string(),
    environment: ReferenceSchema,
    name: z.string().min(1),
    description: z.string().optional(),
    default: z.boolean(),
    passwordPolicy: ReferenceSchema.optional(),
    theme: ReferenceSchema.optional(),
    alternativeIdentifiers: z.array(z.string()).optional(),
    preferredLanguage: z.string().optional(),
    ...timestamps,
});
export type Population = z.infer<typeof PopulationSchema>;

/** The user attributes a client may write (create, PUT, PATCH). */
export const UserAttributesSchema = z.looseObject({
    username: z.string().min(1),
    email: z.string().regex(/^[^@\s]+@[^@\s]+$/, "must be an email address"),
    name: z
        .object({
            given: z.string().optional(),
            family: z.string().optional(),
            middle: z.string().optional(),
            formatted: z.string().optional(),
            honorificPrefix: z.string().optional(),
            honorificSuffix: z.string().optional(),
        })
        .optional(),
    nickname: z.string().optional(),
    title: z.string().optional(),
    primaryPhone: z.string().optional(),
    mobilePhone: z.string().optional(),
    externalId: z.string().optional(),
    locale: z.string().optional(),
    preferredLanguage: z.string().optional(),
    timezone: z.string().optional(),
    type: z.string().optional(),
    address: z
        .object({
            streetAddress: z.string().optional(),
            locality: z.string().optional(),
            region: z.string().optional(),
            postalCode: z.string().optional(),
            countryCode: z.string().optional(),
        })
        .optional(),
});

export const UserSchema = UserAttributesSchema.extend({
    id: z.string(),
    environment: ReferenceSchema,
    population: ReferenceSchema,
    enabled: z.boolean(),
    lifecycle: z.object({ status: z.string() }),
    identityProvider: z.object({ type: z.string() }),
    mfaEnabled: z.boolean(),
    verifyStatus: z.string(),
    ...timestamps,
});
export type User = z.infer<typeof UserSchema>;

export const STORE_TYPES = [
    "Aquera",
    "AzureActiveDirectorySAML2",
    "directory",
    "GitHubEMU",
    "GoogleApps",
    "LdapGateway",
    "PingOne",
    "Salesforce",
    "SalesforceContacts",
    "scim",
    "ServiceNow",
    "Slack",
    "Workday",
    "Zoom",
] as const;

export const SyncStatusSchema = z.object({
    syncState: z.enum(["SYNCING", "FAILED"]),
    lastSyncAt: z.string(),
    successCount: z.number().int(),
    failedCount: z.number().int(),
    failedDeprovisionCount: z.number().int(),
    userTotal: z.number().int(),
    details: z.string(),
});
export type SyncStatus = z.infer<typeof SyncStatusSchema>;

export const StoreConfigurationSchema = z.record(z.string(), z.union([z.string(), z.boolean()]));
export type StoreConfiguration = z.infer<typeof StoreConfigurationSchema>;

/** A propagation store as kept server-side: `configuration` still holds the write-only secrets. */
export const StoreSchema = z.object({
    id: z.string(),
    environment: ReferenceSchema,
    name: z.string().min(1),
    description: z.string().optional(),
    type: z.enum(STORE_TYPES),
    status: z.enum(["ACTIVE", "INACTIVE"]),
    managed: z.boolean(),
    image: z.object({ id: z.string().optional(), href: z.string().optional() }),
    configuration: StoreConfigurationSchema,
    syncStatus: SyncStatusSchema.optional(),
    ...timestamps,
});
export type Store = z.infer<typeof StoreSchema>;

export const PlanSchema = z.object({
    id: z.string(),
    environment: ReferenceSchema,
    name: z.string().min(1),
    status: z.enum(["ACTIVE", "INACTIVE"]),
    ...timestamps,
});
export type Plan = z.infer<typeof PlanSchema>;

export const RuleSchema = z.object({
    id: z.string(),
    environment: ReferenceSchema,
    plan: ReferenceSchema,
    name: z.string().min(1),
    description: z.string().optional(),
    sourceStore: ReferenceSchema,
    targetStore: ReferenceSchema,
    active: z.boolean(),
    populationExpression: z.string().optional(),
    populations: z.array(ReferenceSchema).optional(),
    deprovision: z.boolean(),
    groups: z.array(ReferenceSchema).optional(),
    configuration: z.record(z.string(), z.unknown()).optional(),
    parentRule: ReferenceSchema.optional(),
    ...timestamps,
});
export type Rule = z.infer<typeof RuleSchema>;

export const MappingSchema = z.object({
    id: z.string(),
    environment: ReferenceSchema,
    rule: ReferenceSchema,
    sourceAttribute: z.string().optional(),
    expression: z.string().optional(),
    targetAttribute: z.string().min(1),
    attributeMappingType: z.string().optional(),
    name: z.string().optional(),
    ...timestamps,
});
export type Mapping = z.infer<typeof MappingSchema>;

export const RevisionSchema = z.object({
    id: z.string(),
    environment: ReferenceSchema,
    createdAt: z.string(),
    /** The actor's id: a string in the Docs data model (state files of older versions held `{id}`). */
    createdBy: z.union([z.string(), ReferenceSchema.transform((actor) => actor.id)]),
    previousRevision: ReferenceSchema.optional(),
    /** Ids of the configuration objects the revision captured (internal; not part of the API representation). */
    snapshot: z.object({
        planIds: z.array(z.string()),
        storeIds: z.array(z.string()),
        ruleIds: z.array(z.string()),
        mappingIds: z.array(z.string()),
    }),
});
export type Revision = z.infer<typeof RevisionSchema>;

/** Outcome of the latest provisioning operation of one rule for one user. */
export const SyncRecordSchema = z.object({
    ruleId: z.string(),
    storeId: z.string(),
    userId: z.string(),
    operation: z.enum(["PROVISION", "DEPROVISION"]),
    status: z.enum(["SUCCESS", "FAILED"]),
    lastSyncAt: z.string(),
    details: z.string(),
    /** Whether the user exists in the target because of this rule (drives deprovisioning). */
    provisioned: z.boolean(),
    /** Unique-identifier value last used at the target, to find the user again after a rename or deletion. */
    identifier: z.string().optional(),
});
export type SyncRecord = z.infer<typeof SyncRecordSchema>;

/** Users still to be removed from a deleted `managed` store at the next revision. */
export const PendingDeprovisionSchema = z.object({ store: StoreSchema, identifiers: z.array(z.string()) });
export type PendingDeprovision = z.infer<typeof PendingDeprovisionSchema>;

export const EnvironmentSchema = z.object({
    id: z.string(),
    name: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    populations: z.record(z.string(), PopulationSchema),
    users: z.record(z.string(), UserSchema),
    stores: z.record(z.string(), StoreSchema),
    plans: z.record(z.string(), PlanSchema),
    rules: z.record(z.string(), RuleSchema),
    mappings: z.record(z.string(), MappingSchema),
    revisions: z.record(z.string(), RevisionSchema),
    latestRevisionId: z.string().optional(),
    /** Keyed by `${ruleId}/${userId}`. */
    syncRecords: z.record(z.string(), SyncRecordSchema),
    pendingDeprovisions: z.array(PendingDeprovisionSchema),
});
export type Environment = z.infer<typeof EnvironmentSchema>;

export const EmulatorStateSchema = z.object({
    version: z.literal(1),
    /** HMAC key of the access tokens, persisted so issued tokens survive a restart. */
    signingKey: z.string(),
    worker: z.object({
        clientId: z.string(),
        clientSecret: z.string(),
        /**
         * Environments where the worker app holds a role (Environment Admin); every environment when absent. Its
         * token is good in each of them, as the official Terraform provider's acceptance tests use one worker to
         * manage environments they create.
         */
        roleEnvironmentIds: z.array(z.string()).optional(),
    }),
    environments: z.record(z.string(), EnvironmentSchema),
});
export type EmulatorStateData = z.infer<typeof EmulatorStateSchema>;

/** Collections an admin can edit out of band through the control API. */
export const EDITABLE_COLLECTIONS = {
    stores: StoreSchema,
    plans: PlanSchema,
    rules: RuleSchema,
    mappings: MappingSchema,
    populations: PopulationSchema,
    users: UserSchema,
} as const;
export type EditableCollection = keyof typeof EDITABLE_COLLECTIONS;
