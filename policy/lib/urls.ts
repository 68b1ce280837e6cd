import { isLoopbackHost } from "../../sdk/core/urls";

export { normalizeUrl } from "../../sdk/core/urls";
export { SCIM_SERVICE_PATH, parseScimBaseUrl } from "../../sdk/docuware/api/identityProvider";

function parse(url: string): URL | undefined {
    try {
        return new URL(url);
    } catch {
        return undefined;
    }
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
