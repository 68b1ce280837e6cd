import { ProvisioningError } from "../core/errors";
import { PartialFailure, type ResourceDefinition } from "../providers/definition";
import { createOnce, deleteIdempotent, unlessNotFound } from "../providers/recovery";
import { filterValue } from "./client";
import { pingOneApis, requirePingOneSettings } from "./environment";
import type { PropagationClient } from "./propagationClient";
import {
    type AttributeMapping,
    type PropagationRuleInputs,
    PropagationRuleInputsSchema,
    type PropagationRuleOutputs,
    type UserFilter,
    sameMappings,
} from "./ruleInputs";
import type { Mapping, Rule, RuleWrite } from "./schemas";

type Apis = ReturnType<typeof pingOneApis>;

/** The `populationExpression` for a user filter; a population name is resolved to its id, as the console does. */
async function populationExpression({ client, propagation }: Apis, filter: UserFilter): Promise<string> {
    if (filter.expression !== undefined) {
        return filter.expression;
    }
    let populationId = filter.populationId;
    if (filter.populationName !== undefined) {
        const population = await client.findPopulationByName(propagation.environmentId, filter.populationName);
        if (!population) {
            throw new ProvisioningError(
                `PingOne environment ${propagation.environmentId} has no population named "${filter.populationName}"; create it or set userFilter.populationId.`,
            );
        }
        populationId = population.id;
    }
    return `population.id eq ${filterValue(populationId ?? "")}`;
}

const SINGLE_POPULATION = /^\s*population\.id\s+eq\s+"([^"]+)"\s*$/i;

/** Reads a live expression back in the form the inputs used, so that only real changes show as drift. */
async function liveUserFilter(
    { client, propagation }: Apis,
    expression: string,
    desired: UserFilter,
): Promise<UserFilter> {
    const populationId = SINGLE_POPULATION.exec(expression)?.[1];
    if (populationId === undefined || desired.expression !== undefined) {
        return { expression };
    }
    if (desired.populationName !== undefined) {
        const population = await unlessNotFound(client.getPopulation(propagation.environmentId, populationId));
        return population ? { populationName: population.name } : { populationId };
    }
    return { populationId };
}

async function directoryStoreId(api: PropagationClient): Promise<string> {
    const find = async () => (await api.listStores()).find((s) => s.type === "directory");
    const existing = await find();
    if (existing) {
        return existing.id;
    }
    // Outbound provisioning reads from the PingOne directory; the console creates this store implicitly.
    const directory = { name: "PingOne Directory", type: "directory", status: "ACTIVE" as const, configuration: {} };
    return (await createOnce(() => api.createStore(directory), find)).id;
}

function toRuleWrite(
    inputs: PropagationRuleInputs,
    sourceStoreId: string,
    expression: string,
    active: boolean,
): RuleWrite {
    return {
        name: inputs.name,
        description: inputs.description,
        plan: { id: inputs.planId },
        sourceStore: { id: sourceStoreId },
        targetStore: { id: inputs.targetStoreId },
        active,
        populationExpression: expression,
    };
}

const toMappingWrite = (m: AttributeMapping) => ({
    sourceAttribute: m.source,
    expression: m.expression,
    targetAttribute: m.target,
});

const fromMapping = (m: Mapping): AttributeMapping =>
    m.expression
        ? { expression: m.expression, target: m.targetAttribute }
        : { source: m.sourceAttribute, target: m.targetAttribute };

/** Makes the rule's mappings equal to the desired ones, touching only those that differ. */
async function syncMappings(api: PropagationClient, ruleId: string, desired: AttributeMapping[]): Promise<void> {
    const live = await api.listMappings(ruleId);
    const wanted = new Map(desired.map((m) => [m.target, m]));
    for (const mapping of live) {
        const target = wanted.get(mapping.targetAttribute);
        if (!target) {
            await deleteIdempotent(api.deleteMapping(mapping.id));
        } else if (!sameMappings([fromMapping(mapping)], [target])) {
            await api.updateMapping(ruleId, mapping.id, toMappingWrite(target));
        }
        wanted.delete(mapping.targetAttribute);
    }
    for (const mapping of wanted.values()) {
        await api.createMapping(ruleId, toMappingWrite(mapping));
    }
}

/** Live mappings in the order of the desired ones, extras last. */
function orderedLike(live: AttributeMapping[], reference: AttributeMapping[]): AttributeMapping[] {
    const position = (m: AttributeMapping) => {
        const index = reference.findIndex((r) => r.target === m.target);
        return index === -1 ? reference.length : index;
    };
    return [...live].sort((a, b) => position(a) - position(b));
}

async function toOutputs(apis: Apis, rule: Rule, reference: PropagationRuleInputs): Promise<PropagationRuleOutputs> {
    const mappings = (await apis.propagation.listMappings(rule.id)).map(fromMapping);
    const expression = rule.populationExpression ?? "";
    return {
        environmentId: reference.environmentId,
        region: reference.region,
        planId: rule.plan.id,
        name: rule.name,
        description: rule.description || undefined,
        sourceStoreId: reference.sourceStoreId === undefined ? undefined : rule.sourceStore.id,
        effectiveSourceStoreId: rule.sourceStore.id,
        targetStoreId: rule.targetStore.id,
        userFilter: await liveUserFilter(apis, expression, reference.userFilter),
        mappings: orderedLike(mappings, reference.mappings),
        active: rule.active ?? false,
        adopt: reference.adopt,
        ruleId: rule.id,
        populationExpression: expression,
    };
}

async function findByName(api: PropagationClient, planId: string, name: string): Promise<Rule | undefined> {
    return (await api.listRules(planId)).find((r) => r.name === name);
}

/** Applies every managed setting to an existing rule: mappings first, then the rule itself (with `active`). */
async function converge(apis: Apis, ruleId: string, inputs: PropagationRuleInputs, sourceStoreId: string) {
    const expression = await populationExpression(apis, inputs.userFilter);
    await syncMappings(apis.propagation, ruleId, inputs.mappings);
    return apis.propagation.updateRule(ruleId, toRuleWrite(inputs, sourceStoreId, expression, inputs.active));
}

export const propagationRuleDefinition: ResourceDefinition<PropagationRuleInputs, PropagationRuleOutputs> = {
    kind: "pingone:PropagationRule",
    inputs: PropagationRuleInputsSchema,
    managedFields: [
        "environmentId",
        "region",
        "planId",
        "name",
        "description",
        "sourceStoreId",
        "targetStoreId",
        "userFilter",
        "mappings",
        "active",
    ],
    preflight: requirePingOneSettings,
    outputOnlyFields: ["ruleId", "effectiveSourceStoreId", "populationExpression"],
    replaceFields: ["environmentId", "region", "planId", "sourceStoreId", "targetStoreId"],
    equals: { mappings: sameMappings },

    /** Creates the rule inactive, adds the mappings, then activates it: PingOne refuses to activate a rule without mappings. */
    async create(inputs) {
        const ctx = pingOneApis(inputs);
        const existing = await findByName(ctx.propagation, inputs.planId, inputs.name);
        if (existing && !inputs.adopt) {
            throw new ProvisioningError(
                `PingOne plan ${inputs.planId} already has a rule named "${inputs.name}" (id ${existing.id}); set \`adopt: true\` to manage it, or choose another name.`,
            );
        }
        const sourceStoreId =
            inputs.sourceStoreId ?? existing?.sourceStore.id ?? (await directoryStoreId(ctx.propagation));
        const expression = await populationExpression(ctx, inputs.userFilter);
        const rule =
            existing ??
            (await createOnce(
                () => ctx.propagation.createRule(toRuleWrite(inputs, sourceStoreId, expression, false)),
                () => findByName(ctx.propagation, inputs.planId, inputs.name),
            ));
        try {
            const converged = await converge(ctx, rule.id, inputs, sourceStoreId);
            return { id: rule.id, outs: await toOutputs(ctx, converged, inputs) };
        } catch (error) {
            // The rule exists: record it so the next `pulumi up` finishes the job instead of creating another.
            const recorded = await toOutputs(ctx, rule, inputs).catch(() => ({
                ...inputs,
                effectiveSourceStoreId: sourceStoreId,
                mappings: [],
                active: false,
                ruleId: rule.id,
                populationExpression: expression,
            }));
            throw new PartialFailure(rule.id, recorded, error);
        }
    },

    async read(id, olds) {
        const ctx = pingOneApis(olds);
        const rule = await unlessNotFound(ctx.propagation.getRule(id));
        return rule && toOutputs(ctx, rule, olds);
    },

    async update(id, olds, news) {
        const ctx = pingOneApis(news);
        const rule = await converge(ctx, id, news, news.sourceStoreId ?? olds.effectiveSourceStoreId);
        return toOutputs(ctx, rule, news);
    },

    /** Deactivates the rule first, so no user is deprovisioned halfway, then removes its mappings and the rule. */
    async delete(id, olds) {
        const api = pingOneApis(olds).propagation;
        const rule = await unlessNotFound(api.getRule(id));
        if (!rule) {
            return;
        }
        if (rule.active) {
            const { name, description, plan, sourceStore, targetStore, populationExpression } = rule;
            await api.updateRule(id, {
                name,
                description,
                plan,
                sourceStore,
                targetStore,
                populationExpression,
                active: false,
            });
        }
        for (const mapping of (await unlessNotFound(api.listMappings(id))) ?? []) {
            await deleteIdempotent(api.deleteMapping(mapping.id));
        }
        await deleteIdempotent(api.deleteRule(id));
    },
};
