import { z } from "zod";
import type { ProvisioningSettings } from "./schemas";

/**
 * The identity provider of DocuWare User Provisioning, as the slug of its SCIM path: `ping`, `azure`, `okta`,
 * `onpremise`, or `generic-<identifier>`.
 */
export const IDENTITY_PROVIDER_SLUG = /^(ping|azure|okta|onpremise|generic-[A-Za-z0-9][A-Za-z0-9._-]*)$/;

export const IdentityProviderSlugSchema = z
    .string()
    .regex(
        IDENTITY_PROVIDER_SLUG,
        'must be "ping", "azure", "okta", "onpremise" or "generic-<identifier>" (letters, digits, ".", "_", "-")',
    );

const NAMES = { ping: "Ping", azure: "Azure", okta: "Okta", onpremise: "OnPremise" } as const;

/** Settings fields for a slug: `generic-acme` → Generic + identifier `acme`. */
export function identityProviderFields(
    slug: string,
): Pick<ProvisioningSettings, "IdentityProvider" | "GenericIdentifier"> {
    if (slug.startsWith("generic-")) {
        return { IdentityProvider: "Generic", GenericIdentifier: slug.slice("generic-".length) };
    }
    return { IdentityProvider: NAMES[slug as keyof typeof NAMES], GenericIdentifier: null };
}

/** The slug for settings read back from DocuWare, or undefined when no identity provider is chosen. */
export function identityProviderSlug(settings: ProvisioningSettings): string | undefined {
    if (!settings.IdentityProvider) {
        return undefined;
    }
    if (settings.IdentityProvider === "Generic") {
        return `generic-${settings.GenericIdentifier ?? ""}`;
    }
    return settings.IdentityProvider.toLowerCase();
}

/** The path of DocuWare's SCIM service under an organization (or on-premises server), before the identity provider. */
export const SCIM_SERVICE_PATH = "/DocuWare/Services/UserProvisioningService";

/** `{organization}/DocuWare/Services/UserProvisioningService/{slug}/scim`, the SCIM base URL DocuWare documents. */
export function scimBaseUrl(organizationUrl: string, slug: string): string {
    return `${organizationUrl.replace(/\/+$/, "")}${SCIM_SERVICE_PATH}/${slug}/scim`;
}

/** `{organization}/DocuWare/Services/UserProvisioningService/{slug}/scim`, optionally with a trailing slash. */
const SCIM_BASE_URL = /^(https?:\/\/.+?)\/DocuWare\/Services\/UserProvisioningService\/([^/]+)\/scim\/?$/i;

/**
 * The organization URL and identity-provider slug of a DocuWare User Provisioning SCIM base URL (the inverse of
 * `scimBaseUrl`), or undefined when the URL is not DocuWare's SCIM service.
 */
export function parseScimBaseUrl(url: string): { organizationUrl: string; identityProvider: string } | undefined {
    const match = SCIM_BASE_URL.exec(url.trim());
    if (!match) {
        return undefined;
    }
    let identityProvider: string;
    try {
        identityProvider = decodeURIComponent(match[2]!);
    } catch {
        identityProvider = match[2]!;
    }
    return { organizationUrl: match[1]!, identityProvider };
}
