import type { Environment, SyncRecord } from "../state/resourceSchemas";
import { usersInScopeOfStore } from "./ruleScope";

export const syncRecordKey = (ruleId: string, userId: string): string => `${ruleId}/${userId}`;

export function syncRecordsOfUser(environment: Environment, userId: string): SyncRecord[] {
    return Object.values(environment.syncRecords).filter((record) => record.userId === userId);
}

/** Counts run "since the last revision" (read); the window opens at the latest revision. */
function windowStart(environment: Environment): string {
    const latest = environment.latestRevisionId ? environment.revisions[environment.latestRevisionId] : undefined;
    return latest?.createdAt ?? "";
}

/**
 * Stores the outcome of one rule's operation for one user and refreshes the target store's `syncStatus`:
 * `syncState` / `details` / `lastSyncAt` follow the latest operation (so a failing target shows FAILED with the
 * reason, like the console), the counts are per user over the current revision window.
 */
export function recordSyncOutcome(environment: Environment, record: SyncRecord): void {
    environment.syncRecords[syncRecordKey(record.ruleId, record.userId)] = record;
    const store = environment.stores[record.storeId];
    if (!store) {
        return;
    }
    const since = windowStart(environment);
    const inWindow = Object.values(environment.syncRecords).filter(
        (candidate) => candidate.storeId === store.id && candidate.lastSyncAt >= since,
    );
    const failed = (operation: SyncRecord["operation"]) =>
        inWindow.filter((candidate) => candidate.status === "FAILED" && candidate.operation === operation).length;
    store.syncStatus = {
        syncState: record.status === "FAILED" ? "FAILED" : "SYNCING",
        lastSyncAt: record.lastSyncAt,
        successCount: inWindow.filter((candidate) => candidate.status === "SUCCESS").length,
        failedCount: failed("PROVISION"),
        failedDeprovisionCount: failed("DEPROVISION"),
        userTotal: usersInScopeOfStore(environment, store.id),
        details: record.status === "FAILED" ? record.details : "",
    };
}

/** A revision restarts the counts of every store that has synced (read: counts are since the last revision). */
export function resetSyncCounts(environment: Environment): void {
    for (const store of Object.values(environment.stores)) {
        if (store.syncStatus) {
            store.syncStatus = {
                ...store.syncStatus,
                successCount: 0,
                failedCount: 0,
                failedDeprovisionCount: 0,
                userTotal: usersInScopeOfStore(environment, store.id),
            };
        }
    }
}
