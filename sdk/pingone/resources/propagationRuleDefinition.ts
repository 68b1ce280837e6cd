import { afterOwnCreate } from "../../core/afterOwnCreate";
import { ProvisioningError } from "../../core/errors";
import { mapConcurrently } from "../../core/mapConcurrently";
import { PartialFailure, type ResourceDefinition } from "../../dynamic/resourceDefinition";
import { claimExisting, markedOwner, withMarker, withoutMarker } from "../../dynamic/ownership";
import { createOnce, deleteIdempotent, readUnlessDeleted, unlessNotFound } from "../../core/recovery";
import { prefetchScimTarget } from "../../docuware/api/prefetchScimTarget";
import { filterValue } from "../api/pingOneClient";
import { pingOneApis, requireEnvironment, requirePingOneSettings } from "../api/environment";
import { fromMapping, mappingChanges } from "./mappingChanges";
import { type PropagationClient, ruleUpdateOf } from "../api/propagationClient";
import {
    type AttributeMapping,
    type PropagationRuleInputs,
    PropagationRuleInputsSchema,
    type PropagationRuleOutputs,
    type UserFilter,
    sameGroupIds,
    sameMappings,
} from "./propagationRuleInputs";
import type { Mapping, Rule, RuleWrite } from "../api/schemas";

type Apis = ReturnType<typeof pingOneApis>;

/** The `populationExpression` for a user filter; a population name is resolved to its id, as the console does. */
export async function populationExpression(apis: Apis, filter: UserFilter): Promise<string> {
    if (filter.expression !== undefined) {
        return filter.expression;
    }
    const populationId =
        filter.populationName === undefined
            ? filter.populationId
            : await apis.client.populationIdByName(apis.propagation.environmentId, filter.populationName);
    if (populationId === undefined) {
        throw new ProvisioningError(
            `PingOne environment ${apis.propagation.environmentId} has no population named "${filter.populationName}"; create it or set userFilter.populationId.`,
        );
    }
    return `population.id eq ${filterValue(populationId)}`;
}

/** `population.id eq "…"`, the expression the console's "Population Name Equals" writes. */
export const SINGLE_POPULATION = /^\s*population\.id\s+eq\s+"([^"]+)"\s*$/i;

/** Reads a live expression back in the form the inputs used, so that only real changes show as drift. */
async function liveUserFilter(apis: Apis, expression: string, desired: UserFilter): Promise<UserFilter> {
    const populationId = SINGLE_POPULATION.exec(expression)?.[1];
    if (populationId === undefined || desired.expression !== undefined) {
        return { expression };
    }
    if (desired.populationName !== undefined) {
        const name = await apis.client.populationName(apis.propagation.environmentId, populationId);
        return name === undefined ? { populationId } : { populationName: name };
    }
    return { populationId };
}

function toRuleWrite(
    inputs: PropagationRuleInputs,
    sourceStoreId: string,
    expression: string,
    active: boolean,
): RuleWrite {
    return {
        name: inputs.name,
        description: withMarker(inputs.description, inputs.managedBy),
        plan: { id: inputs.planId },
        sourceStore: { id: sourceStoreId },
        targetStore: { id: inputs.targetStoreId },
        active,
        populationExpression: expression,
        groups: inputs.groupIds?.map((id) => ({ id })),
    };
}

const toMappingWrite = (m: AttributeMapping) => ({
    sourceAttribute: m.source,
    expression: m.expression,
    targetAttribute: m.target,
});

/**
 * Mapping requests of one rule in flight at once: the guide's six in one round trip, few enough that the engine's
 * parallel operations stay within PingOne's rate limit (429s are waited out, see the HTTP core).
 */
const MAPPING_CONCURRENCY = 6;

/**
 * Makes the rule's mappings (`live`) equal to the desired ones, touching only those that differ: adds and updates
 * first (a few at a time), deletes only once they all succeeded, so a failure never leaves the rule with fewer
 * mappings than before. Returns the mappings the rule has afterwards, as PingOne answered.
 */
async function syncMappings(
    api: PropagationClient,
    ruleId: string,
    desired: AttributeMapping[],
    live: Mapping[],
): Promise<Mapping[]> {
    const changes = mappingChanges(desired, live);
    const updated = await mapConcurrently(changes.update, MAPPING_CONCURRENCY, ({ id, mapping }) =>
        api.updateMapping(ruleId, id, toMappingWrite(mapping)),
    );
    const created = await mapConcurrently(changes.create, MAPPING_CONCURRENCY, (mapping) =>
        createOnce(
            () => api.createMapping(ruleId, toMappingWrite(mapping)),
            async () => (await api.listMappings(ruleId)).find((m) => m.targetAttribute === mapping.target),
        ),
    );
    await mapConcurrently(changes.remove, MAPPING_CONCURRENCY, (mapping) =>
        deleteIdempotent(api.deleteMapping(mapping.id)),
    );
    return [...changes.keep, ...updated, ...created];
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

/**
 * The rule and its mappings, both requested at once (one round trip, not two in a row); undefined when the rule's
 * own GET says it is gone and its environment still exists.
 */
async function readLive(apis: Apis, ruleId: string): Promise<LiveRule | undefined> {
    const mappings = apis.propagation.listMappings(ruleId);
    mappings.catch(() => undefined); // awaited below only when the rule exists
    const rule = await readUnlessDeleted(
        () => apis.propagation.getRule(ruleId),
        () => requireEnvironment(apis),
    );
    return rule && { rule, mappings: await mappings };
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
        description: withoutMarker(rule.description),
        sourceStoreId: reference.sourceStoreId === undefined ? undefined : rule.sourceStore.id,
        effectiveSourceStoreId: rule.sourceStore.id,
        targetStoreId: rule.targetStore.id,
        userFilter:
            expression === resolved
                ? reference.userFilter
                : await liveUserFilter(apis, expression, reference.userFilter),
        mappings: orderedLike(mappings.map(fromMapping), reference.mappings),
        groupIds: rule.groups?.length ? rule.groups.map((g) => g.id) : reference.groupIds && [],
        active: rule.active ?? false,
        adopt: reference.adopt,
        managedBy: reference.managedBy,
        ruleId: rule.id,
        populationExpression: expression,
    };
}

async function findByName(api: PropagationClient, planId: string, name: string): Promise<Rule | undefined> {
    return (await api.listRules(planId)).find((r) => r.name === name);
}

/**
 * Whether a live rule already holds what a write would send (an adopted rule then needs no PUT). The ownership marker
 * alone is no reason to write: adopting a hand-made rule must change nothing live (docs/import.md).
 */
function holds(live: Rule, write: RuleWrite): boolean {
    return (
        live.name === write.name &&
        withoutMarker(live.description) === withoutMarker(write.description) &&
        live.plan.id === write.plan.id &&
        live.sourceStore.id === write.sourceStore.id &&
        live.targetStore.id === write.targetStore.id &&
        (live.active ?? false) === write.active &&
        (live.populationExpression ?? "") === write.populationExpression &&
        sameGroupIds(
            live.groups?.map((g) => g.id),
            write.groups?.map((g) => g.id),
        )
    );
}

/**
 * Applies every managed setting to an existing rule: mappings first, then the rule itself (with `active`): PingOne
 * refuses to activate a rule without mappings. The same code finishes a create, adopts an orphan and updates; a rule
 * being adopted (`live`) that already matches is not written. When a step fails, throws `PartialFailure` with what
 * PingOne holds at that moment, so state never claims what is not live and the next `pulumi up` repairs the rest.
 */
async function converge(
    apis: Apis,
    ruleId: string,
    inputs: PropagationRuleInputs,
    sourceStoreId: string,
    expression: string,
    liveMappings: Mapping[],
    fallback: PropagationRuleOutputs,
    live?: Rule,
    justCreated = false,
): Promise<PropagationRuleOutputs> {
    // A rule this operation just created may answer 404 for a moment (PingOne's eventual consistency).
    const step = <T>(call: (repeated: boolean) => Promise<T>) => (justCreated ? afterOwnCreate(call) : call(false));
    try {
        const mappings = await step(async (repeated) =>
            syncMappings(
                apis.propagation,
                ruleId,
                inputs.mappings,
                repeated ? await apis.propagation.listMappings(ruleId) : liveMappings,
            ),
        );
        const write = toRuleWrite(inputs, sourceStoreId, expression, inputs.active);
        const rule =
            live && holds(live, write)
                ? live
                : await step(() => apis.propagation.updateRule(ruleId, inputs.planId, ruleUpdateOf(write)));
        return await toOutputs(apis, { rule, mappings }, inputs, expression);
    } catch (error) {
        // Unreadable: record no mappings, so the next `up` lists the live ones and converges whatever they are.
        const recorded = (await readLive(apis, ruleId)
            .then((live) => live && toOutputs(apis, live, inputs))
            .catch(() => undefined)) ?? { ...fallback, mappings: [] };
        throw new PartialFailure(ruleId, recorded, error);
    }
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
        "groupIds",
        "active",
    ],
    preflight: requirePingOneSettings,
    outputOnlyFields: ["ruleId", "effectiveSourceStoreId", "populationExpression"],
    replaceFields: ["environmentId", "region", "planId", "sourceStoreId", "targetStoreId"],
    equals: { mappings: sameMappings, groupIds: sameGroupIds },

    /**
     * Creates the rule inactive, adds the mappings, then activates it: PingOne refuses to activate a rule without
     * mappings. A rule with this name that carries this resource's marker is the orphan of an interrupted create:
     * it is finished instead.
     */
    async create(inputs) {
        const ctx = pingOneApis(inputs);
        // The three lookups do not depend on each other: they overlap (each is shared by the operation's rules).
        const directory = inputs.sourceStoreId === undefined ? ctx.propagation.directoryStoreId() : undefined;
        directory?.catch(() => undefined); // awaited below, unless an earlier lookup fails first
        const [existing, expression] = await Promise.all([
            findByName(ctx.propagation, inputs.planId, inputs.name),
            populationExpression(ctx, inputs.userFilter),
        ]);
        if (existing) {
            claimExisting(
                `PingOne rule "${inputs.name}" in plan ${inputs.planId} (id ${existing.id})`,
                markedOwner(existing.description),
                inputs,
            );
        }
        const sourceStoreId = inputs.sourceStoreId ?? existing?.sourceStore.id ?? (await directory!);
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
        const fallback: PropagationRuleOutputs = {
            ...inputs,
            effectiveSourceStoreId: sourceStoreId,
            mappings: [],
            active: false,
            ruleId: rule.id,
            populationExpression: expression,
        };
        let liveMappings: Mapping[] = [];
        try {
            // A rule just created has no mappings: no need to list them.
            liveMappings = created ? [] : await ctx.propagation.listMappings(rule.id);
        } catch (error) {
            throw new PartialFailure(rule.id, fallback, error);
        }
        const outs = await converge(
            ctx,
            rule.id,
            inputs,
            sourceStoreId,
            expression,
            liveMappings,
            fallback,
            existing,
            created,
        );
        return { id: rule.id, outs };
    },

    async read(id, olds) {
        const ctx = pingOneApis(olds);
        const live = await readLive(ctx, id);
        return live && toOutputs(ctx, live, olds);
    },

    async update(id, olds, news) {
        const ctx = pingOneApis(news);
        const expression = await populationExpression(ctx, news.userFilter);
        const liveMappings = await ctx.propagation.listMappings(id);
        const sourceStoreId = news.sourceStoreId ?? olds.effectiveSourceStoreId;
        return converge(ctx, id, news, sourceStoreId, expression, liveMappings, { ...olds, ...news, ruleId: id });
    },

    /**
     * Deactivates the rule first, so no user is deprovisioned halfway, then removes its mappings and the rule (with
     * its users, when its connection deprovisions on delete).
     */
    async delete(id, olds) {
        const api = pingOneApis(olds).propagation;
        // Reads overlap the switch-off; nothing is deleted before it succeeded. The connection's `managed` comes from
        // the environment's store listing, shared by the operation's rules (one request, not one per rule).
        const [deactivated, mappings, stores] = await Promise.all([
            unlessNotFound(
                api.updateRule(id, olds.planId, {
                    name: olds.name,
                    description: withMarker(olds.description, olds.managedBy),
                    populationExpression: olds.populationExpression,
                    groups: olds.groupIds?.map((groupId) => ({ id: groupId })),
                    active: false,
                }),
            ),
            unlessNotFound(api.listMappings(id)),
            api.listStores().then((stores) => {
                const configuration = stores.find((store) => store.id === olds.targetStoreId)?.configuration;
                prefetchScimTarget(configuration?.SCIM_URL, configuration?.OAUTH_TOKEN_REQUEST);
                return stores;
            }),
        ]);
        if (!deactivated) {
            return; // already gone
        }
        await mapConcurrently(mappings ?? [], MAPPING_CONCURRENCY, (mapping) =>
            deleteIdempotent(api.deleteMapping(mapping.id)),
        );
        // A connection that deprovisions on delete (`managed`) gets `?deprovision=true` (Docs "Delete Rule"), else never.
        const target = stores.find((store) => store.id === olds.targetStoreId);
        await deleteIdempotent(api.deleteRule(id, { deprovision: target?.managed === true }));
    },
};
