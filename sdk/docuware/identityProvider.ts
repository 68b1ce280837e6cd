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

const SCIM_BASE_URL = /^(.*?)\/DocuWare\/Services\/UserProvisioningService\/([^/]+)\/scim\/?$/i;

/**
 * The organization URL and identity-provider slug of a SCIM base URL (the inverse of `scimBaseUrl`), or undefined
 * when the URL is not DocuWare's User Provisioning URL. The slug is returned as written, even when it is not one
 * DocuWare knows (check it with `IdentityProviderSlugSchema`).
 */
export function parseScimBaseUrl(url: string): { organizationUrl: string; identityProvider: string } | undefined {
    let parsed: URL;
    try {
        parsed = new URL(url.trim());
    } catch {
        return undefined;
    }
    const match = SCIM_BASE_URL.exec(parsed.pathname);
    if (!match?.[2]) {
        return undefined;
    }
    return { organizationUrl: `${parsed.origin}${match[1]}`, identityProvider: decodeURIComponent(match[2]) };
}
