import type { FastifyInstance, FastifyRequest } from "fastify";
import type { z } from "zod";
import { byCreation, defaultPopulation, findIn, newId, timestamp } from "../../state/emulatorState";
import type { Environment, User } from "../../state/resourceSchemas";
import { type ApiContext, ENVIRONMENT_PATH, type EnvironmentParams } from "../apiContext";
import { environmentHref, links, ListQuerySchema, pagedCollection } from "../hal";
import { applyListFilter } from "../listFilter";
import {
    SERVER_OWNED_USER_KEYS,
    UserCreateSchema,
    UserEnabledSchema,
    UserPatchSchema,
    UserPopulationSchema,
    UserReplaceSchema,
} from "../payloads/directoryPayloads";
import { PingOneError } from "../pingOneError";
import { parseBody, parseQuery } from "../validation";

type UserParams = EnvironmentParams & { userId: string };
const USERS_PATH = `${ENVIRONMENT_PATH}/users`;
const USER_PATH = `${USERS_PATH}/:userId`;

export function renderUser(request: FastifyRequest, user: User) {
    const base = environmentHref(request, user.environment.id);
    return {
        ...user,
        _links: links(`${base}/users/${user.id}`, {
            environment: base,
            population: `${base}/populations/${user.population.id}`,
            "user.enabled": `${base}/users/${user.id}/enabled`,
            "user.population": `${base}/users/${user.id}/population`,
        }),
    };
}

/** The client-writable part of a body: server-owned attributes a client echoes back are dropped. */
function writableAttributes(body: Record<string, unknown>): Record<string, unknown> {
    const owned = new Set<string>(SERVER_OWNED_USER_KEYS);
    return Object.fromEntries(Object.entries(body).filter(([key]) => !owned.has(key)));
}

function serverOwned(user: User) {
    const { id, environment, population, enabled, lifecycle, identityProvider, mfaEnabled, verifyStatus, createdAt } =
        user;
    return { id, environment, population, enabled, lifecycle, identityProvider, mfaEnabled, verifyStatus, createdAt };
}

/** The environment's usernames as uniqueness compares them, for checking many new users at once. */
export function takenUsernames(environment: Environment): Set<string> {
    return new Set(Object.values(environment.users).map((u) => u.username.toLowerCase()));
}

/** Usernames are unique per environment, compared case-insensitively (inferred). */
function assertUniqueUsername(
    environment: Environment,
    username: string,
    exceptId?: string,
    taken?: Set<string>,
): void {
    const clash = taken
        ? taken.has(username.toLowerCase())
        : Object.values(environment.users).some(
              (u) => u.id !== exceptId && u.username.toLowerCase() === username.toLowerCase(),
          );
    if (clash) {
        throw PingOneError.invalidData([
            {
                code: "UNIQUENESS_VIOLATION",
                target: "username",
                message: "username must be unique within the environment.",
            },
        ]);
    }
}

function assertPopulationExists(environment: Environment, populationId: string, target: string): void {
    if (!Object.hasOwn(environment.populations, populationId)) {
        throw PingOneError.invalidValue(target, `Population ${populationId} does not exist in the environment.`);
    }
}

/**
 * Adds a user as `POST /users` does (a validated body); the caller tells the state and the engine. `taken`
 * (from `takenUsernames`, kept up to date here) makes the uniqueness check of many additions linear.
 */
export function addUser(environment: Environment, body: z.infer<typeof UserCreateSchema>, taken?: Set<string>): User {
    assertUniqueUsername(environment, body.username, undefined, taken);
    taken?.add(body.username.toLowerCase());
    const populationId = body.population?.id ?? defaultPopulation(environment).id;
    assertPopulationExists(environment, populationId, "population.id");
    const now = timestamp();
    const user: User = {
        ...writableAttributes(body),
        username: body.username,
        email: body.email,
        id: newId(),
        environment: { id: environment.id },
        population: { id: populationId },
        enabled: body.enabled ?? true,
        lifecycle: { status: "ACCOUNT_OK" },
        identityProvider: { type: "PING_ONE" },
        mfaEnabled: false,
        verifyStatus: "NOT_INITIATED",
        createdAt: now,
        updatedAt: now,
    };
    environment.users[user.id] = user;
    return user;
}

/** Users: CRUD, `/enabled` and `/population`. Every change is handed to the provisioning engine. */
export function registerUserRoutes(app: FastifyInstance, { state, engine }: ApiContext): void {
    const userChanged = (user: User) => {
        state.changed();
        engine.userChanged(user.environment.id, user.id);
    };

    app.get<{ Params: EnvironmentParams }>(USERS_PATH, async (request) => {
        const environment = state.environment(request.params.envId);
        const { filter } = parseQuery(ListQuerySchema, request.query);
        const users = applyListFilter(byCreation(Object.values(environment.users)), filter);
        return pagedCollection(
            request,
            "users",
            users.map((u) => renderUser(request, u)),
            {
                defaultLimit: 100,
                maxLimit: 200,
            },
        );
    });

    app.post<{ Params: EnvironmentParams }>(USERS_PATH, async (request, reply) => {
        const environment = state.environment(request.params.envId);
        const user = addUser(environment, parseBody(UserCreateSchema, request.body));
        userChanged(user);
        return reply.code(201).send(renderUser(request, user));
    });

    app.get<{ Params: UserParams }>(USER_PATH, async (request) => {
        const environment = state.environment(request.params.envId);
        return renderUser(request, findIn(environment.users, request.params.userId));
    });

    app.put<{ Params: UserParams }>(USER_PATH, async (request) => {
        const environment = state.environment(request.params.envId);
        const current = findIn(environment.users, request.params.userId);
        const body = parseBody(UserReplaceSchema, request.body);
        if (body.population !== undefined && body.population.id !== current.population.id) {
            throw PingOneError.invalidValue(
                "population.id",
                "The population cannot be changed with PUT; use PUT /users/{userId}/population.",
            );
        }
        assertUniqueUsername(environment, body.username, current.id);
        // `enabled` is read-only here (inferred): it changes through PUT /users/{userId}/enabled.
        const user: User = {
            ...writableAttributes(body),
            username: body.username,
            email: body.email,
            ...serverOwned(current),
            updatedAt: timestamp(),
        };
        environment.users[user.id] = user;
        userChanged(user);
        return renderUser(request, user);
    });

    app.patch<{ Params: UserParams }>(USER_PATH, async (request) => {
        const environment = state.environment(request.params.envId);
        const current = findIn(environment.users, request.params.userId);
        const body = parseBody(UserPatchSchema, request.body);
        if (body.username !== undefined) {
            assertUniqueUsername(environment, body.username, current.id);
        }
        const changes = writableAttributes(body);
        // inferred: nested objects (name, address) are merged, not replaced, by a partial update.
        const user = { ...current, ...changes, ...serverOwned(current), updatedAt: timestamp() } as User;
        for (const key of ["name", "address"] as const) {
            if (body[key] !== undefined) {
                Object.assign(user, { [key]: { ...current[key], ...body[key] } });
            }
        }
        environment.users[user.id] = user;
        userChanged(user);
        return renderUser(request, user);
    });

    app.put<{ Params: UserParams }>(`${USER_PATH}/enabled`, async (request) => {
        const environment = state.environment(request.params.envId);
        const user = findIn(environment.users, request.params.userId);
        const { enabled } = parseBody(UserEnabledSchema, request.body);
        user.enabled = enabled;
        user.updatedAt = timestamp();
        userChanged(user);
        const href = `${environmentHref(request, environment.id)}/users/${user.id}`;
        return { enabled, _links: links(`${href}/enabled`, { user: href }) };
    });

    app.put<{ Params: UserParams }>(`${USER_PATH}/population`, async (request) => {
        const environment = state.environment(request.params.envId);
        const user = findIn(environment.users, request.params.userId);
        const { id } = parseBody(UserPopulationSchema, request.body);
        assertPopulationExists(environment, id, "id");
        user.population = { id };
        user.updatedAt = timestamp();
        userChanged(user);
        return renderUser(request, user);
    });

    app.delete<{ Params: UserParams }>(USER_PATH, async (request, reply) => {
        const environment = state.environment(request.params.envId);
        const user = findIn(environment.users, request.params.userId);
        delete environment.users[user.id];
        userChanged(user);
        return reply.code(204).send();
    });
}
