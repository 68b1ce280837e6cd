import { randomUUID } from "node:crypto";
import { z } from "zod";
import { StateFile } from "../shared/stateFile";
import { AppRegistrationStore } from "./appRegistrationStore";
import { Directory } from "./directory";
import { DocuWareError } from "./docuWareError";
import type { AppRegistrationUpdate, UserProvisioningUpdate } from "./platformSchemas";
import { hashSecret, secretMatches } from "./secrets";
import {
    type AllowedResource,
    type PersistedState,
    PersistedStateSchema,
    type ProvisioningSettings,
    type StoredAppRegistration,
    type StoredUser,
} from "./stateSchemas";
import {
    INITIAL_PROVISIONING_SETTINGS,
    mergeProvisioningSettings,
    type ProvisioningChoices,
    registrationProblems,
} from "./userProvisioning";

export interface OrganizationStateOptions {
    organizationName: string;
    adminClientId?: string;
    adminClientSecret: string;
    stateFile?: string;
}

/** Who authenticated at the token endpoint. */
export interface AuthenticatedClient {
    clientId: string;
    allowedResources: readonly AllowedResource[];
    canUseClientCredentials: boolean;
    /** The registration's own lifetime; undefined for the admin credential. */
    accessTokenLifetimeSeconds?: number;
}

/** Everything one emulated organization knows, with optional persistence to a state file. */
export class OrganizationState {
    readonly registrations: AppRegistrationStore;
    readonly directory: Directory;
    private provisioningSettings: ProvisioningSettings;
    private readonly stateFile: StateFile<PersistedState>;
    private readonly adminSecretHash: string;

    private constructor(
        readonly organization: { id: string; name: string },
        readonly adminClientId: string,
        adminClientSecret: string,
        private readonly data: PersistedState,
        stateFilePath: string | undefined,
    ) {
        this.adminSecretHash = hashSecret(adminClientSecret);
        this.stateFile = new StateFile(stateFilePath, () => this.data);
        const changed = (): void => this.stateFile.changed();
        this.registrations = new AppRegistrationStore(data.appRegistrations, changed);
        this.directory = new Directory(data.users, data.groups, changed);
        this.provisioningSettings = data.userProvisioning;
    }

    /**
     * Loads the state file when there is one. Ids, registrations and users survive a restart; the admin secret is
     * the option's or a fresh one, since only its hash could have been kept.
     */
    static open(options: OrganizationStateOptions): OrganizationState {
        const loaded = StateFile.read(options.stateFile);
        const data = loaded === undefined ? seed(options) : parsePersistedState(loaded, options.stateFile);
        if (options.adminClientId) {
            data.adminClientId = options.adminClientId;
        }
        const state = new OrganizationState(
            data.organization,
            data.adminClientId,
            options.adminClientSecret,
            data,
            options.stateFile,
        );
        state.stateFile.changed();
        return state;
    }

    get provisioning(): ProvisioningSettings {
        return this.provisioningSettings;
    }

    /** `strict` for the management API; the control API (out-of-band console edits) only checks references. */
    updateProvisioning(update: UserProvisioningUpdate, strict: boolean): ProvisioningSettings {
        const merged = mergeProvisioningSettings(
            this.provisioningSettings,
            update,
            (id) => this.registrations.find(id),
            strict,
        );
        return this.setProvisioning(merged);
    }

    updateAppRegistration(clientId: string, changes: AppRegistrationUpdate, outOfBand: boolean): StoredAppRegistration {
        const current = this.registrations.get(clientId);
        if (!outOfBand && this.isSelectedForProvisioning(current.clientId)) {
            const preview = {
                ...current,
                grantTypes: changes.GrantTypes ?? current.grantTypes,
                allowedResources: changes.AllowedResources ?? current.allowedResources,
            };
            const problems = registrationProblems(preview);
            if (problems.length > 0) {
                throw new DocuWareError(
                    409,
                    `The app registration is used by User Provisioning. ${problems.join("; ")}`,
                );
            }
        }
        return this.registrations.update(current.clientId, changes);
    }

    /** `force` is the out-of-band delete: the selection is cleared and provisioning is left without a registration. */
    deleteAppRegistration(clientId: string, force: boolean): void {
        const registration = this.registrations.get(clientId);
        if (this.isSelectedForProvisioning(registration.clientId)) {
            if (!force) {
                throw new DocuWareError(
                    409,
                    `App registration '${registration.name}' is selected for User Provisioning. Select another ` +
                        "registration or disable User Provisioning first.",
                );
            }
            this.setProvisioning({ ...this.provisioningSettings, appRegistrationId: null });
        }
        this.registrations.delete(registration.clientId);
    }

    authenticateClient(clientId: string, secret: string): AuthenticatedClient | undefined {
        if (clientId === this.adminClientId && secretMatches(secret, this.adminSecretHash)) {
            return { clientId, allowedResources: ["Platform"], canUseClientCredentials: true };
        }
        const registration = this.registrations.authenticate(clientId, secret);
        return registration
            ? {
                  clientId: registration.clientId,
                  allowedResources: registration.allowedResources,
                  canUseClientCredentials: registration.grantTypes.includes("ClientCredentials"),
                  accessTokenLifetimeSeconds: registration.accessTokenLifetimeSeconds,
              }
            : undefined;
    }

    /** Writes pending changes at once (on close). */
    flush(): void {
        this.stateFile.flush();
    }

    private isSelectedForProvisioning(clientId: string): boolean {
        return this.provisioningSettings.appRegistrationId?.toLowerCase() === clientId.toLowerCase();
    }

    private setProvisioning(settings: ProvisioningChoices): ProvisioningSettings {
        this.provisioningSettings = { ...settings, modifiedAt: new Date().toISOString() };
        this.data.userProvisioning = this.provisioningSettings;
        this.stateFile.changed();
        return this.provisioningSettings;
    }
}

function parsePersistedState(value: unknown, path: string | undefined): PersistedState {
    const parsed = PersistedStateSchema.safeParse(value);
    if (!parsed.success) {
        throw new Error(`${path} is not a DocuWare emulator state file: ${z.prettifyError(parsed.error)}`);
    }
    return parsed.data;
}

function seed(options: OrganizationStateOptions): PersistedState {
    const now = new Date().toISOString();
    const domain = `${options.organizationName.toLowerCase().replace(/[^a-z0-9]+/g, "-")}.example`;
    const localUser = (userName: string, givenName: string, familyName: string, dbName: string): StoredUser => ({
        id: randomUUID(),
        userName,
        name: { givenName, familyName, formatted: `${givenName} ${familyName}` },
        displayName: `${givenName} ${familyName}`,
        active: true,
        emails: [{ value: `${userName}@${domain}`, type: "work", primary: true }],
        phoneNumbers: [],
        externalIdp: null,
        dbName,
        created: now,
        lastModified: now,
    });
    return {
        version: 1,
        organization: { id: randomUUID(), name: options.organizationName },
        adminClientId: options.adminClientId ?? randomUUID(),
        appRegistrations: [],
        userProvisioning: { ...INITIAL_PROVISIONING_SETTINGS, modifiedAt: now },
        // Local (not provisioned) users, so `allDocuWareUsers=true` and the Platform view have something to show.
        users: [
            localUser("admin", "Organization", "Administrator", "ADMIN"),
            localUser("reception", "Front", "Desk", "DESKFRON"),
        ],
        groups: [],
    };
}
