import type { Environment, Rule, Store } from "./resourceSchemas";

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

/**
 * `DELETE …/rules/{id}?deprovision=true` (Docs "Delete Rule"): queues the users this rule provisioned into its target
 * for deprovisioning, by the store's REMOVE_ACTION, except those another rule still keeps there. inferred: they are
 * deprovisioned right away, not at the next revision, and their sync records go with the rule.
 */
export function queueRuleDeprovisioning(environment: Environment, rule: Rule): void {
    const store = environment.stores[rule.targetStore.id];
    const records = Object.entries(environment.syncRecords).filter(([, record]) => record.ruleId === rule.id);
    const keptByOthers = new Set(
        Object.values(environment.syncRecords)
            .filter(
                (r) =>
                    r.ruleId !== rule.id && r.ruleId in environment.rules && r.storeId === store?.id && r.provisioned,
            )
            .map((r) => r.identifier),
    );
    const identifiers = records.flatMap(([, record]) =>
        record.provisioned && record.identifier !== undefined && !keptByOthers.has(record.identifier)
            ? [record.identifier]
            : [],
    );
    if (store && identifiers.length > 0) {
        environment.pendingDeprovisions.push({ store, identifiers: [...new Set(identifiers)] });
    }
    for (const [key] of records) {
        delete environment.syncRecords[key];
    }
}
