import { DocuWareError } from "./docuWareError";
import type { UserProvisioningUpdate } from "./platformSchemas";
import type { IdentityProvider, ProvisioningSettings, StoredAppRegistration } from "./stateSchemas";

const SLUGS: Record<Exclude<IdentityProvider, "Generic">, string> = {
    Azure: "azure",
    Okta: "okta",
    Ping: "ping",
    OnPremise: "onpremise",
};

/** A syntactically valid `{externalIdp}` path segment (reference §2.1). */
export const IDP_SLUG_PATTERN = /^(azure|okta|ping|onpremise|generic-[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?)$/;

/** The settings an administrator chooses; `modifiedAt` is stamped when they are stored. */
export type ProvisioningChoices = Omit<ProvisioningSettings, "modifiedAt">;

export const INITIAL_PROVISIONING_SETTINGS: ProvisioningChoices = {
    enabled: false,
    identityProvider: null,
    genericIdentifier: null,
    appRegistrationId: null,
};

/** The SCIM path slug of the configured identity provider, or null when none (or an incomplete Generic one) is set. */
export function provisioningSlug(settings: ProvisioningSettings): string | null {
    if (settings.identityProvider === "Generic") {
        return settings.genericIdentifier ? `generic-${settings.genericIdentifier}` : null;
    }
    return settings.identityProvider ? SLUGS[settings.identityProvider] : null;
}

/**
 * Merges an update into the settings. With `strict` (the management API) the result must be a configuration the
 * console would save; the control API only checks that a referenced registration exists, to let tests create drift.
 */
export function mergeProvisioningSettings(
    current: ProvisioningSettings,
    update: UserProvisioningUpdate,
    findRegistration: (clientId: string) => StoredAppRegistration | undefined,
    strict: boolean,
): ProvisioningChoices {
    const identityProvider = update.IdentityProvider !== undefined ? update.IdentityProvider : current.identityProvider;
    const merged: ProvisioningChoices = {
        enabled: update.Enabled ?? current.enabled,
        identityProvider,
        // The console shows the identifier box only for the Generic provider; anything else drops it.
        genericIdentifier:
            identityProvider === "Generic"
                ? update.GenericIdentifier !== undefined
                    ? update.GenericIdentifier
                    : current.genericIdentifier
                : null,
        appRegistrationId:
            update.AppRegistrationId !== undefined ? update.AppRegistrationId : current.appRegistrationId,
    };
    const registration = merged.appRegistrationId ? findRegistration(merged.appRegistrationId) : undefined;
    if (registration) {
        merged.appRegistrationId = registration.clientId;
    }
    const problems = [
        ...(merged.appRegistrationId && !registration
            ? [`AppRegistrationId: app registration '${merged.appRegistrationId}' does not exist`]
            : []),
        ...(strict ? consistencyProblems(merged, registration) : []),
    ];
    if (problems.length > 0) {
        throw new DocuWareError(400, `The request is invalid. ${problems.join("; ")}`);
    }
    return merged;
}

function consistencyProblems(settings: ProvisioningChoices, registration: StoredAppRegistration | undefined): string[] {
    const problems: string[] = [];
    if (settings.identityProvider === "Generic" && !settings.genericIdentifier) {
        problems.push("GenericIdentifier: required when IdentityProvider is Generic");
    }
    if (settings.enabled && !settings.identityProvider) {
        problems.push("IdentityProvider: required when Enabled is true");
    }
    if (settings.enabled && !settings.appRegistrationId) {
        problems.push("AppRegistrationId: required when Enabled is true");
    }
    if (registration) {
        problems.push(...registrationProblems(registration));
    }
    return problems;
}

/** inferred: the SCIM service needs the "User Provisioning" allowed resource and a client-credentials grant. */
export function registrationProblems(registration: StoredAppRegistration): string[] {
    const problems: string[] = [];
    if (!registration.allowedResources.includes("UserProvisioning")) {
        problems.push(`AppRegistrationId: '${registration.name}' must allow the resource UserProvisioning`);
    }
    if (!registration.grantTypes.includes("ClientCredentials")) {
        problems.push(`AppRegistrationId: '${registration.name}' must allow the grant type ClientCredentials`);
    }
    return problems;
}
