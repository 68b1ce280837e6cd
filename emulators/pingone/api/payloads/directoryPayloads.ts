import { z } from "zod";
import { ReferenceSchema, UserAttributesSchema } from "../../state/resourceSchemas";

export const PopulationWriteSchema = z.object({
    name: z.string().min(1),
    description: z.string().optional(),
    default: z.boolean().optional(),
    passwordPolicy: ReferenceSchema.optional(),
    theme: ReferenceSchema.optional(),
    alternativeIdentifiers: z.array(z.string()).optional(),
    preferredLanguage: z.string().optional(),
});
export type PopulationWrite = z.infer<typeof PopulationWriteSchema>;

/** Attributes the server owns; ignored when a client echoes them back in a PUT or PATCH body. */
export const SERVER_OWNED_USER_KEYS = [
    "id",
    "environment",
    "population",
    "enabled",
    "lifecycle",
    "identityProvider",
    "mfaEnabled",
    "verifyStatus",
    "account",
    "createdAt",
    "updatedAt",
    "_links",
    "_embedded",
] as const;

export const UserCreateSchema = UserAttributesSchema.extend({
    population: ReferenceSchema.optional(),
    enabled: z.boolean().optional(),
});

/** PUT: every writable attribute; `population` may be echoed but not changed. */
export const UserReplaceSchema = UserAttributesSchema.extend({ population: ReferenceSchema.optional() });

/** PATCH: any subset of the writable attributes. */
export const UserPatchSchema = UserAttributesSchema.partial();

export const UserEnabledSchema = z.object({ enabled: z.boolean() });
export const UserPopulationSchema = ReferenceSchema;
