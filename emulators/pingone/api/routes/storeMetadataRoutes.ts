import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { SCIM_TARGET_ATTRIBUTES } from "../../provisioning/scimAttributes";
import { STORE_TYPES } from "../../state/resourceSchemas";
import { WRITE_ONLY_KEYS } from "../../state/storeSecrets";
import { type ApiContext, type EnvironmentParams, PROPAGATION_PATH } from "../apiContext";
import { AUTHENTICATION_METHODS, KEYS_PER_METHOD, ScimConfigurationSchema } from "../payloads/scimStoreConfiguration";
import { PingOneError } from "../pingOneError";
import { parseBody } from "../validation";

const ALWAYS_REQUIRED = [
    "SCIM_URL",
    "SCIM_VERSION",
    "USERS_RESOURCE",
    "AUTHENTICATION_METHOD",
    "AUTHORIZATION_TYPE",
    "UNIQUE_USER_IDENTIFIER",
    "USER_FILTER",
];
const DEPRECATED_KEYS = ["createNewUsers", "updateNewUsers", "disableNewUsers"];
const BOOLEAN_KEYS = ["CREATE_USERS", "UPDATE_USERS", "DISABLE_USERS"];

/** One connection profile per authentication method, listing the configuration keys it uses. */
function scimConnectionProfiles() {
    const allCredentialKeys = Object.values(KEYS_PER_METHOD).flat();
    return AUTHENTICATION_METHODS.map((method) => ({
        name: method,
        connectionAttributes: Object.keys(ScimConfigurationSchema.shape)
            .filter((key) => !DEPRECATED_KEYS.includes(key))
            .filter((key) => !allCredentialKeys.includes(key) || KEYS_PER_METHOD[method].includes(key))
            .map((key) => ({
                name: key,
                required: ALWAYS_REQUIRED.includes(key) || KEYS_PER_METHOD[method].includes(key),
                type: BOOLEAN_KEYS.includes(key) ? "boolean" : "string",
                secret: (WRITE_ONLY_KEYS as readonly string[]).includes(key),
            })),
    }));
}

/** Source attributes of the PingOne directory (user JSON paths; reference §5.3, inferred). */
const DIRECTORY_ATTRIBUTES = [
    "id",
    "username",
    "email",
    "enabled",
    "externalId",
    "name.given",
    "name.family",
    "name.middle",
    "name.formatted",
    "nickname",
    "title",
    "primaryPhone",
    "mobilePhone",
    "locale",
    "preferredLanguage",
    "timezone",
    "type",
    "population.id",
    "population.name",
    "address.streetAddress",
    "address.locality",
    "address.region",
    "address.postalCode",
    "address.countryCode",
];

/**
 * Static metadata (reference §2.7): `information`, `connectionProfiles[]`, `attributeMetadata` with `capabilities`
 * and `userAttributes`. Inner field names beyond those are not documented and are the emulator's (inferred).
 */
function metadataFor(type: (typeof STORE_TYPES)[number]) {
    if (type === "scim") {
        return {
            information: { type, name: "SCIM Outbound", description: "Provisions users to a SCIM 1.1 or 2.0 service." },
            connectionProfiles: scimConnectionProfiles(),
            attributeMetadata: {
                capabilities: ["CREATE_USERS", "UPDATE_USERS", "DISABLE_USERS", "DELETE_USERS"],
                userAttributes: Object.entries(SCIM_TARGET_ATTRIBUTES).map(([name, attribute]) => ({
                    name,
                    displayName: attribute.displayName,
                    type: attribute.type,
                    multiValued: false,
                })),
            },
        };
    }
    const userAttributes =
        type === "directory"
            ? DIRECTORY_ATTRIBUTES.map((name) => ({
                  name,
                  displayName: name,
                  type: name === "enabled" ? "boolean" : "string",
              }))
            : [];
    return {
        information: { type, name: type },
        connectionProfiles: [],
        attributeMetadata: { capabilities: [], userAttributes },
    };
}

export function registerStoreMetadataRoutes(app: FastifyInstance, { state }: ApiContext): void {
    app.post<{ Params: EnvironmentParams & { type: string } }>(
        `${PROPAGATION_PATH}/storeMetadata/:type`,
        async (request) => {
            state.environment(request.params.envId);
            const type = STORE_TYPES.find((candidate) => candidate === request.params.type);
            if (type === undefined) {
                throw PingOneError.notFound();
            }
            // The body (a configuration, or {}) must be present; the emulator's metadata is static.
            parseBody(z.record(z.string(), z.unknown()), request.body);
            return metadataFor(type);
        },
    );
}
