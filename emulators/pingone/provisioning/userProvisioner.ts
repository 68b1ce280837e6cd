import { z } from "zod";
import type { ScimConfiguration } from "../api/payloads/scimStoreConfiguration";
import { MappingError, TargetError } from "./provisioningErrors";
import {
    applyTargetAttributes,
    newScimUser,
    patchBody,
    patchOperations,
    type PatchOperation,
    type ScimResource,
} from "./scimAttributes";
import type { ScimTargetClient } from "./scimTargetClient";

export type ProvisioningAction = "create" | "update" | "disable" | "delete" | "none" | "skip";

export interface ProvisioningResult {
    action: ProvisioningAction;
    details: string;
    /** Whether the user now exists in the target because of the rule. */
    provisioned: boolean;
    identifier?: string;
}

const ListResponseSchema = z.looseObject({
    totalResults: z.number().optional(),
    Resources: z.array(z.looseObject({ id: z.string().min(1) })).optional(),
});

/** inferred: the lookup used when USER_FILTER is "" (the API returns "" when unset). */
const DEFAULT_FILTERS = { userName: 'userName eq "%s"', workEmail: 'emails.value eq "%s"' } as const;

/** `{SCIM_URL}{USERS_RESOURCE}` without doubled slashes. */
export function usersUrl(configuration: ScimConfiguration): string {
    return `${configuration.SCIM_URL.replace(/\/+$/, "")}/${configuration.USERS_RESOURCE.replace(/^\/+/, "")}`;
}

const flag = (value: boolean | undefined, alias: boolean | undefined): boolean => value ?? alias ?? true;

/** Effective allow-flags; the deprecated lower-case aliases count when the new keys are absent. */
function permissions(configuration: ScimConfiguration) {
    // inferred: an absent flag allows the action, as the console's checkboxes are ticked by default.
    return {
        create: flag(configuration.CREATE_USERS, configuration.createNewUsers),
        update: flag(configuration.UPDATE_USERS, configuration.updateNewUsers),
        disable: flag(configuration.DISABLE_USERS, configuration.disableNewUsers),
    };
}

/** The `active` the target should end with: a disabled PingOne user is never left (or created) active. */
function targetActive(attributes: Map<string, unknown>, userEnabled: boolean): boolean | undefined {
    if (!userEnabled) {
        return false;
    }
    const mapped = attributes.get("active");
    return attributes.has("active") ? mapped === true || mapped === "true" : undefined;
}

/**
 * Carries out PingOne's outbound SCIM sequence for one user and one store: look the user up through USER_FILTER,
 * then create, update, disable or delete as the store's flags and REMOVE_ACTION allow.
 * inferred: messages are SCIM 2.0 even for SCIM_VERSION "1.1" (the emulator has no 1.1 target to talk to).
 */
export class UserProvisioner {
    constructor(private readonly client: ScimTargetClient) {}

    /** The user is in scope: make the target match the mapped attributes. */
    async provision(
        configuration: ScimConfiguration,
        attributes: Map<string, unknown>,
        userEnabled: boolean,
        previousIdentifier: string | undefined,
    ): Promise<ProvisioningResult> {
        const identifierValue = attributes.get(configuration.UNIQUE_USER_IDENTIFIER);
        if (typeof identifierValue !== "string" || identifierValue === "") {
            throw new MappingError(
                `No mapping produces ${configuration.UNIQUE_USER_IDENTIFIER}, the connection's unique user identifier.`,
            );
        }
        const identifier = identifierValue;
        const allowed = permissions(configuration);
        const desiredActive = targetActive(attributes, userEnabled);
        const existing =
            (previousIdentifier !== undefined ? await this.lookup(configuration, previousIdentifier) : undefined) ??
            (previousIdentifier !== identifier ? await this.lookup(configuration, identifier) : undefined);

        if (!existing) {
            if (!allowed.create) {
                return { action: "skip", provisioned: false, details: "Not in the target and CREATE_USERS is false." };
            }
            const createAttributes = new Map(attributes);
            if (desiredActive !== undefined) {
                createAttributes.set("active", desiredActive);
            }
            const extensions = (configuration.SCHEMA_EXTENSION_URNS ?? "")
                .split(",")
                .map((u) => u.trim())
                .filter(Boolean);
            await this.client.send(
                configuration,
                "POST",
                usersUrl(configuration),
                newScimUser(createAttributes, extensions),
            );
            return { action: "create", provisioned: true, identifier, details: "" };
        }

        const changes = new Map(allowed.update ? attributes : []);
        changes.delete("active");
        if (desiredActive === false ? allowed.disable : desiredActive === true && allowed.update) {
            changes.set("active", desiredActive);
        }
        const desired = structuredClone(existing);
        applyTargetAttributes(desired, changes);
        const operations = patchOperations(existing, desired);
        if (operations.length === 0) {
            return { action: "none", provisioned: true, identifier, details: "" };
        }
        await this.patch(configuration, existing, operations);
        const onlyDisables = operations.every((operation) => operation.path === "active" && operation.value === false);
        return { action: onlyDisables ? "disable" : "update", provisioned: true, identifier, details: "" };
    }

    /** The user left the scope or was deleted: disable or delete it in the target per REMOVE_ACTION. */
    async deprovision(configuration: ScimConfiguration, identifier: string): Promise<ProvisioningResult> {
        const existing = await this.lookup(configuration, identifier);
        if (!existing) {
            return { action: "none", provisioned: false, details: "The user was no longer in the target." };
        }
        if (!permissions(configuration).disable) {
            return { action: "skip", provisioned: false, details: "Left in the target: DISABLE_USERS is false." };
        }
        // inferred: without REMOVE_ACTION the user is disabled, the less destructive choice.
        if (configuration.REMOVE_ACTION === "Delete") {
            const url = `${usersUrl(configuration)}/${encodeURIComponent(String(existing["id"]))}`;
            await this.client.send(configuration, "DELETE", url, undefined, [404]);
            return { action: "delete", provisioned: false, details: "" };
        }
        if (existing["active"] === false) {
            return { action: "none", provisioned: false, details: "" };
        }
        await this.patch(configuration, existing, [{ op: "replace", path: "active", value: false }]);
        return { action: "disable", provisioned: false, details: "" };
    }

    /** `GET {users}?filter=<USER_FILTER with %s replaced>`; more than one match is an error. */
    private async lookup(configuration: ScimConfiguration, identifier: string): Promise<ScimResource | undefined> {
        const template = configuration.USER_FILTER || DEFAULT_FILTERS[configuration.UNIQUE_USER_IDENTIFIER];
        const filter = template.replaceAll("%s", identifier.replace(/\\/g, "\\\\").replace(/"/g, '\\"'));
        const url = `${usersUrl(configuration)}?filter=${encodeURIComponent(filter)}`;
        const response = await this.client.send(configuration, "GET", url);
        const list = ListResponseSchema.safeParse(response.data);
        if (!list.success) {
            throw new TargetError(`SCIM request GET ${url} returned no SCIM ListResponse.`, response.status);
        }
        const resources = list.data.Resources ?? [];
        if (resources.length > 1) {
            throw new TargetError(`The user filter ${filter} matched ${resources.length} users in the target.`);
        }
        return resources[0];
    }

    private async patch(configuration: ScimConfiguration, existing: ScimResource, operations: PatchOperation[]) {
        const url = `${usersUrl(configuration)}/${encodeURIComponent(String(existing["id"]))}`;
        await this.client.send(configuration, "PATCH", url, patchBody(operations));
    }
}
