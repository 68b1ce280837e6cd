import type { FastifyInstance, FastifyReply } from "fastify";
import { z } from "zod";
import { CONTROL_PREFIX } from "../../../shared/controlPlane";
import { isPlainObject } from "../../isPlainObject";
import { EditError, editItem, isEditableCollection, removeItem } from "../../state/outOfBandEdits";
import type { EditableCollection, Environment, StoreConfiguration } from "../../state/resourceSchemas";
import { maskSecrets } from "../../state/storeSecrets";
import type { ApiContext } from "../apiContext";
import { UserCreateSchema } from "../payloads/directoryPayloads";
import { parseBody } from "../validation";
import { addUser, takenUsernames } from "./userRoutes";

const BulkUsersSchema = z.object({ users: z.array(UserCreateSchema) });

const WorkerRolesSchema = z.object({ environmentIds: z.array(z.string()).nullable() });

type EditParams = { envId: string; collection: string; id: string };
const EDIT_PATH = `${CONTROL_PREFIX}/environments/:envId/:collection/:id`;

function masked(collection: EditableCollection, item: Record<string, unknown>): Record<string, unknown> {
    const configuration = item["configuration"] as StoreConfiguration | undefined;
    return collection === "stores" && configuration ? { ...item, configuration: maskSecrets(configuration) } : item;
}

/**
 * PingOne-specific test-control routes: the masked state, console-like out-of-band edits (which provision like
 * console changes do), and synchronisation with the provisioning engine.
 */
export function registerControlRoutes(app: FastifyInstance, { state, engine, targetClient }: ApiContext): void {
    /** Resolves the target of an edit, applies it, persists it and tells the engine; errors answer `{ error }`. */
    const edit = (
        reply: FastifyReply,
        { envId, collection, id }: EditParams,
        change: (environment: Environment, collection: EditableCollection) => Record<string, unknown> | undefined,
    ) => {
        const environment = state.data.environments[envId];
        if (!environment || !isEditableCollection(collection)) {
            return reply.code(404).send({ error: `Unknown environment ${envId} or collection ${collection}.` });
        }
        let result: Record<string, unknown> | undefined;
        try {
            result = change(environment, collection);
        } catch (error) {
            if (error instanceof EditError) {
                return reply.code(error.status).send({ error: error.message });
            }
            throw error;
        }
        state.changed();
        if (collection === "users") {
            engine.userChanged(envId, id);
        } else {
            engine.configurationChanged(envId);
        }
        return result ? reply.send(masked(collection, result)) : reply.code(204).send();
    };

    app.get(`${CONTROL_PREFIX}/state`, async () => state.maskedSnapshot());

    /** Seeds many users in one request (benchmarks, large directories); each is validated as `POST /users`. */
    app.post<{ Params: { envId: string } }>(`${CONTROL_PREFIX}/environments/:envId/users`, async (request, reply) => {
        const environment = state.environment(request.params.envId);
        const { users } = parseBody(BulkUsersSchema, request.body);
        const taken = takenUsernames(environment);
        const created = users.map((body) => addUser(environment, body, taken));
        state.changed();
        engine.configurationChanged(environment.id);
        return reply.code(201).send({ ids: created.map((user) => user.id) });
    });

    app.post(`${CONTROL_PREFIX}/provisioning/flush`, async () => engine.flush());

    /** Limits the environments where the worker app holds a role (`{"environmentIds": [...]}`; `null` = all). */
    app.put(`${CONTROL_PREFIX}/worker/roles`, async (request, reply) => {
        const parsed = WorkerRolesSchema.safeParse(request.body);
        if (!parsed.success) {
            return reply.code(400).send({ error: z.prettifyError(parsed.error) });
        }
        const { roleEnvironmentIds: _all, ...worker } = state.data.worker;
        state.data.worker =
            parsed.data.environmentIds === null
                ? worker
                : { ...worker, roleEnvironmentIds: parsed.data.environmentIds };
        state.changed();
        return reply.code(204).send();
    });

    /** Forgets cached target tokens, as if they had expired. */
    app.delete(`${CONTROL_PREFIX}/provisioning/token-cache`, async (_request, reply) => {
        targetClient.clearTokenCache();
        return reply.code(204).send();
    });

    app.patch<{ Params: EditParams }>(EDIT_PATH, async (request, reply) => {
        const body = request.body;
        if (!isPlainObject(body)) {
            return reply.code(400).send({ error: "The body must be a JSON object of the attributes to change." });
        }
        return edit(reply, request.params, (environment, collection) =>
            editItem(environment, collection, request.params.id, body),
        );
    });

    app.delete<{ Params: EditParams }>(EDIT_PATH, async (request, reply) =>
        edit(reply, request.params, (environment, collection) => {
            removeItem(environment, collection, request.params.id);
            return undefined;
        }),
    );
}
