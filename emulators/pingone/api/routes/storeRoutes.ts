import type { FastifyInstance, FastifyRequest } from "fastify";
import { isPlainObject } from "../../isPlainObject";
import { checkConnection } from "../../provisioning/connectionCheck";
import { deleteStore, rulesReferencingStore } from "../../state/cascadingDeletes";
import { byCreation, findIn, newId, timestamp } from "../../state/emulatorState";
import type { Environment, Store, StoreConfiguration } from "../../state/resourceSchemas";
import { keepOmittedSecrets, omitSecrets } from "../../state/storeSecrets";
import { type ApiContext, type EnvironmentParams, PROPAGATION_PATH } from "../apiContext";
import { collection, environmentHref, links } from "../hal";
import { StoreWriteSchema, type StoreWrite } from "../payloads/propagationPayloads";
import { validateScimConfiguration, validateStoreConfiguration } from "../payloads/scimStoreConfiguration";
import { PingOneError } from "../pingOneError";
import { parseBody } from "../validation";

type StoreParams = EnvironmentParams & { storeId: string };
const STORES_PATH = `${PROPAGATION_PATH}/stores`;
const CONNECTION_CHECK_TYPE = "application/vnd.pingidentity.connection.check+json";

function renderStore(request: FastifyRequest, store: Store) {
    const base = environmentHref(request, store.environment.id);
    return {
        ...store,
        configuration: omitSecrets(store.configuration),
        _links: links(`${base}/propagation/stores/${store.id}`, { environment: base }),
    };
}

function assertSingleDirectory(environment: Environment, body: StoreWrite, exceptId?: string): void {
    const existing = Object.values(environment.stores).some((s) => s.type === "directory" && s.id !== exceptId);
    if (body.type === "directory" && existing) {
        // inferred: an environment has exactly one PingOne directory to provision from.
        throw PingOneError.invalidData([
            { code: "UNIQUENESS_VIOLATION", target: "type", message: "The environment already has a directory store." },
        ]);
    }
}

/**
 * The counterpart of "a rule can only be enabled on an enabled connection" (console docs): a connection is not
 * disabled under an enabled rule. inferred: no source says how the API answers; refused like the rule side.
 */
function assertNoActiveRuleOnDisabled(environment: Environment, storeId: string, status: string): void {
    const active = Object.values(environment.rules).filter((rule) => rule.targetStore.id === storeId && rule.active);
    if (status !== "ACTIVE" && active.length > 0) {
        throw PingOneError.invalidData([
            {
                code: "CONSTRAINT_VIOLATION",
                target: "status",
                message: `The connection cannot be disabled while ${active.length} enabled rule(s) use it; disable them first.`,
                innerError: { referencedValues: active.map((rule) => rule.id) },
            },
        ]);
    }
}

/**
 * The docs' "Create store (PingOne Directory)" request model has `type`, `name`, `managed`, `image.href` and
 * `description` only. inferred: other attributes are refused, as PingOne refuses unknown ones elsewhere.
 */
function assertDirectoryBody(body: StoreWrite): void {
    if (body.type !== "directory") {
        return;
    }
    const extra = (["status", "configuration"] as const).filter((key) => body[key] !== undefined);
    if (extra.length > 0) {
        throw PingOneError.invalidData(
            extra.map((key) => ({
                code: "INVALID_VALUE",
                target: key,
                message: `${key} is not a recognized attribute of a directory store.`,
            })),
        );
    }
}

/** Fields a write sets; everything else about a store is server-owned. */
function writtenFields(body: StoreWrite, configuration: StoreConfiguration) {
    return {
        name: body.name,
        ...(body.description !== undefined && { description: body.description }),
        type: body.type,
        // The directory store has no status in its request model; the environment's own one is ACTIVE.
        status: body.status ?? (body.type === "directory" ? "ACTIVE" : "INACTIVE"),
        managed: body.managed ?? false,
        image: body.image ?? {},
        configuration,
    };
}

/** Propagation stores: CRUD, the connection test. */
export function registerStoreRoutes(app: FastifyInstance, { state, targetClient }: ApiContext): void {
    app.get<{ Params: EnvironmentParams }>(STORES_PATH, async (request) => {
        const environment = state.environment(request.params.envId);
        const stores = byCreation(Object.values(environment.stores)).map((s) => renderStore(request, s));
        return collection(request, "stores", stores);
    });

    app.post<{ Params: EnvironmentParams }>(STORES_PATH, async (request, reply) => {
        const environment = state.environment(request.params.envId);
        const body = parseBody(StoreWriteSchema, request.body);
        assertDirectoryBody(body);
        const configuration = validateStoreConfiguration(body.type, body.configuration);
        assertSingleDirectory(environment, body);
        const now = timestamp();
        const store: Store = {
            id: newId(),
            environment: { id: environment.id },
            ...writtenFields(body, configuration),
            createdAt: now,
            updatedAt: now,
        };
        environment.stores[store.id] = store;
        state.changed();
        return reply.code(201).send(renderStore(request, store));
    });

    app.post<{ Params: EnvironmentParams }>(`${STORES_PATH}/connection/status`, async (request, reply) => {
        state.environment(request.params.envId);
        if (!String(request.headers["content-type"]).startsWith(CONNECTION_CHECK_TYPE)) {
            throw PingOneError.unsupportedMediaType(
                `The request could not be completed. Send Content-Type ${CONNECTION_CHECK_TYPE}.`,
            );
        }
        const body = parseBody(StoreWriteSchema, request.body);
        if (body.type !== "scim") {
            throw PingOneError.invalidValue("type", "The emulator can only test connections of type scim.");
        }
        await checkConnection(targetClient, validateScimConfiguration(body.configuration));
        // No success body is documented; 200 with none.
        return reply.code(200).send();
    });

    app.get<{ Params: StoreParams }>(`${STORES_PATH}/:storeId`, async (request) => {
        const environment = state.environment(request.params.envId);
        return renderStore(request, findIn(environment.stores, request.params.storeId));
    });

    app.put<{ Params: StoreParams }>(`${STORES_PATH}/:storeId`, async (request) => {
        const environment = state.environment(request.params.envId);
        const current = findIn(environment.stores, request.params.storeId);
        const body = parseBody(StoreWriteSchema, request.body);
        if (body.type !== current.type) {
            // inferred: a store cannot change type; create another store instead.
            throw PingOneError.invalidValue("type", `type cannot be changed (the store is of type ${current.type}).`);
        }
        assertDirectoryBody(body);
        const proposed = isPlainObject(body.configuration)
            ? keepOmittedSecrets(current.configuration, body.configuration as StoreConfiguration)
            : body.configuration;
        const configuration = validateStoreConfiguration(body.type, proposed);
        assertNoActiveRuleOnDisabled(environment, current.id, body.status ?? "INACTIVE");
        const store: Store = {
            id: current.id,
            environment: current.environment,
            ...writtenFields(body, configuration),
            ...(current.syncStatus && { syncStatus: current.syncStatus }),
            createdAt: current.createdAt,
            updatedAt: timestamp(),
        };
        environment.stores[store.id] = store;
        state.changed();
        return renderStore(request, store);
    });

    app.delete<{ Params: StoreParams }>(`${STORES_PATH}/:storeId`, async (request, reply) => {
        const environment = state.environment(request.params.envId);
        const store = findIn(environment.stores, request.params.storeId);
        const referencing = rulesReferencingStore(environment, store.id);
        if (referencing.length > 0) {
            // Read: "must not be deleted when referred to by a rule"; the 400 INVALID_DATA shape is inferred.
            throw PingOneError.invalidData([
                {
                    code: "CONSTRAINT_VIOLATION",
                    target: "id",
                    message: `The store is referenced by ${referencing.length} rule(s); delete them first.`,
                    innerError: { referencedValues: referencing },
                },
            ]);
        }
        deleteStore(environment, store);
        state.changed();
        return reply.code(204).send();
    });
}
