import { DocuWareClient } from "./docuWareClient";
import { parseScimBaseUrl } from "./identityProvider";
import { isConfiguredOrganization } from "./settings";

/**
 * Signs in to the DocuWare organization behind a SCIM connection's URL and finds its id (at the connection's token
 * URL, else by discovery) when the stack's configuration names that organization; does nothing otherwise and never
 * throws. A rule's delete calls it: on `destroy` the engine deletes the DocuWare side only after the connection, and
 * its first call would otherwise wait for these round trips. When only the rule goes, the two requests buy nothing.
 */
export function prefetchScimTarget(scimUrl: unknown, tokenUrl: unknown): void {
    const target = typeof scimUrl === "string" ? parseScimBaseUrl(scimUrl) : undefined;
    try {
        if (target && isConfiguredOrganization(target.organizationUrl)) {
            const knownTokenEndpoint = typeof tokenUrl === "string" ? tokenUrl : undefined;
            DocuWareClient.fromConfig(target.organizationUrl, knownTokenEndpoint).prefetch();
        }
    } catch {
        // A configuration problem: the organization's own resources report it.
    }
}
