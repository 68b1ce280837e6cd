import type { ProvisioningCheckTarget } from "../../sdk/docuware/api/verification";
import type { PropagationClient } from "../../sdk/pingone/api/propagationClient";
import type { Store } from "../../sdk/pingone/api/schemas";
import { explainConnectionTestFailure } from "./explainPingOneFailure";
import type { VerifyStep } from "./verifyStep";

/** The write-only configuration key PingOne never returns, by authentication method. */
const SECRET_KEYS: Record<string, string | undefined> = {
    "OAuth 2 Client Credentials": "OAUTH_CLIENT_SECRET",
    "OAuth 2 Bearer Token": "OAUTH_ACCESS_TOKEN",
    "Basic Authentication": "BASIC_AUTH_PASSWORD",
    None: undefined,
};

export function connectionSecretKey(store: Store): string | undefined {
    return SECRET_KEYS[String(store.configuration?.AUTHENTICATION_METHOD ?? "OAuth 2 Client Credentials")];
}

/**
 * The secret to test the connection with: the one supplied, else the DocuWare app registration's client secret when
 * the connection authenticates as that registration (its OAuth client secret is then the same value).
 */
export function connectionTestSecret(
    store: Store,
    supplied: string | undefined,
    docuware: ProvisioningCheckTarget | undefined,
): string | undefined {
    const sameRegistration =
        connectionSecretKey(store) === "OAUTH_CLIENT_SECRET" &&
        docuware !== undefined &&
        docuware.clientId === store.configuration?.OAUTH_CLIENT_ID;
    return supplied ?? (sameRegistration ? docuware.clientSecret : undefined);
}

/**
 * PingOne's "test connection" (`POST …/stores/connection/status`) with the connection's settings as read plus the
 * write-only secret, which PingOne never returns and so must be supplied. Without it the step is skipped, saying so.
 */
export async function testConnection(
    api: PropagationClient,
    store: Store,
    secret: string | undefined,
    expected: { scimBaseUrl?: string; tokenUrl?: string },
): Promise<VerifyStep> {
    const secretKey = connectionSecretKey(store);
    if (secretKey && !secret) {
        return {
            step: "connection-test",
            status: "skipped",
            detail: `PingOne never returns the connection's ${secretKey}, so it cannot be tested without it`,
            fix: "pass --connection-secret or set PINGONE_CONNECTION_SECRET (for DocuWare: the app registration's client secret; --scim-client-secret is used when its client id matches)",
        };
    }
    const configuration = { ...store.configuration, ...(secretKey && secret ? { [secretKey]: secret } : {}) };
    try {
        await api.checkConnection({
            name: store.name,
            description: store.description,
            type: store.type,
            status: store.status ?? "ACTIVE",
            managed: store.managed,
            configuration,
        });
        return {
            step: "connection-test",
            status: "passed",
            detail: "PingOne's connection test reached the SCIM service with the connection's settings",
        };
    } catch (error) {
        return { step: "connection-test", status: "failed", ...explainConnectionTestFailure(error, expected) };
    }
}
