import { ApiError, TransportError, messageOf } from "../../sdk/core/errors";
import { explain } from "../../sdk/docuware/api/verification";
import { PINGONE_REGION_LIST } from "../../sdk/pingone/api/regions";

/** The reason and the fix for a failed call to the PingOne API (reading the connection, or the connection test). */
export function explainPingOneFailure(error: unknown): { detail: string; fix?: string } {
    const detail = messageOf(error);
    if (error instanceof TransportError) {
        if (error.failure === "dns") {
            return {
                detail,
                fix: `check PINGONE_REGION_CODE (${PINGONE_REGION_LIST}) or PINGONE_AUTH_URL / PINGONE_API_URL, and DNS`,
            };
        }
        return { detail, fix: explain(error, "discovery").fix };
    }
    if (error instanceof ApiError) {
        if (/\/as\/token$/.test(error.url) || error.code === "invalid_client") {
            return {
                detail,
                fix: "PingOne rejected the worker application's credentials: check PINGONE_CLIENT_ID and PINGONE_CLIENT_SECRET (pingone:clientId, pingone:clientSecret) and that PINGONE_ENVIRONMENT_ID is the worker application's environment",
            };
        }
        if (error.status === 401 || error.status === 403) {
            return {
                detail,
                fix: "the worker application may not read provisioning connections: give it the Identity Data Admin (or Environment Admin) role in this environment",
            };
        }
        if (error.status === 404) {
            return { detail, fix: "check PINGONE_ENVIRONMENT_ID and the region (PINGONE_REGION_CODE)" };
        }
    }
    return { detail };
}

/** Store configuration key a failed connection test names (`configuration.OAUTH_CLIENT_SECRET` → the fix). */
export function explainConnectionTestFailure(
    error: unknown,
    expected: { scimBaseUrl?: string; tokenUrl?: string },
): { detail: string; fix?: string } {
    if (!(error instanceof ApiError) || error.status !== 400) {
        return explainPingOneFailure(error);
    }
    const detail = error.message;
    const targets = error.details.map((d) => (d.target ?? "").replace(/^configuration\./, ""));
    if (targets.some((t) => ["OAUTH_CLIENT_ID", "OAUTH_CLIENT_SECRET", "OAUTH_ACCESS_TOKEN"].includes(t))) {
        return {
            detail,
            fix: "the target refused the connection's credentials: OAUTH_CLIENT_ID must be the DocuWare app registration selected for User Provisioning and the secret (--connection-secret) its current client secret; User Provisioning must be enabled in DocuWare",
        };
    }
    if (targets.some((t) => ["BASIC_AUTH_USER", "BASIC_AUTH_PASSWORD"].includes(t))) {
        return { detail, fix: "the target refused the connection's user name or password (--connection-secret)" };
    }
    if (targets.includes("OAUTH_TOKEN_REQUEST")) {
        const url = expected.tokenUrl ? ` (${expected.tokenUrl}, from DocuWare's discovery)` : "";
        return {
            detail,
            fix: `the connection's OAuth token URL is wrong or PingOne cannot reach it: set it to the organization's token endpoint${url}`,
        };
    }
    if (targets.some((t) => ["SCIM_URL", "USERS_RESOURCE"].includes(t))) {
        const url = expected.scimBaseUrl
            ? ` ${expected.scimBaseUrl} with users resource /Users`
            : " DocuWare's SCIM base URL";
        return {
            detail,
            fix: `the connection's SCIM URL is wrong or PingOne cannot reach it: use${url}, whose identity provider path matches DocuWare's User Provisioning settings`,
        };
    }
    return { detail, fix: "PingOne could not complete the connection test with these settings; see the detail" };
}
