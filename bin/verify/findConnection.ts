import type { PropagationClient } from "../../sdk/pingone/api/propagationClient";
import type { Store } from "../../sdk/pingone/api/schemas";
import { explainPingOneFailure } from "./explainPingOneFailure";
import type { VerifyStep } from "./verifyStep";

export interface FoundConnection {
    store?: Store;
    steps: VerifyStep[];
}

/**
 * Reads the PingOne SCIM connection (propagation store) by id or name and reports it (`connection`) and what
 * PingOne says about its last synchronization (`sync-status`).
 */
export async function findConnection(api: PropagationClient, reference: string): Promise<FoundConnection> {
    let stores: Store[];
    try {
        stores = await api.listStores();
    } catch (error) {
        return { steps: [{ step: "connection", status: "failed", ...explainPingOneFailure(error) }] };
    }
    const store = stores.find((s) => s.id === reference) ?? stores.find((s) => s.name === reference);
    if (!store) {
        const names = stores.filter((s) => s.type === "scim").map((s) => `"${s.name}"`);
        return {
            steps: [
                {
                    step: "connection",
                    status: "failed",
                    detail: `PingOne environment ${api.environmentId} has no connection with id or name "${reference}" (SCIM connections: ${names.join(", ") || "none"})`,
                    fix: "check --connection (PINGONE_CONNECTION) and PINGONE_ENVIRONMENT_ID",
                },
            ],
        };
    }
    const label = `connection "${store.name}" (id ${store.id})`;
    if (store.type !== "scim") {
        return {
            steps: [
                {
                    step: "connection",
                    status: "failed",
                    detail: `${label} is of type ${store.type}, not a SCIM outbound connection`,
                    fix: "pass the SCIM connection that provisions to DocuWare",
                },
            ],
        };
    }
    const scimUrl = String(store.configuration?.SCIM_URL ?? "(none)");
    const connectionStep: VerifyStep =
        store.status === "INACTIVE"
            ? {
                  step: "connection",
                  status: "failed",
                  detail: `${label} is disabled, so PingOne provisions nothing through it`,
                  fix: "enable the connection (PingOne console: Integrations > Provisioning; the component: connectionEnabled: true, then pulumi up)",
              }
            : { step: "connection", status: "passed", detail: `${label} is enabled; SCIM URL ${scimUrl}` };
    return { store, steps: [connectionStep, syncStatusStep(store)] };
}

function syncStatusStep(store: Store): VerifyStep {
    const sync = store.syncStatus;
    if (!sync?.syncState) {
        return { step: "sync-status", status: "passed", detail: "PingOne has not provisioned through it yet" };
    }
    const counts = [
        sync.lastSyncAt && `last sync ${sync.lastSyncAt}`,
        sync.successCount !== undefined && `${sync.successCount} succeeded`,
        sync.failedCount !== undefined && `${sync.failedCount} failed`,
    ].filter(Boolean);
    const summary = counts.length > 0 ? ` (${counts.join(", ")})` : "";
    if (sync.syncState === "FAILED") {
        return {
            step: "sync-status",
            status: "failed",
            detail: `PingOne reports the last provisioning FAILED${summary}${sync.details ? `: ${sync.details}` : ""}`,
            fix: "the steps below show whether DocuWare accepts the connection's settings; PingOne's provisioning log (Monitoring) names the users",
        };
    }
    return { step: "sync-status", status: "passed", detail: `PingOne reports ${sync.syncState}${summary}` };
}
