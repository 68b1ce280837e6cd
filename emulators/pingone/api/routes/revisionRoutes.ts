import type { FastifyInstance, FastifyRequest } from "fastify";
import { resetSyncCounts } from "../../provisioning/syncRecords";
import { findIn, newId, timestamp } from "../../state/emulatorState";
import type { Revision } from "../../state/resourceSchemas";
import { type ApiContext, type EnvironmentParams, PROPAGATION_PATH } from "../apiContext";
import { environmentHref, links } from "../hal";
import { PingOneError } from "../pingOneError";

const REVISIONS_PATH = `${PROPAGATION_PATH}/revisions`;
/** Read literally (`id:latest`) or URL-encoded (`id%3Alatest`); the router hands both over decoded. */
const LATEST = "id:latest";

function renderRevision(request: FastifyRequest, revision: Revision) {
    const { snapshot: _snapshot, ...fields } = revision;
    const base = environmentHref(request, revision.environment.id);
    return { ...fields, _links: links(`${base}/propagation/revisions/${revision.id}`, { environment: base }) };
}

/** Revisions: a snapshot of the configuration whose creation resynchronises every store (read). */
export function registerRevisionRoutes(app: FastifyInstance, { state, engine }: ApiContext): void {
    // No request body is required (TF-easytofu's mock answers an empty 201; whatever is sent is ignored).
    app.post<{ Params: EnvironmentParams }>(REVISIONS_PATH, async (request, reply) => {
        const environment = state.environment(request.params.envId);
        const revision: Revision = {
            id: newId(),
            environment: { id: environment.id },
            createdAt: timestamp(),
            // inferred: the actor of a worker-app call is the app's client id.
            createdBy: request.accessTokenClaims?.client_id ?? "unknown",
            ...(environment.latestRevisionId && { previousRevision: { id: environment.latestRevisionId } }),
            snapshot: {
                planIds: Object.keys(environment.plans),
                storeIds: Object.keys(environment.stores),
                ruleIds: Object.keys(environment.rules),
                mappingIds: Object.keys(environment.mappings),
            },
        };
        environment.revisions[revision.id] = revision;
        environment.latestRevisionId = revision.id;
        resetSyncCounts(environment);
        state.changed();
        engine.revisionCreated(environment.id);
        return reply.code(201).send(renderRevision(request, revision));
    });

    app.get<{ Params: EnvironmentParams & { revisionId: string } }>(
        `${REVISIONS_PATH}/:revisionId`,
        async (request) => {
            const environment = state.environment(request.params.envId);
            const revisionId =
                request.params.revisionId === LATEST ? environment.latestRevisionId : request.params.revisionId;
            if (revisionId === undefined) {
                throw PingOneError.notFound();
            }
            return renderRevision(request, findIn(environment.revisions, revisionId));
        },
    );
}
