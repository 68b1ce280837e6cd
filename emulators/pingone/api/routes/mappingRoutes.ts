import type { FastifyInstance, FastifyRequest } from "fastify";
import { isScimTargetAttribute, SCIM_TARGET_ATTRIBUTES } from "../../provisioning/scimAttributes";
import { byCreation, findIn, newId, timestamp } from "../../state/emulatorState";
import type { Environment, Mapping, Rule } from "../../state/resourceSchemas";
import { type ApiContext, type EnvironmentParams, PROPAGATION_PATH } from "../apiContext";
import { collection, environmentHref, links } from "../hal";
import { MappingWriteSchema, type MappingWrite } from "../payloads/propagationPayloads";
import { PingOneError } from "../pingOneError";
import { parseBody } from "../validation";

type RuleParams = EnvironmentParams & { ruleId: string };
type MappingParams = EnvironmentParams & { mappingId: string };
/** The SDK/Postman spell single-mapping paths `mapping`, TF-easytofu and the Docs `mappings`: both are served. */
const MAPPING_PATHS = [`${PROPAGATION_PATH}/mappings/:mappingId`, `${PROPAGATION_PATH}/mapping/:mappingId`];

function renderMapping(request: FastifyRequest, mapping: Mapping) {
    const base = `${environmentHref(request, mapping.environment.id)}/propagation`;
    return {
        ...mapping,
        _links: links(`${base}/mappings/${mapping.id}`, { rule: `${base}/rules/${mapping.rule.id}` }),
    };
}

/**
 * inferred: a `scim` target only takes the attributes its metadata lists (the console offers nothing else), or
 * URN-qualified extension attributes; one mapping per target attribute and rule.
 */
function assertTargetAttribute(environment: Environment, rule: Rule, body: MappingWrite, exceptId?: string): void {
    const target = body.targetAttribute;
    const isScimTarget = environment.stores[rule.targetStore.id]?.type === "scim";
    if (isScimTarget && !isScimTargetAttribute(target) && !target.startsWith("urn:")) {
        throw PingOneError.invalidValue("targetAttribute", `${target} is not an attribute of the target store.`, {
            allowedValues: Object.keys(SCIM_TARGET_ATTRIBUTES),
        });
    }
    const taken = Object.values(environment.mappings).some(
        (m) => m.rule.id === rule.id && m.id !== exceptId && m.targetAttribute === target,
    );
    if (taken) {
        throw PingOneError.invalidData([
            { code: "UNIQUENESS_VIOLATION", target: "targetAttribute", message: `The rule already maps ${target}.` },
        ]);
    }
}

function mappingFromBody(body: MappingWrite, ids: { id: string; envId: string; ruleId: string }, createdAt: string) {
    const { rule: _rule, ...fields } = body;
    const mapping: Mapping = {
        ...fields,
        id: ids.id,
        environment: { id: ids.envId },
        rule: { id: ids.ruleId },
        createdAt,
        updatedAt: timestamp(),
    };
    return mapping;
}

/** Attribute mappings: list/create under a rule; read/replace/delete by id under both path spellings. */
export function registerMappingRoutes(app: FastifyInstance, { state }: ApiContext): void {
    const rulePath = `${PROPAGATION_PATH}/rules/:ruleId/mappings`;
    app.get<{ Params: RuleParams }>(rulePath, async (request) => {
        const environment = state.environment(request.params.envId);
        const rule = findIn(environment.rules, request.params.ruleId);
        const mappings = byCreation(Object.values(environment.mappings)).filter((m) => m.rule.id === rule.id);
        return collection(
            request,
            "mappings",
            mappings.map((m) => renderMapping(request, m)),
        );
    });

    app.post<{ Params: RuleParams }>(rulePath, async (request, reply) => {
        const environment = state.environment(request.params.envId);
        const rule = findIn(environment.rules, request.params.ruleId);
        const body = parseBody(MappingWriteSchema, request.body);
        if (body.rule !== undefined && body.rule.id !== rule.id) {
            throw PingOneError.invalidValue("rule.id", "rule.id must match the rule in the request path.");
        }
        assertTargetAttribute(environment, rule, body);
        const mapping = mappingFromBody(body, { id: newId(), envId: environment.id, ruleId: rule.id }, timestamp());
        environment.mappings[mapping.id] = mapping;
        state.changed();
        return reply.code(201).send(renderMapping(request, mapping));
    });

    for (const path of MAPPING_PATHS) {
        app.get<{ Params: MappingParams }>(path, async (request) => {
            const environment = state.environment(request.params.envId);
            return renderMapping(request, findIn(environment.mappings, request.params.mappingId));
        });

        app.put<{ Params: MappingParams }>(path, async (request) => {
            const environment = state.environment(request.params.envId);
            const current = findIn(environment.mappings, request.params.mappingId);
            const body = parseBody(MappingWriteSchema, request.body);
            if (body.rule === undefined) {
                throw PingOneError.invalidData([
                    { code: "REQUIRED_VALUE", target: "rule.id", message: "rule.id is required." },
                ]);
            }
            if (body.rule.id !== current.rule.id) {
                throw PingOneError.invalidValue("rule.id", "rule.id cannot be changed.");
            }
            assertTargetAttribute(environment, findIn(environment.rules, current.rule.id), body, current.id);
            const ids = { id: current.id, envId: environment.id, ruleId: current.rule.id };
            const mapping = mappingFromBody(body, ids, current.createdAt);
            environment.mappings[mapping.id] = mapping;
            state.changed();
            return renderMapping(request, mapping);
        });

        app.delete<{ Params: MappingParams }>(path, async (request, reply) => {
            const environment = state.environment(request.params.envId);
            delete environment.mappings[findIn(environment.mappings, request.params.mappingId).id];
            state.changed();
            return reply.code(204).send();
        });
    }
}
