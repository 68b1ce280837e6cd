import Fastify from "fastify";
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";

export interface RecordedScimRequest {
    method: string;
    url: string;
    contentType?: string;
    authorization?: string;
    body: unknown;
}

type ScimUser = Record<string, unknown> & { id: string; userName: string };

/**
 * A small SCIM 2.0 service with a client-credentials token endpoint, recording every request, for tests that need
 * exact control over the target of the PingOne provisioning engine.
 */
export async function startScimTarget(clientId = "target-client", initialSecret = "target-secret") {
    const requests: RecordedScimRequest[] = [];
    const users = new Map<string, ScimUser>();
    const validTokens = new Set<string>();
    let clientSecret = initialSecret;
    let forcedStatus: number | undefined;

    const app = Fastify();
    app.addContentTypeParser("application/scim+json", { parseAs: "string" }, (_request, body, done) =>
        done(null, body === "" ? undefined : JSON.parse(body as string)),
    );
    app.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string" }, (_request, body, done) =>
        done(null, Object.fromEntries(new URLSearchParams(body as string))),
    );
    app.addHook("onRequest", async (request) => {
        requests.push({
            method: request.method,
            url: request.url,
            contentType: request.headers["content-type"],
            authorization: request.headers.authorization,
            body: undefined,
        });
    });
    app.addHook("preHandler", async (request) => {
        const last = requests[requests.length - 1];
        if (last) {
            last.body = request.body;
        }
    });

    app.post("/token", async (request, reply) => {
        const form = request.body as Record<string, string>;
        if (form["client_id"] !== clientId || form["client_secret"] !== clientSecret) {
            return reply.code(401).send({ error: "invalid_client" });
        }
        const token = randomUUID();
        validTokens.add(token);
        return { access_token: token, token_type: "Bearer", expires_in: 3600 };
    });

    const scimError = (status: number, detail: string) => ({
        schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"],
        status,
        detail,
    });
    app.addHook("preHandler", async (request, reply) => {
        if (!request.url.startsWith("/scim/")) {
            return;
        }
        if (forcedStatus !== undefined) {
            return reply.code(forcedStatus).send(scimError(forcedStatus, "Forced failure"));
        }
        const token = request.headers.authorization?.replace(/^Bearer /, "");
        if (!token || !validTokens.has(token)) {
            return reply.code(401).send(scimError(401, "The access token is invalid."));
        }
    });

    app.get("/scim/v2/Users", async (request) => {
        const filter = (request.query as { filter?: string }).filter ?? "";
        const match = filter.match(/^(\w+) eq "(.*)"$/);
        const found = [...users.values()].filter((user) => !match || user[match[1] ?? ""] === match[2]);
        return {
            schemas: ["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
            totalResults: found.length,
            Resources: found,
        };
    });
    app.post("/scim/v2/Users", async (request, reply) => {
        const user = { ...(request.body as Record<string, unknown>), id: randomUUID() } as ScimUser;
        users.set(user.id, user);
        return reply.code(201).send(user);
    });
    app.patch<{ Params: { id: string } }>("/scim/v2/Users/:id", async (request, reply) => {
        const user = users.get(request.params.id);
        if (!user) {
            return reply.code(404).send(scimError(404, "Not found"));
        }
        for (const op of (request.body as { Operations: { path: string; value: unknown }[] }).Operations) {
            user[op.path] = op.value;
        }
        return user;
    });
    app.delete<{ Params: { id: string } }>("/scim/v2/Users/:id", async (request, reply) => {
        users.delete(request.params.id);
        return reply.code(204).send();
    });

    await app.listen({ host: "127.0.0.1", port: 0 });
    const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    return {
        clientId,
        tokenUrl: `${baseUrl}/token`,
        scimUrl: `${baseUrl}/scim/v2`,
        requests,
        users,
        /** `"GET /scim/v2/Users?filter=..."` lines of the recorded requests. */
        lines: () => requests.map((r) => `${r.method} ${decodeURIComponent(r.url)}`),
        /** Store configuration pointing at this target. */
        configuration: (overrides: Record<string, unknown> = {}) => ({
            SCIM_URL: `${baseUrl}/scim/v2`,
            OAUTH_TOKEN_REQUEST: `${baseUrl}/token`,
            OAUTH_CLIENT_ID: clientId,
            OAUTH_CLIENT_SECRET: clientSecret,
            ...overrides,
        }),
        /** Rotates the client secret and revokes every issued token. */
        rotateSecret(next: string) {
            clientSecret = next;
            validTokens.clear();
        },
        revokeTokens: () => validTokens.clear(),
        forceStatus(status: number | undefined) {
            forcedStatus = status;
        },
        close: () => app.close(),
    };
}
export type ScimTarget = Awaited<ReturnType<typeof startScimTarget>>;
