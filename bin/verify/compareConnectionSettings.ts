import type { ProvisioningCheck } from "../../sdk/docuware/api/verification";
import type { Store } from "../../sdk/pingone/api/schemas";
import type { VerifyStep } from "./verifyStep";

/**
 * Whether the PingOne connection points where DocuWare expects: its SCIM URL (identity provider path included), token
 * URL and client id against DocuWare's discovery and the app registration being checked.
 */
export function compareConnectionSettings(store: Store, check: ProvisioningCheck, clientId: string): VerifyStep {
    const configuration = store.configuration ?? {};
    const trim = (url: unknown) => String(url ?? "").replace(/\/+$/, "");
    const mismatches: string[] = [];
    if (trim(configuration.SCIM_URL) !== trim(check.scimBaseUrl)) {
        mismatches.push(`SCIM URL is ${trim(configuration.SCIM_URL) || "(none)"}, expected ${check.scimBaseUrl}`);
    }
    if (configuration.AUTHENTICATION_METHOD === "OAuth 2 Client Credentials") {
        if (check.tokenUrl && trim(configuration.OAUTH_TOKEN_REQUEST) !== trim(check.tokenUrl)) {
            mismatches.push(
                `OAuth token URL is ${trim(configuration.OAUTH_TOKEN_REQUEST) || "(none)"}, expected ${check.tokenUrl}`,
            );
        }
        if (configuration.OAUTH_CLIENT_ID !== clientId) {
            mismatches.push(
                `OAuth client id is ${String(configuration.OAUTH_CLIENT_ID ?? "(none)")}, expected ${clientId}`,
            );
        }
    }
    if (mismatches.length > 0) {
        return {
            step: "connection-settings",
            status: "failed",
            detail: `the connection does not point at this DocuWare setup: ${mismatches.join("; ")}`,
            fix: "set the expected values in the connection (or let the component manage it and run pulumi up)",
        };
    }
    return {
        step: "connection-settings",
        status: "passed",
        detail: "the connection's SCIM URL, token URL and client id match DocuWare",
    };
}
