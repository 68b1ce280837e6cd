import { z } from "zod";
import { ScimGroupAttributesSchema, ScimUserAttributesSchema } from "./scimSchemas";

// inferred (reference §3.4): the emulator-only management API's vocabulary.
export const ApplicationTypeSchema = z.enum(["Web", "Native", "Service"]);
export const GrantTypeSchema = z.enum(["ClientCredentials", "AuthorizationCode"]);
export const AllowedResourceSchema = z.enum(["Platform", "UserProvisioning"]);
export const IdentityProviderSchema = z.enum(["Azure", "Okta", "Ping", "OnPremise", "Generic"]);
export type AllowedResource = z.infer<typeof AllowedResourceSchema>;
export type IdentityProvider = z.infer<typeof IdentityProviderSchema>;

export const StoredAppRegistrationSchema = z.object({
    clientId: z.string(),
    name: z.string(),
    applicationType: ApplicationTypeSchema,
    grantTypes: z.array(GrantTypeSchema),
    redirectUrls: z.array(z.string()),
    allowedResources: z.array(AllowedResourceSchema),
    accessTokenLifetimeSeconds: z.number().int(),
    /** Free text; state files written before it existed have none. */
    description: z.string().default(""),
    /** SHA-256 of the secret; null for Native (public) clients. */
    secretHash: z.string().nullable(),
    secretRotatedAt: z.string().nullable(),
    createdAt: z.string(),
    modifiedAt: z.string(),
});
export type StoredAppRegistration = z.infer<typeof StoredAppRegistrationSchema>;

export const ProvisioningSettingsSchema = z.object({
    enabled: z.boolean(),
    identityProvider: IdentityProviderSchema.nullable(),
    genericIdentifier: z.string().nullable(),
    appRegistrationId: z.string().nullable(),
    modifiedAt: z.string(),
});
export type ProvisioningSettings = z.infer<typeof ProvisioningSettingsSchema>;

/** A DocuWare user; `externalIdp` is the SCIM slug that provisioned it, null for a local user. */
export const StoredUserSchema = ScimUserAttributesSchema.extend({
    id: z.string(),
    externalIdp: z.string().nullable(),
    dbName: z.string(),
    created: z.string(),
    lastModified: z.string(),
});
export type StoredUser = z.infer<typeof StoredUserSchema>;

export const StoredGroupSchema = ScimGroupAttributesSchema.extend({
    id: z.string(),
    externalIdp: z.string().nullable(),
    created: z.string(),
    lastModified: z.string(),
});
export type StoredGroup = z.infer<typeof StoredGroupSchema>;

/** What `stateFile` holds: secret hashes only, never a plaintext secret. */
export const PersistedStateSchema = z.object({
    version: z.literal(1),
    organization: z.object({ id: z.string(), name: z.string() }),
    adminClientId: z.string(),
    appRegistrations: z.array(StoredAppRegistrationSchema),
    userProvisioning: ProvisioningSettingsSchema,
    users: z.array(StoredUserSchema),
    groups: z.array(StoredGroupSchema),
});
export type PersistedState = z.infer<typeof PersistedStateSchema>;
