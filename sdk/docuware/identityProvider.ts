import { z } from "zod";
import type { ProvisioningSettings } from "./schemas";

/**
 * The identity provider of DocuWare User Provisioning, as the slug of its SCIM path: `ping`, `azure`, `okta`,
 * `onpremise`, or `generic-<identifier>`.
 */
export const IdentityProviderSlugSchema = z
    .string()
    .regex(
        /^(ping|azure|okta|onpremise|generic-[A-Za-z0-9][A-Za-z0-9._-]*)$/,
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

/** Path of DocuWare's SCIM service below the organization URL, followed by `/{slug}/scim`. */
const SCIM_SERVICE_PATH = "/DocuWare/Services/UserProvisioningService/";

/** `{organization}/DocuWare/Services/UserProvisioningService/{slug}/scim`, the SCIM base URL DocuWare documents. */
export function scimBaseUrl(organizationUrl: string, slug: string): string {
    return `${organizationUrl.replace(/\/+$/, "")}${SCIM_SERVICE_PATH}${slug}/scim`;
}

/** The organization URL a SCIM base URL belongs to (the part before the SCIM service path, else its origin). */
export function organizationUrlOfScimUrl(scimUrl: string): string {
    const index = scimUrl.indexOf(SCIM_SERVICE_PATH);
    if (index > 0) {
        return scimUrl.slice(0, index);
    }
    try {
        return new URL(scimUrl).origin;
    } catch {
        return scimUrl;
    }
}
