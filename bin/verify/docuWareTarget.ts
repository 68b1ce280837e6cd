import { parseScimBaseUrl } from "../../sdk/docuware/api/identityProvider";
import type { ProvisioningCheckTarget } from "../../sdk/docuware/api/verification";
import type { Store } from "../../sdk/pingone/api/schemas";
import type { DocuWareSettings } from "./verifySettings";

export type DocuWareTarget = { target: ProvisioningCheckTarget } | { missing: string[] };

/**
 * What to check at DocuWare: the configured values, completed from the PingOne connection (its SCIM URL gives the
 * organization and identity provider, its OAuth client id the app registration), so the check uses exactly what
 * PingOne uses. The client secret can only come from configuration: PingOne never returns it.
 */
export function docuWareTarget(
    settings: DocuWareSettings,
    store: Store | undefined,
    connectionSecret: string | undefined,
): DocuWareTarget {
    const configuration = store?.configuration ?? {};
    const fromScimUrl = parseScimBaseUrl(String(configuration.SCIM_URL ?? ""));
    const storeClientId = typeof configuration.OAUTH_CLIENT_ID === "string" ? configuration.OAUTH_CLIENT_ID : undefined;
    const organizationUrl = settings.organizationUrl ?? fromScimUrl?.organizationUrl;
    const clientId = settings.clientId ?? storeClientId;
    const clientSecret = settings.clientSecret ?? (clientId === storeClientId ? connectionSecret : undefined);
    const missing = [
        !organizationUrl && "--organization-url (DOCUWARE_ORGANIZATION_URL)",
        !clientId && "--scim-client-id (DOCUWARE_SCIM_CLIENT_ID)",
        !clientSecret && "--scim-client-secret (DOCUWARE_SCIM_CLIENT_SECRET)",
    ].filter((m): m is string => Boolean(m));
    if (!organizationUrl || !clientId || !clientSecret) {
        return { missing };
    }
    return {
        target: {
            organizationUrl,
            identityProvider: settings.identityProvider ?? fromScimUrl?.identityProvider ?? "ping",
            clientId,
            clientSecret,
            probeUserName: settings.probeUserName,
        },
    };
}
