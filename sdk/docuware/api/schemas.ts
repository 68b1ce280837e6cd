import { z } from "zod";

/** The Platform API's error object. */
export const PlatformErrorSchema = z.object({
    Message: z.string().optional(),
    Uri: z.string().optional(),
    Method: z.string().optional(),
    StatusCode: z.number().optional(),
    Status: z.string().optional(),
    InternalCode: z.number().optional(),
});

/** A SCIM error body (RFC 7644 §3.12; `status` is a number in DocuWare's library lineage, a string in the RFC). */
export const ScimErrorSchema = z.object({
    schemas: z.array(z.string()).optional(),
    scimType: z.string().optional(),
    detail: z.string().optional(),
    status: z.union([z.number(), z.string()]).optional(),
});

export const IdentityServiceInfoSchema = z.object({
    IdentityServiceUrl: z.url(),
    RefreshTokenSupported: z.boolean().optional(),
});

export const OpenIdConfigurationSchema = z.object({
    issuer: z.string().optional(),
    token_endpoint: z.url(),
});

export const OrganizationSchema = z.object({ Id: z.string(), Name: z.string() });
export const OrganizationListSchema = z.object({ Organization: z.array(OrganizationSchema) });
export type Organization = z.infer<typeof OrganizationSchema>;

export const ApplicationTypeSchema = z.enum(["Web", "Native", "Service"]);
export const AllowedResourceSchema = z.enum(["Platform", "UserProvisioning"]);

/** What a client sends to create or change an app registration (emulator-only management surface). */
export const AppRegistrationWriteSchema = z.object({
    Name: z.string().min(1),
    ApplicationType: ApplicationTypeSchema,
    GrantTypes: z.array(z.enum(["ClientCredentials", "AuthorizationCode"])).min(1),
    RedirectUrls: z.array(z.string()).optional(),
    AllowedResources: z.array(AllowedResourceSchema).min(1),
    AccessTokenLifetimeSeconds: z.number().int().positive().optional(),
    /** Free text; carries this package's ownership marker (`ownerMarker`). */
    Description: z.string().optional(),
});
export type AppRegistrationWrite = z.infer<typeof AppRegistrationWriteSchema>;

export const AppRegistrationSchema = AppRegistrationWriteSchema.extend({
    ClientId: z.string().min(1),
    AccessTokenLifetimeSeconds: z.number().int().positive(),
    CreatedAt: z.string().optional(),
    /** Only in the create and rotate responses. */
    ClientSecret: z.string().optional(),
});
export type AppRegistration = z.infer<typeof AppRegistrationSchema>;

export const AppRegistrationListSchema = z.object({ AppRegistration: z.array(AppRegistrationSchema) });

export const SecretResponseSchema = z.object({ ClientId: z.string().optional(), ClientSecret: z.string().min(1) });

export const IdentityProviderNameSchema = z.enum(["Azure", "Okta", "Ping", "OnPremise", "Generic"]);

/** The organization's User Provisioning settings; `ScimBaseUrl` and `TokenEndpoint` are read-only. */
export const ProvisioningSettingsSchema = z.object({
    Enabled: z.boolean(),
    IdentityProvider: IdentityProviderNameSchema.nullish(),
    GenericIdentifier: z.string().nullish(),
    AppRegistrationId: z.string().nullish(),
    ScimBaseUrl: z.string().nullish(),
    TokenEndpoint: z.string().nullish(),
});
export type ProvisioningSettings = z.infer<typeof ProvisioningSettingsSchema>;

export const ProvisioningSettingsWriteSchema = ProvisioningSettingsSchema.pick({
    Enabled: true,
    IdentityProvider: true,
    GenericIdentifier: true,
    AppRegistrationId: true,
});
export type ProvisioningSettingsWrite = z.infer<typeof ProvisioningSettingsWriteSchema>;

export const PlatformUserSchema = z.object({
    Id: z.string(),
    Name: z.string(),
    FirstName: z.string().nullish(),
    LastName: z.string().nullish(),
    EMail: z.string().nullish(),
    Active: z.boolean().optional(),
    ExternalIdp: z.string().nullish(),
    ExternalIdpUserId: z.string().nullish(),
});
export const PlatformUserListSchema = z.object({ User: z.array(PlatformUserSchema) });
export type PlatformUser = z.infer<typeof PlatformUserSchema>;

export const ScimUserSchema = z.object({
    id: z.string(),
    userName: z.string(),
    externalId: z.string().optional(),
    active: z.boolean().optional(),
    name: z.object({ givenName: z.string().optional(), familyName: z.string().optional() }).partial().optional(),
    emails: z
        .array(z.object({ value: z.string(), type: z.string().optional(), primary: z.boolean().optional() }))
        .optional(),
});
export type ScimUser = z.infer<typeof ScimUserSchema>;

export const ScimListResponseSchema = z.object({
    totalResults: z.number(),
    Resources: z.array(ScimUserSchema).optional(),
});
