import type { PropagationClient } from "../api/propagationClient";

/**
 * Switches off the enabled rules that provision into a store, before the store is disabled: a rule is only enabled
 * on an enabled connection (console docs "Creating a provisioning rule"), so a deployment never leaves an enabled
 * rule on a disabled connection. Each rule is sent back as read, only with `active: false`.
 */
export async function deactivateRulesOnStore(api: PropagationClient, storeId: string): Promise<void> {
    for (const rule of await api.listRules()) {
        if (rule.targetStore.id === storeId && rule.active) {
            await api.updateRule(rule.id, rule.plan.id, {
                name: rule.name,
                description: rule.description,
                active: false,
                populationExpression: rule.populationExpression,
                groups: rule.groups,
            });
        }
    }
}
