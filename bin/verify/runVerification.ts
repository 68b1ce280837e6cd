import type { RetryEvent } from "../../sdk/core/httpClient";
import { retryMessage } from "../../sdk/core/retryMessage";
import { checkDocuWareProvisioning, type ProvisioningCheck } from "../../sdk/docuware/api/verification";
import { PingOneClient } from "../../sdk/pingone/api/pingOneClient";
import { PropagationClient } from "../../sdk/pingone/api/propagationClient";
import type { Store } from "../../sdk/pingone/api/schemas";
import { pingOneSettings } from "../../sdk/pingone/api/settings";
import type { Output } from "../output";
import { compareConnectionSettings } from "./compareConnectionSettings";
import { docuWareTarget } from "./docuWareTarget";
import { findConnection } from "./findConnection";
import { connectionSecretKey, connectionTestSecret, testConnection } from "./testConnection";
import type { VerifySettings } from "./verifySettings";
import { type VerifyStep, fromCheckStep } from "./verifyStep";

export interface Verification {
    steps: VerifyStep[];
    /** True when no step failed. */
    ok: boolean;
    scimBaseUrl?: string;
    tokenUrl?: string;
}

/**
 * Checks provisioning the way PingOne uses it, with documented endpoints only: the PingOne connection (when given),
 * DocuWare's discovery → client-credentials token → SCIM `/Users` query, whether the connection points there, and
 * PingOne's own connection test. Failures become failed steps with a fix; only configuration errors throw.
 */
export async function runVerification(settings: VerifySettings, output: Output): Promise<Verification> {
    const onRetry = (event: RetryEvent) => output.progress(`  ${retryMessage(event)}`);
    // HttpSettings is spread into every client the DocuWare check builds, so the retry callback reaches them too.
    const http = { ...settings.http, onRetry };
    const steps: VerifyStep[] = [];

    let api: PropagationClient | undefined;
    let store: Store | undefined;
    if (settings.connection) {
        const pingOne = new PingOneClient(pingOneSettings(), settings.http, onRetry);
        api = new PropagationClient(pingOne, pingOne.settings.environmentId);
        output.progress(`reading PingOne connection "${settings.connection}"…`);
        const found = await findConnection(api, settings.connection);
        steps.push(...found.steps);
        store = found.store;
    }

    let check: ProvisioningCheck | undefined;
    const docuware = docuWareTarget(settings.docuware, store, settings.connectionSecret);
    if ("target" in docuware) {
        const { target } = docuware;
        output.progress(
            `checking DocuWare at ${target.organizationUrl} (identity provider ${target.identityProvider}): discovery → token → SCIM /Users…`,
        );
        check = await checkDocuWareProvisioning(target, http);
        steps.push(...check.steps.map(fromCheckStep));
        if (store && check.ok) {
            steps.push(compareConnectionSettings(store, check, target.clientId));
        }
    } else if (store) {
        steps.push({
            step: "docuware",
            status: "skipped",
            detail: "DocuWare's discovery, token and SCIM steps need values the connection cannot give (PingOne never returns its client secret)",
            fix: `set ${docuware.missing.join(" and ")}`,
        });
    }

    if (api && store) {
        const secret = connectionTestSecret(
            store,
            settings.connectionSecret,
            "target" in docuware ? docuware.target : undefined,
        );
        if (secret || !connectionSecretKey(store)) {
            output.progress(`asking PingOne to test connection "${store.name}"…`);
        }
        const expected = { scimBaseUrl: check?.scimBaseUrl, tokenUrl: check?.tokenUrl };
        steps.push(await testConnection(api, store, secret, expected));
    }

    return {
        steps,
        ok: steps.every((s) => s.status !== "failed"),
        scimBaseUrl: check?.scimBaseUrl,
        tokenUrl: check?.tokenUrl,
    };
}
