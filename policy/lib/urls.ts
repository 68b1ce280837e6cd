/** The path of DocuWare's SCIM service under an organization (or on-premises server), before the identity provider. */
export const SCIM_SERVICE_PATH = "/DocuWare/Services/UserProvisioningService";

const SCIM_PATH = /\/DocuWare\/Services\/UserProvisioningService\/([^/]+)\/scim\/?$/i;

function parse(url: string): URL | undefined {
    try {
        return new URL(url);
    } catch {
        return undefined;
    }
}

/** 127.0.0.0/8, ::1 and localhost: where the emulators listen. */
export function isLoopbackHost(hostname: string): boolean {
    return hostname === "localhost" || hostname === "[::1]" || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/**
 * Whether a URL is an absolute https URL, or an http URL on a loopback host when `allowLoopbackHttp` is set (the
 * emulators serve plain http on 127.0.0.1).
 */
export function isSecureUrl(url: string, allowLoopbackHttp: boolean): boolean {
    const parsed = parse(url);
    if (!parsed) {
        return false;
    }
    return (
        parsed.protocol === "https:" ||
        (allowLoopbackHttp && parsed.protocol === "http:" && isLoopbackHost(parsed.hostname))
    );
}

/** The identity-provider slug of a DocuWare User Provisioning SCIM URL (`…/UserProvisioningService/ping/scim`). */
export function scimUrlIdentityProvider(url: string): string | undefined {
    const parsed = parse(url);
    const slug = parsed && SCIM_PATH.exec(parsed.pathname)?.[1];
    return slug ? decodeURIComponent(slug) : undefined;
}

/** For comparing URLs that name the same endpoint: no trailing slash, case-insensitive. */
export function normalizeUrl(url: string): string {
    return url.trim().replace(/\/+$/, "").toLowerCase();
}
