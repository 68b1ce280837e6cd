import type { FastifyInstance, FastifyRequest } from "fastify";
import { byCreation, findIn, newId, timestamp } from "../../state/emulatorState";
import type { Environment, Population } from "../../state/resourceSchemas";
import { type ApiContext, ENVIRONMENT_PATH, type EnvironmentParams } from "../apiContext";
import { environmentHref, links, ListQuerySchema, pagedCollection } from "../hal";
import { applyListFilter } from "../listFilter";
import { PopulationWriteSchema, type PopulationWrite } from "../payloads/directoryPayloads";
import { PingOneError } from "../pingOneError";
import { parseBody, parseQuery } from "../validation";

type PopulationParams = EnvironmentParams & { populationId: string };

function renderPopulation(request: FastifyRequest, environment: Environment, population: Population) {
    const base = environmentHref(request, environment.id);
    const userCount = Object.values(environment.users).filter((u) => u.population.id === population.id).length;
    return {
        ...population,
        userCount,
        _links: links(`${base}/populations/${population.id}`, { environment: base }),
    };
}

function assertUniqueName(environment: Environment, name: string, exceptId?: string): void {
    const clash = Object.values(environment.populations).some(
        (p) => p.id !== exceptId && p.name.toLowerCase() === name.toLowerCase(),
    );
    if (clash) {
        throw PingOneError.invalidData([
            { code: "UNIQUENESS_VIOLATION", target: "name", message: "name must be unique within the environment." },
        ]);
    }
}

/** One default population per environment: making one default demotes the others. */
function applyDefault(environment: Environment, population: Population, body: PopulationWrite): void {
    if (body.default === true) {
        for (const other of Object.values(environment.populations)) {
            other.default = other.id === population.id;
        }
    } else if (body.default === false && population.default) {
        // inferred: PingOne moves the default by promoting another population, never by demoting the current one.
        throw PingOneError.invalidValue("default", "Make another population the default instead.");
    }
}

function writableFields(body: PopulationWrite) {
    const { default: _default, ...fields } = body;
    return fields;
}

/** `GET /environments/{envId}` and the populations. */
export function registerDirectoryRoutes(app: FastifyInstance, { state, engine }: ApiContext): void {
    app.get<{ Params: EnvironmentParams }>(ENVIRONMENT_PATH, async (request) => {
        const environment = state.environment(request.params.envId);
        const base = environmentHref(request, environment.id);
        return {
            id: environment.id,
            name: environment.name,
            type: "SANDBOX",
            region: "NA",
            createdAt: environment.createdAt,
            updatedAt: environment.updatedAt,
            _links: links(base, { populations: `${base}/populations`, users: `${base}/users` }),
        };
    });

    app.get<{ Params: EnvironmentParams }>(`${ENVIRONMENT_PATH}/populations`, async (request) => {
        const environment = state.environment(request.params.envId);
        const { filter } = parseQuery(ListQuerySchema, request.query);
        const populations = applyListFilter(byCreation(Object.values(environment.populations)), filter);
        const rendered = populations.map((p) => renderPopulation(request, environment, p));
        return pagedCollection(request, "populations", rendered, { defaultLimit: 100, maxLimit: 1000 });
    });

    app.post<{ Params: EnvironmentParams }>(`${ENVIRONMENT_PATH}/populations`, async (request, reply) => {
        const environment = state.environment(request.params.envId);
        const body = parseBody(PopulationWriteSchema, request.body);
        assertUniqueName(environment, body.name);
        const now = timestamp();
        const population: Population = {
            ...writableFields(body),
            id: newId(),
            environment: { id: environment.id },
            default: false,
            createdAt: now,
            updatedAt: now,
        };
        environment.populations[population.id] = population;
        applyDefault(environment, population, body);
        state.changed();
        return reply.code(201).send(renderPopulation(request, environment, population));
    });

    app.get<{ Params: PopulationParams }>(`${ENVIRONMENT_PATH}/populations/:populationId`, async (request) => {
        const environment = state.environment(request.params.envId);
        return renderPopulation(request, environment, findIn(environment.populations, request.params.populationId));
    });

    app.put<{ Params: PopulationParams }>(`${ENVIRONMENT_PATH}/populations/:populationId`, async (request) => {
        const environment = state.environment(request.params.envId);
        const current = findIn(environment.populations, request.params.populationId);
        const body = parseBody(PopulationWriteSchema, request.body);
        assertUniqueName(environment, body.name, current.id);
        applyDefault(environment, current, body);
        const { id, environment: owner, default: isDefault, createdAt } = current;
        const updated: Population = {
            ...writableFields(body),
            id,
            environment: owner,
            default: isDefault,
            createdAt,
            updatedAt: timestamp(),
        };
        environment.populations[id] = updated;
        state.changed();
        // A rename can move users in or out of rules filtering on population.name.
        engine.configurationChanged(environment.id);
        return renderPopulation(request, environment, updated);
    });

    app.delete<{ Params: PopulationParams }>(
        `${ENVIRONMENT_PATH}/populations/:populationId`,
        async (request, reply) => {
            const environment = state.environment(request.params.envId);
            const population = findIn(environment.populations, request.params.populationId);
            const members = Object.values(environment.users).filter((u) => u.population.id === population.id).length;
            if (population.default || members > 0) {
                // inferred: the default population, or one that still has users, cannot be deleted.
                const reason = population.default ? "is the default population" : `still has ${members} user(s)`;
                throw PingOneError.invalidData([
                    {
                        code: "CONSTRAINT_VIOLATION",
                        target: "id",
                        message: `The population ${reason} and cannot be deleted.`,
                    },
                ]);
            }
            delete environment.populations[population.id];
            state.changed();
            return reply.code(204).send();
        },
    );
}
