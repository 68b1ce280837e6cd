import { z } from "zod";
import { secureUrlProblem } from "../../core/urls";
import type { ResourceDefinition } from "../../dynamic/resourceDefinition";
import { claimExisting, markedOwner, withMarker, withoutMarker } from "../../dynamic/ownership";
import { createOnce, deleteIdempotent, readUnlessDeleted } from "../../core/recovery";
import { deactivateRulesOnStore } from "./deactivateRulesOnStore";
import {
    EnvironmentIdSchema,
    RegionSchema,
    pingOneApis,
    requireEnvironment,
    requirePingOneSettings,
} from "../api/environment";
import type { PropagationClient } from "../api/propagationClient";
import type { Store, StoreConfiguration, StoreWrite } from "../api/schemas";

export const AUTHENTICATION_METHODS = [
    "OAuth 2 Client Credentials",
    "OAuth 2 Bearer Token",
    "Basic Authentication",
    "None",
] as const;

const secureUrl = (field: string, example: string) =>
    z.string().superRefine((value, context) => {
        const problem = secureUrlProblem(value, field, example);
        if (problem) {
            context.addIssue({ code: "custom", message: problem });
        }
    });

/** Inputs of a SCIM outbound connection; defaults are what the PingOne console sets for DocuWare. */
export const PropagationStoreInputsSchema = z
    .object({
        environmentId: EnvironmentIdSchema,
        region: RegionSchema,
        name: z.string().trim().min(1, "name must not be empty"),
        description: z
            .string()
            .optional()
            .transform((d) => d || undefined),
        enabled: z.boolean().default(true),
        managed: z.boolean().default(false),
        scimUrl: secureUrl(
            "scimUrl",
            "https://acme.docuware.cloud/DocuWare/Services/UserProvisioningService/ping/scim",
        ),
        scimVersion: z.enum(["2.0", "1.1"]).default("2.0"),
        usersResource: z.string().startsWith("/", "usersResource must start with /, e.g. /Users").default("/Users"),
        groupsResource: z.string().startsWith("/", "groupsResource must start with /, e.g. /Groups").optional(),
        authenticationMethod: z.enum(AUTHENTICATION_METHODS).default("OAuth 2 Client Credentials"),
        authorizationType: z.string().min(1).default("Bearer"),
        oauthTokenUrl: secureUrl(
            "oauthTokenUrl",
            "https://login-emea.docuware.cloud/<org-guid>/connect/token",
        ).optional(),
        oauthClientId: z.string().min(1).optional(),
        oauthClientSecret: z.string().min(1).optional(),
        oauthAccessToken: z.string().min(1).optional(),
        basicAuthUser: z.string().min(1).optional(),
        basicAuthPassword: z.string().min(1).optional(),
        uniqueUserIdentifier: z.enum(["userName", "workEmail"]).default("userName"),
        userFilter: z
            .string()
            .refine(
                (f) => f.includes("%s"),
                'userFilter must contain %s for the user\'s identifier, e.g. userName eq "%s"',
            )
            .default('userName eq "%s"'),
        createUsers: z.boolean().default(true),
        updateUsers: z.boolean().default(true),
        disableUsers: z.boolean().default(true),
        removeAction: z.enum(["Disable", "Delete"]).default("Disable"),
        groupNameSource: z.enum(["Common Name", "Distinguished Name"]).optional(),
        groupMembershipHandling: z.enum(["Overwrite", "Merge"]).optional(),
        schemaExtensionUrns: z.string().optional(),
        adopt: z.boolean().default(false),
        /** `<project>/<stack>/<resource>`, written as a marker into `description`; never compared. */
        managedBy: z.string().min(1).optional(),
    })
    .superRefine((inputs, context) => {
        const required: Record<(typeof AUTHENTICATION_METHODS)[number], (keyof typeof inputs)[]> = {
            "OAuth 2 Client Credentials": ["oauthTokenUrl", "oauthClientId", "oauthClientSecret"],
            "OAuth 2 Bearer Token": ["oauthAccessToken"],
            "Basic Authentication": ["basicAuthUser", "basicAuthPassword"],
            None: [],
        };
        for (const field of required[inputs.authenticationMethod]) {
            if (inputs[field] === undefined) {
                context.addIssue({
                    code: "custom",
                    path: [field],
                    message: `${field} is required when authenticationMethod is "${inputs.authenticationMethod}"`,
                });
            }
        }
    });
export type PropagationStoreInputs = z.infer<typeof PropagationStoreInputsSchema>;

export interface PropagationStoreOutputs extends PropagationStoreInputs {
    storeId: string;
    /** `syncStatus.syncState` at the last read (SYNCING or FAILED); informational, never drift. */
    syncState?: string;
    syncDetails?: string;
}

/** Input fields ↔ configuration keys of a `scim` store. */
const CONFIGURATION_KEYS = {
    scimUrl: "SCIM_URL",
    scimVersion: "SCIM_VERSION",
    usersResource: "USERS_RESOURCE",
    groupsResource: "GROUPS_RESOURCE",
    authenticationMethod: "AUTHENTICATION_METHOD",
    authorizationType: "AUTHORIZATION_TYPE",
    oauthTokenUrl: "OAUTH_TOKEN_REQUEST",
    oauthClientId: "OAUTH_CLIENT_ID",
    oauthClientSecret: "OAUTH_CLIENT_SECRET",
    oauthAccessToken: "OAUTH_ACCESS_TOKEN",
    basicAuthUser: "BASIC_AUTH_USER",
    basicAuthPassword: "BASIC_AUTH_PASSWORD",
    uniqueUserIdentifier: "UNIQUE_USER_IDENTIFIER",
    userFilter: "USER_FILTER",
    createUsers: "CREATE_USERS",
    updateUsers: "UPDATE_USERS",
    disableUsers: "DISABLE_USERS",
    removeAction: "REMOVE_ACTION",
    groupNameSource: "GROUP_NAME_SOURCE",
    groupMembershipHandling: "GROUP_MEMBERSHIP_HANDLING",
    schemaExtensionUrns: "SCHEMA_EXTENSION_URNS",
} as const satisfies Partial<Record<keyof PropagationStoreInputs, string>>;
type ConfigurationField = keyof typeof CONFIGURATION_KEYS;

/** Write-only at the API: sent on every write, never returned, so kept from state and never reported as drift. */
export const WRITE_ONLY_FIELDS = ["oauthClientSecret", "oauthAccessToken", "basicAuthPassword"] as const;

export function toStoreWrite(inputs: PropagationStoreInputs): StoreWrite {
    const configuration: StoreConfiguration = {};
    for (const [field, key] of Object.entries(CONFIGURATION_KEYS) as [ConfigurationField, string][]) {
        const value = inputs[field];
        if (value !== undefined) {
            configuration[key] = value;
        }
    }
    return {
        name: inputs.name,
        description: withMarker(inputs.description, inputs.managedBy),
        type: "scim",
        status: inputs.enabled ? "ACTIVE" : "INACTIVE",
        managed: inputs.managed,
        configuration,
    };
}

/** A live store's settings as `PropagationStore` inputs, without location, write-only secrets and `adopt`. */
export function liveStoreSettings(store: Store): Partial<PropagationStoreInputs> {
    const configuration = store.configuration ?? {};
    const fromConfiguration = Object.fromEntries(
        (Object.entries(CONFIGURATION_KEYS) as [ConfigurationField, string][])
            .filter(([field]) => !(WRITE_ONLY_FIELDS as readonly string[]).includes(field))
            .map(([field, key]) => [field, configuration[key] === "" ? undefined : configuration[key]]),
    );
    return {
        ...(fromConfiguration as Partial<PropagationStoreInputs>),
        name: store.name,
        description: withoutMarker(store.description),
        enabled: store.status === "ACTIVE",
        managed: store.managed ?? false,
    };
}

/** Live outputs; location, write-only secrets and `adopt` come from the reference (inputs or state). */
function toOutputs(store: Store, reference: PropagationStoreInputs): PropagationStoreOutputs {
    return {
        ...liveStoreSettings(store),
        environmentId: reference.environmentId,
        region: reference.region,
        oauthClientSecret: reference.oauthClientSecret,
        oauthAccessToken: reference.oauthAccessToken,
        basicAuthPassword: reference.basicAuthPassword,
        adopt: reference.adopt,
        managedBy: reference.managedBy,
        storeId: store.id,
        syncState: store.syncStatus?.syncState,
        syncDetails: store.syncStatus?.details || undefined,
    } as PropagationStoreOutputs;
}

async function findByName(api: PropagationClient, name: string): Promise<Store | undefined> {
    return (await api.listStores()).find((s) => s.type === "scim" && s.name === name);
}

export const propagationStoreDefinition: ResourceDefinition<PropagationStoreInputs, PropagationStoreOutputs> = {
    kind: "pingone:PropagationStore",
    inputs: PropagationStoreInputsSchema,
    managedFields: [
        "environmentId",
        "region",
        "name",
        "description",
        "enabled",
        "managed",
        ...(Object.keys(CONFIGURATION_KEYS) as ConfigurationField[]),
    ],
    preflight: requirePingOneSettings,
    outputOnlyFields: ["storeId", "syncState", "syncDetails"],
    replaceFields: ["environmentId", "region"],

    async create(inputs) {
        const api = pingOneApis(inputs).propagation;
        const desired = toStoreWrite(inputs);
        const existing = await findByName(api, inputs.name);
        if (existing) {
            // Our own orphan (a create whose answer was lost) or a deliberate adoption: converge it like update does.
            claimExisting(
                `PingOne SCIM connection "${inputs.name}" (id ${existing.id})`,
                markedOwner(existing.description),
                inputs,
            );
        }
        if (existing?.status === "ACTIVE" && !inputs.enabled) {
            await deactivateRulesOnStore(api, existing.id);
        }
        const store = existing
            ? await api.updateStore(existing.id, desired)
            : await createOnce(
                  () => api.createStore(desired),
                  () => findByName(api, inputs.name),
              );
        return { id: store.id, outs: toOutputs(store, inputs) };
    },

    async read(id, olds) {
        const apis = pingOneApis(olds);
        const store = await readUnlessDeleted(
            () => apis.propagation.getStore(id),
            () => requireEnvironment(apis),
        );
        return store && toOutputs(store, olds);
    },

    async update(id, olds, news) {
        const api = pingOneApis(news).propagation;
        if (olds.enabled !== false && !news.enabled) {
            await deactivateRulesOnStore(api, id); // rules go off before their connection does
        }
        const store = await api.updateStore(id, toStoreWrite(news));
        return toOutputs(store, news);
    },

    async delete(id, olds) {
        await deleteIdempotent(pingOneApis(olds).propagation.deleteStore(id));
    },
};
