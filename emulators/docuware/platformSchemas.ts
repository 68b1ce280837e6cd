import { z } from "zod";
import { AllowedResourceSchema, ApplicationTypeSchema, GrantTypeSchema, IdentityProviderSchema } from "./stateSchemas";

// inferred: every request body here belongs to the emulator-only management API (reference §3.4). Unknown
// properties and the read-only ones a client echoes back (ClientId, CreatedAt, Links, ScimBaseUrl, ...) are ignored,
// as ASP.NET model binding ignores them.

const RegistrationNameSchema = z.string().trim().min(1, "must not be empty").max(128, "must be at most 128 characters");
const RedirectUrlsSchema = z.array(z.url({ protocol: /^https?$/, error: "must be an absolute http(s) URL" }));
// inferred bounds; the console's real limits are not public.
const TokenLifetimeSchema = z.number().int().min(60).max(86_400);
// inferred: free text like other Platform descriptions; the length bound is a guess.
const DescriptionSchema = z.string().max(1024, "must be at most 1024 characters");

export const AppRegistrationCreateSchema = z.object({
    Name: RegistrationNameSchema,
    ApplicationType: ApplicationTypeSchema,
    GrantTypes: z.array(GrantTypeSchema).min(1, "at least one grant type is required"),
    RedirectUrls: RedirectUrlsSchema.default([]),
    AllowedResources: z.array(AllowedResourceSchema).min(1).default(["Platform"]),
    AccessTokenLifetimeSeconds: TokenLifetimeSchema.default(3600),
    Description: DescriptionSchema.default(""),
});
export type AppRegistrationCreate = z.infer<typeof AppRegistrationCreateSchema>;

/** inferred: PUT merges, so a property left out keeps its value; `ApplicationType` cannot change. */
export const AppRegistrationUpdateSchema = z.object({
    Name: RegistrationNameSchema.optional(),
    ApplicationType: ApplicationTypeSchema.optional(),
    GrantTypes: z.array(GrantTypeSchema).min(1, "at least one grant type is required").optional(),
    RedirectUrls: RedirectUrlsSchema.optional(),
    AllowedResources: z.array(AllowedResourceSchema).min(1).optional(),
    AccessTokenLifetimeSeconds: TokenLifetimeSchema.optional(),
    Description: DescriptionSchema.optional(),
});
export type AppRegistrationUpdate = z.infer<typeof AppRegistrationUpdateSchema>;

/** inferred: DNS-label-like, since it becomes the `generic-{identifier}` path segment. */
export const GenericIdentifierSchema = z
    .string()
    .regex(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/, "use 1-64 lowercase letters, digits and inner hyphens");

/** PUT merges: a property left out keeps its value, `null` clears it. */
export const UserProvisioningUpdateSchema = z.object({
    Enabled: z.boolean().optional(),
    IdentityProvider: IdentityProviderSchema.nullable().optional(),
    GenericIdentifier: GenericIdentifierSchema.nullable().optional(),
    AppRegistrationId: z.string().nullable().optional(),
});
export type UserProvisioningUpdate = z.infer<typeof UserProvisioningUpdateSchema>;

/** Control API: what an administrator can change about a user in the DocuWare console. */
export const PlatformUserUpdateSchema = z.object({
    Name: z.string().trim().min(1).optional(),
    FirstName: z.string().optional(),
    LastName: z.string().optional(),
    EMail: z.string().optional(),
    Active: z.boolean().optional(),
});
export type PlatformUserUpdate = z.infer<typeof PlatformUserUpdateSchema>;

export const ForceQuerySchema = z.object({
    force: z
        .string()
        .optional()
        .transform((value) => value?.toLowerCase() === "true"),
});

/** Route parameters shared by the organization-scoped routes. */
export const OrganizationParamsSchema = z.object({ organizationId: z.string() });
