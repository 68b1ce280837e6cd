import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { createServiceApp } from "../../shared/app";
import type { ControlPlane } from "../../shared/controlPlane";
import type { TokenIssuer } from "../auth/tokenIssuer";
import type { EmulatorState } from "../state/emulatorState";
import type { ApiContext } from "./apiContext";
import { errorForStatus, PingOneError } from "./pingOneError";
import { registerControlRoutes } from "./routes/controlRoutes";
import { registerDirectoryRoutes } from "./routes/directoryRoutes";
import { registerMappingRoutes } from "./routes/mappingRoutes";
import { registerPlanRoutes } from "./routes/planRoutes";
import { registerRevisionRoutes } from "./routes/revisionRoutes";
import { registerRuleRoutes } from "./routes/ruleRoutes";
import { registerStoreMetadataRoutes } from "./routes/storeMetadataRoutes";
import { registerStoreRoutes } from "./routes/storeRoutes";
import { registerSyncedRuleRoutes } from "./routes/syncedRuleRoutes";
import { registerUserRoutes } from "./routes/userRoutes";

/** JSON types parsed leniently: an empty body is no body (a revision is created with none). */
const JSON_TYPES = ["application/json", "application/vnd.pingidentity.user.import+json"];

function parseJson(
    _request: FastifyRequest,
    body: string | Buffer,
    done: (error: Error | null, value?: unknown) => void,
) {
    try {
        done(null, body === "" ? undefined : JSON.parse(body.toString()));
    } catch {
        done(PingOneError.invalidRequest("The request could not be completed. The request body is not valid JSON."));
    }
}

async function authenticate(issuer: TokenIssuer, state: EmulatorState, request: FastifyRequest): Promise<void> {
    if (!request.url.startsWith("/v1/")) {
        return;
    }
    const token = request.headers.authorization?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
    if (token === undefined) {
        throw PingOneError.accessFailed(401);
    }
    const check = issuer.check(token);
    if (!check.valid) {
        const problem = check.reason === "expired" ? "has expired" : "is invalid";
        throw PingOneError.accessFailed(401, `The request could not be completed. The access token ${problem}.`);
    }
    const envId = (request.params as { envId?: string } | undefined)?.envId;
    const roles = state.data.worker.roleEnvironmentIds;
    if (envId !== undefined && roles !== undefined && !roles.includes(envId)) {
        // A worker manages every environment where it holds a role, whichever one its token came from (TF-ping's
        // acceptance test resource_identity_propagation_plan_test.go creates a plan in a new environment).
        throw PingOneError.accessFailed(403);
    }
    request.accessTokenClaims = check.claims;
}

function sendError(reply: FastifyReply, error: PingOneError): FastifyReply {
    if (error.statusCode === 401) {
        void reply.header("WWW-Authenticate", 'Bearer realm="PingOne"');
    }
    return reply.code(error.statusCode).send(error.toEnvelope());
}

/** Framework errors (bad JSON, unknown media type, body too large...) in PingOne's words. */
function fromFrameworkError(error: FastifyError): PingOneError {
    const status = error.statusCode ?? 500;
    if (status >= 500) {
        return errorForStatus(500);
    }
    if (error.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE" || status === 415) {
        return PingOneError.unsupportedMediaType(
            "The request could not be completed. The Content-Type is not supported.",
        );
    }
    // inferred: PingOne answers other malformed requests with 400 INVALID_REQUEST whatever the framework status was.
    return PingOneError.invalidRequest(`The request could not be completed. ${error.message}`);
}

/** The API listener (`https://api.pingone.com/v1` look-alike). */
export function createApiApp(controlPlane: ControlPlane, issuer: TokenIssuer, context: ApiContext): FastifyInstance {
    const app = createServiceApp(controlPlane);
    app.removeContentTypeParser(["application/json", "application/x-www-form-urlencoded"]);
    app.addContentTypeParser(JSON_TYPES, { parseAs: "string" }, parseJson);
    // Clients such as axios label an empty POST as a form; a non-empty form is not something this API takes.
    app.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string" }, (_request, body, done) =>
        body === ""
            ? done(null, undefined)
            : done(PingOneError.unsupportedMediaType("The request could not be completed. The body must be JSON.")),
    );

    const routes: { method: string; pattern: RegExp }[] = [];
    app.addHook("onRoute", (route) => {
        const pattern = new RegExp(`^${route.url.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/:\w+/g, "[^/]+")}$`);
        for (const method of [route.method].flat()) {
            routes.push({ method, pattern });
        }
    });
    app.addHook("onRequest", async (request) => authenticate(issuer, context.state, request));

    registerDirectoryRoutes(app, context);
    registerUserRoutes(app, context);
    registerSyncedRuleRoutes(app, context);
    registerStoreRoutes(app, context);
    registerStoreMetadataRoutes(app, context);
    registerPlanRoutes(app, context);
    registerRuleRoutes(app, context);
    registerMappingRoutes(app, context);
    registerRevisionRoutes(app, context);
    registerControlRoutes(app, context);

    app.setErrorHandler(async (error: FastifyError | PingOneError, _request, reply) =>
        sendError(reply, error instanceof PingOneError ? error : fromFrameworkError(error)),
    );
    app.setNotFoundHandler(async (request, reply) => {
        const path = request.url.split("?")[0] ?? "";
        const allowed = routes.filter((route) => route.pattern.test(path)).map((route) => route.method);
        if (allowed.length > 0) {
            void reply.header("Allow", [...new Set(allowed)].join(", "));
            return sendError(reply, PingOneError.methodNotAllowed());
        }
        return sendError(reply, PingOneError.notFound());
    });
    return app;
}
