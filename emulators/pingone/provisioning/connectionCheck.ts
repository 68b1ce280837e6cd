import type { ScimConfiguration } from "../api/payloads/scimStoreConfiguration";
import { PingOneError } from "../api/pingOneError";
import { TargetError } from "./provisioningErrors";
import type { ScimTargetClient } from "./scimTargetClient";
import { usersUrl } from "./userProvisioner";

/** The setting a refused SCIM call points at: the credential for 401/403, the resource path for 404. */
function settingFor(configuration: ScimConfiguration, status: number | undefined): string {
    if (status === 401 || status === 403) {
        const credential = {
            "Basic Authentication": "BASIC_AUTH_PASSWORD",
            "OAuth 2 Bearer Token": "OAUTH_ACCESS_TOKEN",
            "OAuth 2 Client Credentials": "OAUTH_CLIENT_SECRET",
            None: "AUTHENTICATION_METHOD",
        }[configuration.AUTHENTICATION_METHOD];
        return `configuration.${credential}`;
    }
    return status === 404 ? "configuration.USERS_RESOURCE" : "configuration.SCIM_URL";
}

/**
 * "Test connection": really calls the target — a fresh client-credentials token when the store uses them, then
 * `GET {SCIM_URL}{USERS_RESOURCE}?count=1`. A failure becomes a 400 whose details name the failing setting and quote
 * the target's answer (inferred shape: the reference documents no body for this operation).
 */
export async function checkConnection(client: ScimTargetClient, configuration: ScimConfiguration): Promise<void> {
    try {
        if (configuration.AUTHENTICATION_METHOD === "OAuth 2 Client Credentials") {
            await client.accessToken(configuration, true);
        }
        await client.send(configuration, "GET", `${usersUrl(configuration)}?count=1`);
    } catch (error) {
        if (!(error instanceof TargetError)) {
            throw error;
        }
        throw new PingOneError(400, "INVALID_DATA", "The request could not be completed. The connection test failed.", [
            {
                code: "INVALID_VALUE",
                target: error.target ?? settingFor(configuration, error.status),
                message: error.message,
            },
        ]);
    }
}
