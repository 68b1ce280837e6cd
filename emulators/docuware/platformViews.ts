import type { EmulatorUrls } from "./emulatorUrls";
import type { ProvisioningSettings, StoredAppRegistration, StoredGroup, StoredUser } from "./stateSchemas";
import { provisioningSlug } from "./userProvisioning";

// Platform conventions (reference §3.2): PascalCase properties, `Links` of `{rel, href}` with host-relative hrefs.

export const PLATFORM_PATH = "/DocuWare/Platform";

interface Link {
    rel: string;
    href: string;
}

export function organizationPath(organizationId: string): string {
    return `${PLATFORM_PATH}/Organizations/${organizationId}`;
}

export function organizationView(organization: { id: string; name: string }) {
    const self = organizationPath(organization.id);
    return {
        Name: organization.name,
        Id: organization.id,
        Guid: organization.id,
        Links: [
            link("self", self),
            link("users", `${self}/Users`),
            link("groups", `${self}/Groups`),
            // inferred: emulator-only management resources (reference §3.4).
            link("appRegistrations", `${self}/AppRegistrations`),
            link("userProvisioning", `${self}/UserProvisioning`),
        ],
    };
}

export function appRegistrationPath(organizationId: string, clientId: string): string {
    return `${organizationPath(organizationId)}/AppRegistrations/${clientId}`;
}

/** Never carries the secret; see `appRegistrationWithSecret`. */
export function appRegistrationView(registration: StoredAppRegistration, organizationId: string) {
    const self = appRegistrationPath(organizationId, registration.clientId);
    return {
        ClientId: registration.clientId,
        Name: registration.name,
        ApplicationType: registration.applicationType,
        GrantTypes: registration.grantTypes,
        RedirectUrls: registration.redirectUrls,
        AllowedResources: registration.allowedResources,
        AccessTokenLifetimeSeconds: registration.accessTokenLifetimeSeconds,
        Description: registration.description,
        CreatedAt: registration.createdAt,
        Links: [link("self", self), link("secret", `${self}/Secret`)],
    };
}

/** The create and rotate responses: the only places a secret is ever shown. */
export function appRegistrationWithSecret(
    registration: StoredAppRegistration,
    organizationId: string,
    secret: string | null,
) {
    const { Links, ...view } = appRegistrationView(registration, organizationId);
    return { ...view, ...(secret === null ? {} : { ClientSecret: secret }), Links };
}

export function userProvisioningView(settings: ProvisioningSettings, urls: EmulatorUrls, organizationId: string) {
    const slug = provisioningSlug(settings);
    return {
        Enabled: settings.enabled,
        IdentityProvider: settings.identityProvider,
        GenericIdentifier: settings.genericIdentifier,
        AppRegistrationId: settings.appRegistrationId,
        // Read-only: the two values the console shows for copying into the IdP (reference §1.3, §1.4).
        ScimBaseUrl: slug === null ? null : urls.scimBaseUrl(slug),
        TokenEndpoint: urls.tokenEndpoint,
        Links: [link("self", `${organizationPath(organizationId)}/UserProvisioning`)],
    };
}

/** The Platform view of a user (fields from the .NET client's `User`, reference §2.2). */
export function platformUserView(user: StoredUser, organizationId: string) {
    const self = `${organizationPath(organizationId)}/Users/${user.id}`;
    return {
        Id: user.id,
        Name: user.userName,
        FirstName: user.name?.givenName ?? null,
        LastName: user.name?.familyName ?? null,
        EMail: primaryEmail(user),
        DBName: user.dbName,
        Active: user.active,
        NetworkId: null,
        // inferred: both carry the IdP's id for the user (SCIM externalId), and ExternalIdp the SCIM path slug.
        ExternalId: user.externalIdp === null ? null : (user.externalId ?? null),
        ExternalIdp: user.externalIdp,
        ExternalIdpUserId: user.externalIdp === null ? null : (user.externalId ?? null),
        Links: [link("self", self), link("groups", `${self}/Groups`)],
    };
}

export function platformGroupView(group: StoredGroup, organizationId: string) {
    return {
        Id: group.id,
        Name: group.displayName,
        Active: true,
        Links: [link("self", `${organizationPath(organizationId)}/Groups/${group.id}`)],
    };
}

function primaryEmail(user: StoredUser): string | null {
    const email = user.emails.find((e) => e.primary) ?? user.emails.find((e) => e.type === "work") ?? user.emails[0];
    return email?.value ?? null;
}

function link(rel: string, href: string): Link {
    return { rel, href };
}
