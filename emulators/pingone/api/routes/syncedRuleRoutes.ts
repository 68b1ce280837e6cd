import type { FastifyInstance, FastifyRequest } from "fastify";
import { syncRecordKey, syncRecordsOfUser } from "../../provisioning/syncRecords";
import { findIn } from "../../state/emulatorState";
import type { Environment, SyncRecord } from "../../state/resourceSchemas";
import { type ApiContext, ENVIRONMENT_PATH, type EnvironmentParams } from "../apiContext";
import { collection, environmentHref, links } from "../hal";
import { PingOneError } from "../pingOneError";

type UserParams = EnvironmentParams & { userId: string };

function storeSummary(environment: Environment, storeId: string) {
    const store = environment.stores[storeId];
    return { id: storeId, ...(store && { name: store.name, type: store.type }) };
}

/** A per-user rule status (reference §6.4); undefined once the rule is gone. */
function renderSyncedRule(request: FastifyRequest, environment: Environment, record: SyncRecord) {
    const rule = environment.rules[record.ruleId];
    if (!rule) {
        return undefined;
    }
    const base = environmentHref(request, environment.id);
    return {
        rule: { id: rule.id, name: rule.name },
        sourceStore: storeSummary(environment, rule.sourceStore.id),
        targetStore: storeSummary(environment, record.storeId),
        environment: { id: environment.id },
        type: "OUTBOUND",
        status: record.status,
        lastSyncAt: record.lastSyncAt,
        details: record.details,
        _links: links(`${base}/users/${record.userId}/syncedRules/${rule.id}`, { environment: base }),
    };
}

/** `GET /users/{userId}/syncedRules` (list key `syncedRules` — inferred) and `.../syncedRules/{ruleId}`. */
export function registerSyncedRuleRoutes(app: FastifyInstance, { state }: ApiContext): void {
    app.get<{ Params: UserParams }>(`${ENVIRONMENT_PATH}/users/:userId/syncedRules`, async (request) => {
        const environment = state.environment(request.params.envId);
        const user = findIn(environment.users, request.params.userId);
        const rendered = syncRecordsOfUser(environment, user.id).flatMap(
            (record) => renderSyncedRule(request, environment, record) ?? [],
        );
        return collection(request, "syncedRules", rendered);
    });

    app.get<{ Params: UserParams & { ruleId: string } }>(
        `${ENVIRONMENT_PATH}/users/:userId/syncedRules/:ruleId`,
        async (request) => {
            const environment = state.environment(request.params.envId);
            const user = findIn(environment.users, request.params.userId);
            const record = findIn(environment.syncRecords, syncRecordKey(request.params.ruleId, user.id));
            const rendered = renderSyncedRule(request, environment, record);
            if (!rendered) {
                throw PingOneError.notFound();
            }
            return rendered;
        },
    );
}
