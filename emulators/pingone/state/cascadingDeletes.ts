import type { Environment, Store } from "./resourceSchemas";

/** Deletes a rule and its mappings (sync records stay: they still say who exists in the target). */
export function deleteRule(environment: Environment, ruleId: string): void {
    delete environment.rules[ruleId];
    for (const mapping of Object.values(environment.mappings)) {
        if (mapping.rule.id === ruleId) {
            delete environment.mappings[mapping.id];
        }
    }
}

/** Deletes a plan with its rules and their mappings (read: plan deletion cascades). */
export function deletePlan(environment: Environment, planId: string): void {
    delete environment.plans[planId];
    for (const rule of Object.values(environment.rules)) {
        if (rule.plan.id === planId) {
            deleteRule(environment, rule.id);
        }
    }
}

export function rulesReferencingStore(environment: Environment, storeId: string): string[] {
    return Object.values(environment.rules)
        .filter((rule) => rule.sourceStore.id === storeId || rule.targetStore.id === storeId)
        .map((rule) => rule.id);
}

/**
 * Deletes a store (and, for out-of-band deletes, the rules that reference it). Users provisioned into a `managed`
 * store are queued for deprovisioning at the next revision (read: "happens at next revision").
 */
export function deleteStore(environment: Environment, store: Store): void {
    for (const ruleId of rulesReferencingStore(environment, store.id)) {
        deleteRule(environment, ruleId);
    }
    const records = Object.entries(environment.syncRecords).filter(([, record]) => record.storeId === store.id);
    const identifiers = records.flatMap(([, record]) =>
        record.provisioned && record.identifier !== undefined ? [record.identifier] : [],
    );
    if (store.managed && identifiers.length > 0) {
        environment.pendingDeprovisions.push({ store, identifiers: [...new Set(identifiers)] });
    }
    for (const [key] of records) {
        delete environment.syncRecords[key];
    }
    delete environment.stores[store.id];
}
