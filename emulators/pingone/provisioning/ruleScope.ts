import { z } from "zod";
import { FilterSyntaxError, matchesFilter, parseFilterExpression } from "../api/filterExpression";
import { type ScimConfiguration, ScimConfigurationSchema } from "../api/payloads/scimStoreConfiguration";
import type { Environment, Mapping, Rule, Store, User } from "../state/resourceSchemas";
import { sourceView } from "./attributeMapper";

/** An outbound rule the engine acts on, with what it needs to act. */
export interface EngagedRule {
    rule: Rule;
    store: Store;
    mappings: Mapping[];
    /** Undefined when the store's configuration is unusable (possible after an out-of-band edit). */
    configuration?: ScimConfiguration;
    configurationError?: string;
}

/**
 * Rules that provision: active, sourced from the PingOne directory, targeting an ACTIVE `scim` store.
 * inferred: the plan's `status` is not consulted (clients create plans with just a name and provisioning runs).
 */
export function engagedRules(environment: Environment): EngagedRule[] {
    return Object.values(environment.rules).flatMap((rule): EngagedRule[] => {
        const source = environment.stores[rule.sourceStore.id];
        const store = environment.stores[rule.targetStore.id];
        if (!rule.active || source?.type !== "directory" || store?.type !== "scim" || store.status !== "ACTIVE") {
            return [];
        }
        const mappings = Object.values(environment.mappings).filter((mapping) => mapping.rule.id === rule.id);
        const parsed = ScimConfigurationSchema.safeParse(store.configuration);
        return parsed.success
            ? [{ rule, store, mappings, configuration: parsed.data }]
            : [{ rule, store, mappings, configurationError: z.prettifyError(parsed.error) }];
    });
}

/**
 * Whether a user is in a rule's scope: its `populationExpression`, else the deprecated `populations` list. Rules
 * scoped only by `groups` match nobody (the emulator has no groups).
 */
export function isInScope(environment: Environment, rule: Rule, user: User): boolean {
    if (rule.populationExpression !== undefined && rule.populationExpression.trim() !== "") {
        try {
            const filter = parseFilterExpression(rule.populationExpression);
            return matchesFilter(filter, sourceView(user, environment.populations[user.population.id]));
        } catch (error) {
            if (error instanceof FilterSyntaxError) {
                return false;
            }
            throw error;
        }
    }
    return (rule.populations ?? []).some((population) => population.id === user.population.id);
}

/** Distinct users in scope of the engaged rules targeting a store (the store's `userTotal`). */
export function usersInScopeOfStore(environment: Environment, storeId: string): number {
    const rules = engagedRules(environment).filter((engaged) => engaged.store.id === storeId);
    return Object.values(environment.users).filter((user) =>
        rules.some((engaged) => isInScope(environment, engaged.rule, user)),
    ).length;
}
