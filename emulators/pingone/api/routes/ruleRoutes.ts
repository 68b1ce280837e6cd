import type { FastifyInstance, FastifyRequest } from "fastify";
import { deleteRule, queueRuleDeprovisioning } from "../../state/cascadingDeletes";
import { byCreation, findIn, newId, timestamp } from "../../state/emulatorState";
import type { Environment, Rule } from "../../state/resourceSchemas";
import { type ApiContext, type EnvironmentParams, PROPAGATION_PATH } from "../apiContext";
import { collection, environmentHref, links } from "../hal";
import { RuleUpdateSchema, RuleWriteSchema, type RuleWrite } from "../payloads/propagationPayloads";
import { validateRule } from "../ruleValidation";
import { PingOneError } from "../pingOneError";
import { parseBody } from "../validation";

type PlanParams = EnvironmentParams & { planId: string };
type RuleParams = EnvironmentParams & { ruleId: string };
const RULES_PATH = `${PROPAGATION_PATH}/rules`;
const PLAN_RULES_PATH = `${PROPAGATION_PATH}/plans/:planId/rules`;

export function renderRule(request: FastifyRequest, rule: Rule) {
    const base = `${environmentHref(request, rule.environment.id)}/propagation`;
    return {
        ...rule,
        _links: links(`${base}/rules/${rule.id}`, {
            create: `${base}/plans/${rule.plan.id}/rules`,
            mappings: `${base}/rules/${rule.id}/mappings`,
        }),
    };
}

/** The stored rule for a validated body (`deprovision` is deprecated but still echoed, default false). */
function ruleFromBody(environment: Environment, body: RuleWrite, planId: string, id: string, createdAt: string): Rule {
    const { plan: _plan, active, deprovision, ...fields } = body;
    return {
        ...fields,
        id,
        environment: { id: environment.id },
        plan: { id: planId },
        active: active ?? false,
        deprovision: deprovision ?? false,
        createdAt,
        updatedAt: timestamp(),
    };
}

/** Propagation rules: both create paths (plan-scoped and the older `/rules`), lists, read, PUT, delete. */
export function registerRuleRoutes(app: FastifyInstance, { state, engine }: ApiContext): void {
    const list = (request: FastifyRequest, environment: Environment, planId?: string) => {
        const rules = byCreation(Object.values(environment.rules)).filter((r) => !planId || r.plan.id === planId);
        return collection(
            request,
            "rules",
            rules.map((r) => renderRule(request, r)),
        );
    };
    const create = (request: FastifyRequest, environment: Environment, planIdFromPath?: string) => {
        const body = parseBody(RuleWriteSchema, request.body);
        const planId = validateRule(environment, body, planIdFromPath);
        const rule = ruleFromBody(environment, body, planId, newId(), timestamp());
        environment.rules[rule.id] = rule;
        state.changed();
        return renderRule(request, rule);
    };

    app.get<{ Params: EnvironmentParams }>(RULES_PATH, async (request) =>
        list(request, state.environment(request.params.envId)),
    );
    app.get<{ Params: PlanParams }>(PLAN_RULES_PATH, async (request) => {
        const environment = state.environment(request.params.envId);
        return list(request, environment, findIn(environment.plans, request.params.planId).id);
    });
    app.post<{ Params: EnvironmentParams }>(RULES_PATH, async (request, reply) =>
        reply.code(201).send(create(request, state.environment(request.params.envId))),
    );
    app.post<{ Params: PlanParams }>(PLAN_RULES_PATH, async (request, reply) => {
        const environment = state.environment(request.params.envId);
        const plan = findIn(environment.plans, request.params.planId);
        return reply.code(201).send(create(request, environment, plan.id));
    });

    app.get<{ Params: RuleParams }>(`${RULES_PATH}/:ruleId`, async (request) => {
        const environment = state.environment(request.params.envId);
        return renderRule(request, findIn(environment.rules, request.params.ruleId));
    });

    app.put<{ Params: RuleParams }>(`${RULES_PATH}/:ruleId`, async (request) => {
        const environment = state.environment(request.params.envId);
        const current = findIn(environment.rules, request.params.ruleId);
        const update = parseBody(RuleUpdateSchema, request.body);
        const body: RuleWrite = {
            ...update,
            sourceStore: update.sourceStore ?? current.sourceStore,
            targetStore: update.targetStore ?? current.targetStore,
        };
        const planId = validateRule(environment, body, undefined, current);
        const rule = ruleFromBody(environment, body, planId, current.id, current.createdAt);
        environment.rules[rule.id] = rule;
        state.changed();
        return renderRule(request, rule);
    });

    app.delete<{ Params: RuleParams; Querystring: { deprovision?: string } }>(
        `${RULES_PATH}/:ruleId`,
        async (request, reply) => {
            const environment = state.environment(request.params.envId);
            const rule = findIn(environment.rules, request.params.ruleId);
            const deprovision = request.query.deprovision === "true";
            if (deprovision) {
                // Read (Docs "Delete Rule"): deprovisioning needs `managed` on the target store (or the deprecated rule
                // `deprovision`); the answer without either is inferred.
                if (!environment.stores[rule.targetStore.id]?.managed && !rule.deprovision) {
                    throw PingOneError.invalidValue(
                        "deprovision",
                        "deprovision=true needs managed: true on the rule's target store.",
                    );
                }
                queueRuleDeprovisioning(environment, rule);
            }
            // inferred: the rule's mappings go with it (TF-easytofu deletes them first, which also works).
            deleteRule(environment, rule.id);
            state.changed();
            if (deprovision) {
                engine.deprovisionPending(environment.id);
            }
            return reply.code(204).send();
        },
    );
}
