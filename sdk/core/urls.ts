/** Hosts where plain http is accepted: loopback only (local emulators and proxies); everything else must be https. */
const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** Why a URL is not an absolute https URL (or http on loopback), or undefined when it is fine. */
export function secureUrlProblem(value: string, field: string, example: string): string | undefined {
    let url: URL;
    try {
        url = new URL(value);
    } catch {
        return `${field} must be an absolute https URL such as ${example}, got "${value}"`;
    }
    if (url.protocol === "https:" || (url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname))) {
        return undefined;
    }
    return url.protocol === "http:"
        ? `${field} must use https (plain http is accepted only on loopback, for local emulators), got "${value}"`
        : `${field} must be an absolute https URL such as ${example}, got "${value}"`;
}
