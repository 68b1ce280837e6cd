import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { createServiceApp } from "../../shared/app";
import type { ControlPlane } from "../../shared/controlPlane";
import type { EmulatorState } from "../state/emulatorState";
import type { TokenIssuer } from "./tokenIssuer";

export const TokenRequestSchema = z.looseObject({
    grant_type: z.string().optional(),
    client_id: z.string().optional(),
    client_secret: z.string().optional(),
    scope: z.string().optional(),
});

export const TokenResponseSchema = z.object({
    access_token: z.string(),
    token_type: z.literal("Bearer"),
    expires_in: z.number().int(),
});
export type TokenResponse = z.infer<typeof TokenResponseSchema>;

/** RFC 6749 §5.2 error. */
class OAuthError extends Error {
    constructor(
        readonly statusCode: number,
        readonly error: string,
        readonly description: string,
    ) {
        super(description);
    }
}

function sendOAuthError(reply: FastifyReply, failure: OAuthError): FastifyReply {
    if (failure.error === "invalid_client") {
        void reply.header("WWW-Authenticate", 'Basic realm="PingOne"');
    }
    return reply
        .code(failure.statusCode)
        .header("Cache-Control", "no-store")
        .send({ error: failure.error, error_description: failure.description });
}

/** The worker app's `tokenEndpointAuthMethod` (SDK enum `EnumApplicationOIDCTokenAuthMethod`, lower-cased). */
export const TOKEN_AUTH_METHODS = ["client_secret_basic", "client_secret_post"] as const;
export type TokenAuthMethod = (typeof TOKEN_AUTH_METHODS)[number];

/**
 * client_secret_basic or client_secret_post; using both at once is refused (RFC 6749 §2.3.1). An app limited to one
 * method refuses the other with `invalid_client`, as PingOne does for an app set to the other method.
 */
function clientCredentials(
    request: FastifyRequest,
    form: z.infer<typeof TokenRequestSchema>,
    allowed: TokenAuthMethod | undefined,
) {
    const header = request.headers.authorization;
    const used: TokenAuthMethod = header === undefined ? "client_secret_post" : "client_secret_basic";
    if (allowed !== undefined && used !== allowed) {
        throw new OAuthError(401, "invalid_client", `The application authenticates with ${allowed.toUpperCase()}.`);
    }
    if (header === undefined) {
        if (form.client_id === undefined || form.client_secret === undefined) {
            throw new OAuthError(401, "invalid_client", "Client authentication is required.");
        }
        return { clientId: form.client_id, clientSecret: form.client_secret };
    }
    if (form.client_secret !== undefined) {
        throw new OAuthError(400, "invalid_request", "Use exactly one client authentication method.");
    }
    const [scheme, encoded] = header.split(" ");
    const decoded = scheme?.toLowerCase() === "basic" && encoded ? Buffer.from(encoded, "base64").toString() : "";
    const separator = decoded.indexOf(":");
    if (separator < 0) {
        throw new OAuthError(401, "invalid_client", "The Authorization header is not valid Basic authentication.");
    }
    // RFC 6749 §2.3.1: both parts are form-urlencoded before base64.
    const clientId = decodeURIComponent(decoded.slice(0, separator).replace(/\+/g, " "));
    const clientSecret = decodeURIComponent(decoded.slice(separator + 1).replace(/\+/g, " "));
    if (form.client_id !== undefined && form.client_id !== clientId) {
        throw new OAuthError(400, "invalid_request", "client_id does not match the Authorization header.");
    }
    return { clientId, clientSecret };
}

/** The auth listener (`https://auth.pingone.com` look-alike): the worker app's client-credentials token endpoint. */
export function createAuthApp(
    controlPlane: ControlPlane,
    state: EmulatorState,
    issuer: TokenIssuer,
    tokenAuthMethod?: TokenAuthMethod,
): FastifyInstance {
    const app = createServiceApp(controlPlane);

    app.post<{ Params: { envId: string } }>("/:envId/as/token", async (request, reply) => {
        try {
            if (!String(request.headers["content-type"]).startsWith("application/x-www-form-urlencoded")) {
                throw new OAuthError(400, "invalid_request", "The body must be application/x-www-form-urlencoded.");
            }
            if (!Object.hasOwn(state.data.environments, request.params.envId)) {
                // inferred: an unknown environment in the token URL is a 404, as on the API host.
                throw new OAuthError(404, "invalid_request", `Environment ${request.params.envId} was not found.`);
            }
            const form = TokenRequestSchema.parse(request.body ?? {});
            const { clientId, clientSecret } = clientCredentials(request, form, tokenAuthMethod);
            // inferred: one worker app with the same credentials in every environment; its tokens name the environment.
            const worker = state.data.worker;
            if (clientId !== worker.clientId || clientSecret !== worker.clientSecret) {
                throw new OAuthError(401, "invalid_client", "Client authentication failed.");
            }
            if (form.grant_type === undefined) {
                throw new OAuthError(400, "invalid_request", "grant_type is required.");
            }
            if (form.grant_type !== "client_credentials") {
                throw new OAuthError(400, "unsupported_grant_type", `Grant type ${form.grant_type} is not supported.`);
            }
            const issuerUrl = `${request.protocol}://${request.host}/${request.params.envId}/as`;
            const body: TokenResponse = {
                access_token: issuer.issue(request.params.envId, clientId, issuerUrl),
                token_type: "Bearer",
                expires_in: issuer.lifetimeSeconds,
            };
            return reply.header("Cache-Control", "no-store").send(body);
        } catch (error) {
            if (error instanceof OAuthError) {
                return sendOAuthError(reply, error);
            }
            throw error;
        }
    });

    app.setNotFoundHandler(async (request, reply) =>
        sendOAuthError(reply, new OAuthError(404, "invalid_request", `No endpoint ${request.method} ${request.url}.`)),
    );
    app.setErrorHandler(async (error: { statusCode?: number; message: string }, _request, reply) => {
        const status = error.statusCode ?? 500;
        return status < 500
            ? sendOAuthError(reply, new OAuthError(status, "invalid_request", error.message))
            : sendOAuthError(reply, new OAuthError(500, "server_error", "An unexpected error occurred."));
    });
    return app;
}
