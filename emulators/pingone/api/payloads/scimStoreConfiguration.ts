import { z } from "zod";
import type { StoreConfiguration } from "../../state/resourceSchemas";
import { PingOneError } from "../pingOneError";
import { issuesToDetails } from "../validation";

export const AUTHENTICATION_METHODS = [
    "Basic Authentication",
    "OAuth 2 Bearer Token",
    "OAuth 2 Client Credentials",
    "None",
] as const;

/** Keys each authentication method needs besides the always-required ones (SDK descriptions; inferred for OAuth). */
export const KEYS_PER_METHOD: Record<(typeof AUTHENTICATION_METHODS)[number], readonly string[]> = {
    "Basic Authentication": ["BASIC_AUTH_USER", "BASIC_AUTH_PASSWORD"],
    "OAuth 2 Bearer Token": ["OAUTH_ACCESS_TOKEN"],
    "OAuth 2 Client Credentials": ["OAUTH_CLIENT_ID", "OAUTH_CLIENT_SECRET", "OAUTH_TOKEN_REQUEST"],
    None: [],
};

const httpUrl = z.url({ protocol: /^https?$/, error: "must be an http(s) URL" });

/**
 * `configuration` of a `scim` store (reference §2.4). Unknown keys are rejected (inferred: the real behaviour is
 * unknown; rejecting catches misspelt keys such as `REMOVE_ACTIONS`). Booleans must be JSON booleans.
 */
export const ScimConfigurationSchema = z
    .strictObject({
        SCIM_URL: httpUrl,
        SCIM_VERSION: z.enum(["2.0", "1.1"]),
        USERS_RESOURCE: z.string().min(1),
        GROUPS_RESOURCE: z.string().optional(),
        AUTHENTICATION_METHOD: z.enum(AUTHENTICATION_METHODS),
        // inferred: free string; "Basic" and "Bearer" are the observed values.
        AUTHORIZATION_TYPE: z.string().min(1),
        BASIC_AUTH_USER: z.string().optional(),
        BASIC_AUTH_PASSWORD: z.string().optional(),
        OAUTH_ACCESS_TOKEN: z.string().optional(),
        OAUTH_CLIENT_ID: z.string().optional(),
        OAUTH_CLIENT_SECRET: z.string().optional(),
        OAUTH_TOKEN_REQUEST: httpUrl.optional(),
        UNIQUE_USER_IDENTIFIER: z.enum(["userName", "workEmail"]),
        // May be "" (the API itself returns "" when unset).
        USER_FILTER: z.string(),
        CREATE_USERS: z.boolean().optional(),
        UPDATE_USERS: z.boolean().optional(),
        DISABLE_USERS: z.boolean().optional(),
        REMOVE_ACTION: z.enum(["Disable", "Delete"]).optional(),
        GROUP_NAME_SOURCE: z.enum(["Common Name", "Distinguished Name"]).optional(),
        // inferred: "Merge" from the console's "merge or overwrite memberships".
        GROUP_MEMBERSHIP_HANDLING: z.enum(["Overwrite", "Merge"]).optional(),
        SCHEMA_EXTENSION_URNS: z.string().optional(),
        createNewUsers: z.boolean().optional(),
        updateNewUsers: z.boolean().optional(),
        disableNewUsers: z.boolean().optional(),
    })
    .superRefine((configuration, context) => {
        for (const key of KEYS_PER_METHOD[configuration.AUTHENTICATION_METHOD]) {
            const value = configuration[key as keyof typeof configuration];
            if (value === undefined || value === "") {
                context.addIssue({
                    code: "custom",
                    path: [key],
                    params: { code: "REQUIRED_VALUE" },
                    message: `configuration.${key} is required when AUTHENTICATION_METHOD is "${configuration.AUTHENTICATION_METHOD}".`,
                });
            }
        }
        if (configuration.USER_FILTER !== "" && !configuration.USER_FILTER.includes("%s")) {
            // inferred: a filter without the placeholder could never find a specific user.
            context.addIssue({
                code: "custom",
                path: ["USER_FILTER"],
                message: 'configuration.USER_FILTER must contain %s, e.g. userName eq "%s".',
            });
        }
    });
export type ScimConfiguration = z.infer<typeof ScimConfigurationSchema>;

const OtherConfigurationSchema = z.record(z.string(), z.union([z.string(), z.boolean()]));

/** Parses `configuration` so that issue paths (and so `details[].target`) start with `configuration.`. */
function parseConfiguration<S extends z.ZodType>(schema: S, configuration: unknown): z.output<S> {
    const input = { configuration };
    const parsed = z.object({ configuration: schema }).safeParse(input);
    if (!parsed.success) {
        throw PingOneError.invalidData(issuesToDetails(parsed.error.issues, input));
    }
    return (parsed.data as { configuration: z.output<S> }).configuration;
}

export function validateScimConfiguration(configuration: unknown): ScimConfiguration {
    return parseConfiguration(ScimConfigurationSchema, configuration);
}

/**
 * Validates a store's `configuration` for its `type`; errors are `INVALID_DATA` with targets such as
 * `configuration.REMOVE_ACTION`. A `directory` store needs none; other types need an object whose keys the emulator
 * does not check.
 */
export function validateStoreConfiguration(type: string, configuration: unknown): StoreConfiguration {
    if (type === "scim") {
        return validateScimConfiguration(configuration) as StoreConfiguration;
    }
    return parseConfiguration(
        type === "directory" ? OtherConfigurationSchema.default({}) : OtherConfigurationSchema,
        configuration,
    );
}
