/** localhost, 127.0.0.0/8 and ::1: where local emulators and proxies listen, the only hosts plain http is accepted on. */
export function isLoopbackHost(hostname: string): boolean {
    return hostname === "localhost" || hostname === "[::1]" || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/** Why a URL is not an absolute https URL (or http on loopback), or undefined when it is fine. */
export function secureUrlProblem(value: string, field: string, example: string): string | undefined {
    let url: URL;
    try {
        url = new URL(value);
    } catch {
        return `${field} must be an absolute https URL such as ${example}, got "${value}"`;
    }
    if (url.protocol === "https:" || (url.protocol === "http:" && isLoopbackHost(url.hostname))) {
        return undefined;
    }
    return url.protocol === "http:"
        ? `${field} must use https (plain http is accepted only on loopback, for local emulators), got "${value}"`
        : `${field} must be an absolute https URL such as ${example}, got "${value}"`;
}

/** For comparing URLs that name the same endpoint: no trailing slash, case-insensitive. */
export function normalizeUrl(url: string): string {
    return url.trim().replace(/\/+$/, "").toLowerCase();
}
