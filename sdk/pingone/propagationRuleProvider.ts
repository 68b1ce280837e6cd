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

/** Population ids by name, for this provider process (one Pulumi operation): rules on one population look it up once. */
const populationIds = new Map<string, Promise<string | undefined>>();

function populationIdByName({ client, propagation }: Apis, name: string): Promise<string | undefined> {
    const key = `${client.settings.apiUrl}|${propagation.environmentId}|${name}`;
    let id = populationIds.get(key);
    if (!id) {
        id = client.findPopulationByName(propagation.environmentId, name).then((p) => p?.id);
        id.catch(() => populationIds.delete(key));
        populationIds.set(key, id);
    }
    return id;
}

/** The `populationExpression` for a user filter; a population name is resolved to its id, as the console does. */
async function populationExpression(apis: Apis, filter: UserFilter): Promise<string> {
    if (filter.expression !== undefined) {
        return filter.expression;
    }
    const populationId =
        filter.populationName === undefined
            ? filter.populationId
            : await populationIdByName(apis, filter.populationName);
    if (populationId === undefined) {
        throw new ProvisioningError(
            `PingOne environment ${apis.propagation.environmentId} has no population named "${filter.populationName}"; create it or set userFilter.populationId.`,
        );
    }
    return `population.id eq ${filterValue(populationId)}`;
}

const SINGLE_POPULATION = /^\s*population\.id\s+eq\s+"([^"]+)"\s*$/i;

/**
 * Population names by id, for this provider process (one Pulumi operation): a refresh of many rules on one
 * population reads it once.
 */
const populationNames = new Map<string, Promise<string | undefined>>();

function populationName({ client, propagation }: Apis, populationId: string): Promise<string | undefined> {
    const key = `${client.settings.apiUrl}|${propagation.environmentId}|${populationId}`;
    let name = populationNames.get(key);
    if (!name) {
        name = unlessNotFound(client.getPopulation(propagation.environmentId, populationId)).then((p) => p?.name);
        name.catch(() => populationNames.delete(key));
        populationNames.set(key, name);
    }
    return name;
}

/** Reads a live expression back in the form the inputs used, so that only real changes show as drift. */
async function liveUserFilter(apis: Apis, expression: string, desired: UserFilter): Promise<UserFilter> {
    const populationId = SINGLE_POPULATION.exec(expression)?.[1];
    if (populationId === undefined || desired.expression !== undefined) {
        return { expression };
    }
    if (desired.populationName !== undefined) {
        const name = await populationName(apis, populationId);
        return name === undefined ? { populationId } : { populationName: name };
    }
    return { populationId };
}

/** The environment's PingOne Directory store, found (or created) once per provider process. */
const directoryStores = new Map<string, Promise<string>>();

function directoryStoreId({ client, propagation }: Apis): Promise<string> {
    const key = `${client.settings.apiUrl}|${propagation.environmentId}`;
    let id = directoryStores.get(key);
    if (!id) {
        const find = async () => (await propagation.listStores()).find((s) => s.type === "directory");
        // Outbound provisioning reads from the PingOne directory; the console creates this store implicitly.
        const directory = { type: "directory", name: "PingOne Directory" } as const;
        const create = () => propagation.createDirectoryStore(directory);
        id = (async () => ((await find()) ?? (await createOnce(create, find))).id)();
        id.catch(() => directoryStores.delete(key));
        directoryStores.set(key, id);
    }
    return id;
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

/**
 * Makes the rule's mappings (`live`) equal to the desired ones, touching only those that differ. Returns the
 * mappings the rule has afterwards, as PingOne answered.
 */
async function syncMappings(
    api: PropagationClient,
    ruleId: string,
    desired: AttributeMapping[],
    live: Mapping[],
): Promise<Mapping[]> {
    const wanted = new Map(desired.map((m) => [m.target, m]));
    const result: Mapping[] = [];
    for (const mapping of live) {
        const target = wanted.get(mapping.targetAttribute);
        if (!target) {
            await deleteIdempotent(api.deleteMapping(mapping.id));
        } else if (!sameMappings([fromMapping(mapping)], [target])) {
            result.push(await api.updateMapping(ruleId, mapping.id, toMappingWrite(target)));
        } else {
            result.push(mapping);
        }
        wanted.delete(mapping.targetAttribute);
    }
    for (const mapping of wanted.values()) {
        const created = await createOnce(
            () => api.createMapping(ruleId, toMappingWrite(mapping)),
            async () => (await api.listMappings(ruleId)).find((m) => m.targetAttribute === mapping.target),
        );
        result.push(created);
    }
    return result;
}

/** Live mappings in the order of the desired ones, extras last. */
function orderedLike(live: AttributeMapping[], reference: AttributeMapping[]): AttributeMapping[] {
    const position = (m: AttributeMapping) => {
        const index = reference.findIndex((r) => r.target === m.target);
        return index === -1 ? reference.length : index;
    };
    return [...live].sort((a, b) => position(a) - position(b));
}

/** A rule and its mappings as PingOne returned them. */
interface LiveRule {
    rule: Rule;
    mappings: Mapping[];
}

async function readLive(apis: Apis, rule: Rule): Promise<LiveRule> {
    return { rule, mappings: await apis.propagation.listMappings(rule.id) };
}

/**
 * Outputs of a live rule. `resolved` is the expression this operation just computed from the reference's filter:
 * when PingOne holds exactly that, the filter needs no reading back.
 */
async function toOutputs(
    apis: Apis,
    { rule, mappings }: LiveRule,
    reference: PropagationRuleInputs,
    resolved?: string,
): Promise<PropagationRuleOutputs> {
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
        userFilter:
            expression === resolved
                ? reference.userFilter
                : await liveUserFilter(apis, expression, reference.userFilter),
        mappings: orderedLike(mappings.map(fromMapping), reference.mappings),
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
async function converge(
    apis: Apis,
    ruleId: string,
    inputs: PropagationRuleInputs,
    sourceStoreId: string,
    expression: string,
    liveMappings: Mapping[],
): Promise<LiveRule> {
    const mappings = await syncMappings(apis.propagation, ruleId, inputs.mappings, liveMappings);
    const rule = await apis.propagation.updateRule(
        ruleId,
        toRuleWrite(inputs, sourceStoreId, expression, inputs.active),
    );
    return { rule, mappings };
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
        const sourceStoreId = inputs.sourceStoreId ?? existing?.sourceStore.id ?? (await directoryStoreId(ctx));
        const expression = await populationExpression(ctx, inputs.userFilter);
        let created = false;
        const rule =
            existing ??
            (await createOnce(
                async () => {
                    const made = await ctx.propagation.createRule(
                        toRuleWrite(inputs, sourceStoreId, expression, false),
                    );
                    created = true;
                    return made;
                },
                () => findByName(ctx.propagation, inputs.planId, inputs.name),
            ));
        try {
            // A rule just created has no mappings: no need to list them.
            const liveMappings = created ? [] : await ctx.propagation.listMappings(rule.id);
            const converged = await converge(ctx, rule.id, inputs, sourceStoreId, expression, liveMappings);
            return { id: rule.id, outs: await toOutputs(ctx, converged, inputs, expression) };
        } catch (error) {
            // The rule exists: record it so the next `pulumi up` finishes the job instead of creating another.
            const recorded = await readLive(ctx, rule)
                .then((live) => toOutputs(ctx, live, inputs))
                .catch(() => ({
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
        return rule && toOutputs(ctx, await readLive(ctx, rule), olds);
    },

    async update(id, olds, news) {
        const ctx = pingOneApis(news);
        const expression = await populationExpression(ctx, news.userFilter);
        const liveMappings = await ctx.propagation.listMappings(id);
        const sourceStoreId = news.sourceStoreId ?? olds.effectiveSourceStoreId;
        const converged = await converge(ctx, id, news, sourceStoreId, expression, liveMappings);
        return toOutputs(ctx, converged, news, expression);
    },

    /** Deactivates the rule first, so no user is deprovisioned halfway, then removes its mappings and the rule. */
    async delete(id, olds) {
        const api = pingOneApis(olds).propagation;
        const deactivated = await unlessNotFound(
            api.updateRule(id, {
                name: olds.name,
                description: olds.description,
                plan: { id: olds.planId },
                sourceStore: { id: olds.effectiveSourceStoreId },
                targetStore: { id: olds.targetStoreId },
                populationExpression: olds.populationExpression,
                active: false,
            }),
        );
        if (!deactivated) {
            return; // already gone
        }
        for (const mapping of (await unlessNotFound(api.listMappings(id))) ?? []) {
            await deleteIdempotent(api.deleteMapping(mapping.id));
        }
        await deleteIdempotent(api.deleteRule(id));
    },
};
