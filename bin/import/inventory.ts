import { z } from "zod";

/** One attribute mapping of a live rule. */
export const InventoryMappingSchema = z.object({
    id: z.string(),
    source: z.string().optional(),
    expression: z.string().optional(),
    target: z.string(),
});
export type InventoryMapping = z.infer<typeof InventoryMappingSchema>;

/** A live rule's user filter, in the form `PropagationRule.userFilter` takes (exactly one field). */
export const InventoryUserFilterSchema = z.object({
    populationName: z.string().optional(),
    populationId: z.string().optional(),
    expression: z.string().optional(),
});

export const InventoryRuleSchema = z.object({
    id: z.string(),
    name: z.string(),
    description: z.string().optional(),
    active: z.boolean(),
    /** Null when the rule reads from the environment's PingOne Directory store (the default). */
    sourceStoreId: z.string().nullable(),
    populationExpression: z.string(),
    userFilter: InventoryUserFilterSchema,
    /** Ids of the groups the rule is limited to. */
    groups: z.array(z.string()),
    mappings: z.array(InventoryMappingSchema),
    /** Why the rule is left out of the program; absent when it is adopted. */
    notAdopted: z.string().optional(),
});
export type InventoryRule = z.infer<typeof InventoryRuleSchema>;

/** The result of comparing the connection's token URL with DocuWare's discovery. */
export const TokenUrlCheckSchema = z.enum(["matches", "differs", "unreachable"]);

export const InventoryConnectionSchema = z.object({
    id: z.string(),
    name: z.string(),
    enabled: z.boolean(),
    scimUrl: z.string(),
    /** Derived from the SCIM URL. */
    organizationUrl: z.string(),
    /** Identity-provider slug of the SCIM URL: `ping`, `azure`, `okta`, `onpremise`, `generic-<id>`. */
    identityProvider: z.string(),
    tokenUrl: z.string().optional(),
    /** The token URL DocuWare's discovery gives, when it was reachable. */
    discoveredTokenUrl: z.string().optional(),
    tokenUrlCheck: TokenUrlCheckSchema,
    clientId: z.string().optional(),
    /** The store's other live settings, as `PropagationStore` inputs (write-only secrets are never returned). */
    settings: z.record(z.string(), z.union([z.string(), z.boolean()])),
    rules: z.array(InventoryRuleSchema),
    /** Why the connection is declared resource by resource instead of as one `DocuWarePingOneProvisioning`. */
    componentMisfits: z.array(z.string()),
});
export type InventoryConnection = z.infer<typeof InventoryConnectionSchema>;

export const InventorySchema = z.object({
    environmentId: z.string(),
    /** The environment's propagation plan (PingOne allows one). */
    plan: z.object({ id: z.string(), name: z.string(), active: z.boolean() }).optional(),
    connections: z.array(InventoryConnectionSchema),
    /** SCIM connections (and other stores) that are not DocuWare's, with the reason. */
    skipped: z.array(z.object({ id: z.string(), name: z.string(), reason: z.string() })),
    /** Problems found on the way; the program is still generated for what can be adopted. */
    warnings: z.array(z.string()),
});
export type Inventory = z.infer<typeof InventorySchema>;
