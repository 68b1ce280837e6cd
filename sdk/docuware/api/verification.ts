import type { HttpSettings } from "../../config/httpSettings";
import { ApiError, ProvisioningError, TransportError, messageOf } from "../../core/errors";
import { ClientCredentialsTokenSource } from "../../core/tokenSource";
import { discoverIdentityService } from "./discovery";
import { scimBaseUrl } from "./identityProvider";
import { DocuWareScimClient } from "./docuWareScimClient";

export interface ProvisioningCheckTarget {
    organizationUrl: string;
    /** Identity provider slug of the SCIM path: `ping`, `azure`, `okta`, `onpremise`, `generic-<id>`. */
    identityProvider: string;
    clientId: string;
    clientSecret: string;
    /** The user name PingOne would look up (`USER_FILTER` with `%s` replaced). Defaults to a name no one has. */
    probeUserName?: string;
}

export interface CheckStep {
    step: "discovery" | "token" | "scim";
    ok: boolean;
    /** What happened, in plain words; never a secret. */
    detail: string;
    /** What to do about a failure. */
    fix?: string;
}

export interface ProvisioningCheck {
    steps: CheckStep[];
    ok: boolean;
    tokenUrl?: string;
    scimBaseUrl: string;
}

/**
 * Checks a DocuWare organization's provisioning end to end the way PingOne uses it, with documented endpoints
 * only: discovery → client-credentials token → a SCIM `/Users` query with the filter PingOne sends.
 */
export async function checkDocuWareProvisioning(
    target: ProvisioningCheckTarget,
    http: HttpSettings,
): Promise<ProvisioningCheck> {
    const scimUrl = scimBaseUrl(target.organizationUrl, target.identityProvider);
    const steps: CheckStep[] = [];
    const result = (tokenUrl?: string): ProvisioningCheck => ({
        steps,
        ok: steps.every((s) => s.ok),
        tokenUrl,
        scimBaseUrl: scimUrl,
    });

    let tokenUrl: string;
    try {
        tokenUrl = (await discoverIdentityService(target.organizationUrl, http)).tokenEndpoint;
        steps.push({ step: "discovery", ok: true, detail: `token endpoint ${tokenUrl}` });
    } catch (error) {
        steps.push({ step: "discovery", ok: false, ...explain(error, "discovery") });
        return result();
    }

    const credentials = { tokenUrl, clientId: target.clientId, clientSecret: target.clientSecret };
    const tokenSource = new ClientCredentialsTokenSource(
        { service: "DocuWare", ...credentials, authStyle: "post" },
        http,
    );
    tokenSource.invalidate(); // a check must ask DocuWare, not a cached token
    try {
        await tokenSource.token();
        steps.push({ step: "token", ok: true, detail: "DocuWare issued a client-credentials token" });
    } catch (error) {
        steps.push({ step: "token", ok: false, ...explain(error, "token") });
        return result(tokenUrl);
    }

    const probe = target.probeUserName ?? "pulumi-provisioning-check";
    try {
        const scim = new DocuWareScimClient({ scimBaseUrl: scimUrl, ...credentials }, http);
        const users = await scim.listUsers(`userName eq "${probe.replace(/"/g, '\\"')}"`, 1);
        steps.push({
            step: "scim",
            ok: true,
            detail: `SCIM /Users answered (${users.length} match for userName "${probe}")`,
        });
    } catch (error) {
        steps.push({ step: "scim", ok: false, ...explain(error, "scim") });
    }
    return result(tokenUrl);
}

/** The reason and the fix for a failed step, by the kind of failure. */
export function explain(error: unknown, step: CheckStep["step"]): { detail: string; fix?: string } {
    const detail = messageOf(error);
    if (error instanceof TransportError) {
        const fixes: Record<TransportError["failure"], string> = {
            dns: "check the organization URL's host name (e.g. https://<org>.docuware.cloud) and DNS",
            tls: "the TLS handshake failed: the certificate is not trusted, or the port does not speak https; use the service's https URL with a valid certificate (or set NODE_EXTRA_CA_CERTS)",
            timeout:
                "the service did not answer in time; check network access, proxies and firewalls, or raise docuware-pingone:requestTimeoutSeconds",
            "connection-refused": "nothing listens at that address; check the URL and port",
            "connection-reset": "the connection was dropped; check proxies and firewalls, then retry",
            network: "check network access to the service",
        };
        return { detail, fix: fixes[error.failure] };
    }
    if (error instanceof ApiError) {
        if (step === "token" && (error.code === "invalid_client" || error.status === 401)) {
            return {
                detail,
                fix: "DocuWare rejected the client id or secret: copy them again from the app registration (rotate the secret if it was lost) and update the configuration",
            };
        }
        if (step === "scim" && error.status === 401) {
            return {
                detail,
                fix: "DocuWare refused the token for SCIM: make sure User Provisioning is enabled and uses this app registration",
            };
        }
        if (step === "scim" && (error.status === 404 || error.status === 403)) {
            return {
                detail,
                fix: "the SCIM path does not match DocuWare's settings: enable User Provisioning and choose the identity provider of this URL (e.g. Ping for /ping/scim)",
            };
        }
        if (step === "discovery" && error.status === 404) {
            return { detail, fix: "this URL is not a DocuWare organization; use https://<org>.docuware.cloud" };
        }
    }
    if (error instanceof ProvisioningError) {
        return { detail };
    }
    return { detail: `unexpected error: ${detail}` };
}
