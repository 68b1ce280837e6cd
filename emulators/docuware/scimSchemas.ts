import { z } from "zod";

export const SCIM_USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
export const SCIM_ENTERPRISE_USER_SCHEMA = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
export const SCIM_GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";
export const SCIM_LIST_RESPONSE_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
export const SCIM_PATCH_OP_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

/** Entra sends booleans as `"True"`/`"False"` strings in PATCH values; Microsoft's library accepts them. */
const BooleanLikeSchema = z.preprocess((value) => {
    const text = typeof value === "string" ? value.toLowerCase() : undefined;
    return text === "true" ? true : text === "false" ? false : value;
}, z.boolean());

const MultiValuedAttributeSchema = z.object({
    value: z.string(),
    type: z.string().optional(),
    primary: BooleanLikeSchema.optional(),
    display: z.string().optional(),
});

const EnterpriseUserSchema = z
    .object({
        employeeNumber: z.string(),
        costCenter: z.string(),
        organization: z.string(),
        division: z.string(),
        department: z.string(),
        manager: z.object({ value: z.string(), displayName: z.string() }).partial(),
    })
    .partial();

/**
 * The attributes of a "Core2EnterpriseUser" as the SCIM service stores them. Read-only attributes (`id`, `meta`),
 * `schemas`, `password` and unknown attributes in a request are dropped, like Microsoft's library ignores them.
 */
export const ScimUserAttributesSchema = z.object({
    userName: z.string().trim().min(1, "userName is required"),
    externalId: z.string().optional(),
    name: z
        .object({
            formatted: z.string(),
            familyName: z.string(),
            givenName: z.string(),
            middleName: z.string(),
            honorificPrefix: z.string(),
            honorificSuffix: z.string(),
        })
        .partial()
        .optional(),
    displayName: z.string().optional(),
    nickName: z.string().optional(),
    title: z.string().optional(),
    userType: z.string().optional(),
    preferredLanguage: z.string().optional(),
    locale: z.string().optional(),
    timezone: z.string().optional(),
    active: BooleanLikeSchema.default(true),
    emails: z.array(MultiValuedAttributeSchema).default([]),
    phoneNumbers: z.array(MultiValuedAttributeSchema).default([]),
    [SCIM_ENTERPRISE_USER_SCHEMA]: EnterpriseUserSchema.optional(),
});
export type ScimUserAttributes = z.infer<typeof ScimUserAttributesSchema>;

export const ScimGroupAttributesSchema = z.object({
    displayName: z.string().trim().min(1, "displayName is required"),
    externalId: z.string().optional(),
    members: z.array(z.object({ value: z.string().min(1), display: z.string().optional() })).default([]),
});
export type ScimGroupAttributes = z.infer<typeof ScimGroupAttributesSchema>;

/** RFC 7644 §3.5.2; op names are matched case-insensitively (Entra sends `Replace`, `Add`). */
export const ScimPatchRequestSchema = z.object({
    schemas: z
        .array(z.string())
        .refine((schemas) => schemas.includes(SCIM_PATCH_OP_SCHEMA), `must contain "${SCIM_PATCH_OP_SCHEMA}"`),
    Operations: z
        .array(
            z.object({
                op: z
                    .string()
                    .transform((op) => op.toLowerCase())
                    .pipe(z.enum(["add", "replace", "remove"])),
                path: z.string().optional(),
                value: z.unknown().optional(),
            }),
        )
        .min(1, "at least one operation is required"),
});
export type ScimPatchRequest = z.infer<typeof ScimPatchRequestSchema>;

/** Query parameters of SCIM list endpoints. */
export const ScimListQuerySchema = z.object({
    filter: z.string().optional(),
    startIndex: z.coerce.number().int().optional(),
    count: z.coerce.number().int().optional(),
    attributes: z.string().optional(),
    excludedAttributes: z.string().optional(),
    allDocuWareUsers: z
        .string()
        .optional()
        .transform((value) => value?.toLowerCase() === "true"),
});
export type ScimListQuery = z.infer<typeof ScimListQuerySchema>;

/** Query parameters of SCIM single-resource reads. */
export const ScimResourceQuerySchema = ScimListQuerySchema.pick({ attributes: true, excludedAttributes: true });

/** SCIM treats `null` as "unassigned", so null attributes are removed before validation. */
export function withoutNulls(value: unknown): unknown {
    if (Array.isArray(value)) {
        return value.map(withoutNulls);
    }
    if (value !== null && typeof value === "object") {
        return Object.fromEntries(
            Object.entries(value)
                .filter(([, entry]) => entry !== null)
                .map(([key, entry]) => [key, withoutNulls(entry)]),
        );
    }
    return value;
}
