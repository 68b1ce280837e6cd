import type { FastifyInstance, FastifyRequest } from "fastify";
import { deletePlan } from "../../state/cascadingDeletes";
import { byCreation, findIn, newId, timestamp } from "../../state/emulatorState";
import type { Plan } from "../../state/resourceSchemas";
import { type ApiContext, type EnvironmentParams, PROPAGATION_PATH } from "../apiContext";
import { collection, environmentHref, links } from "../hal";
import { PlanWriteSchema } from "../payloads/propagationPayloads";
import { PingOneError } from "../pingOneError";
import { parseBody } from "../validation";

type PlanParams = EnvironmentParams & { planId: string };
const PLANS_PATH = `${PROPAGATION_PATH}/plans`;

export function renderPlan(request: FastifyRequest, plan: Plan) {
    const base = environmentHref(request, plan.environment.id);
    const self = `${base}/propagation/plans/${plan.id}`;
    return { ...plan, _links: links(self, { environment: base, rules: `${self}/rules` }) };
}

/** Propagation plans: one per environment; deleting one deletes its rules and their mappings. */
export function registerPlanRoutes(app: FastifyInstance, { state }: ApiContext): void {
    app.get<{ Params: EnvironmentParams }>(PLANS_PATH, async (request) => {
        const environment = state.environment(request.params.envId);
        return collection(
            request,
            "plans",
            byCreation(Object.values(environment.plans)).map((p) => renderPlan(request, p)),
        );
    });

    app.post<{ Params: EnvironmentParams }>(PLANS_PATH, async (request, reply) => {
        const environment = state.environment(request.params.envId);
        const body = parseBody(PlanWriteSchema, request.body);
        if (Object.keys(environment.plans).length > 0) {
            // Read (TF-easytofu): the second plan of an environment is refused with this detail.
            throw PingOneError.invalidData([
                { code: "INVALID_VALUE", target: "environment", message: "environment contains an existing plan" },
            ]);
        }
        const now = timestamp();
        const plan: Plan = {
            id: newId(),
            environment: { id: environment.id },
            name: body.name,
            status: body.status ?? "INACTIVE",
            createdAt: now,
            updatedAt: now,
        };
        environment.plans[plan.id] = plan;
        state.changed();
        return reply.code(201).send(renderPlan(request, plan));
    });

    app.get<{ Params: PlanParams }>(`${PLANS_PATH}/:planId`, async (request) => {
        const environment = state.environment(request.params.envId);
        return renderPlan(request, findIn(environment.plans, request.params.planId));
    });

    app.put<{ Params: PlanParams }>(`${PLANS_PATH}/:planId`, async (request) => {
        const environment = state.environment(request.params.envId);
        const current = findIn(environment.plans, request.params.planId);
        const body = parseBody(PlanWriteSchema, request.body);
        const plan: Plan = { ...current, name: body.name, status: body.status ?? "INACTIVE", updatedAt: timestamp() };
        environment.plans[plan.id] = plan;
        state.changed();
        return renderPlan(request, plan);
    });

    app.delete<{ Params: PlanParams }>(`${PLANS_PATH}/:planId`, async (request, reply) => {
        const environment = state.environment(request.params.envId);
        deletePlan(environment, findIn(environment.plans, request.params.planId).id);
        state.changed();
        return reply.code(204).send();
    });
}
