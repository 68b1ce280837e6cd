import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { STATUS_CODES } from "node:http";
import { CONTROL_PREFIX, type ErrorBodyFormatter } from "../shared/controlPlane";
import { DocuWareError, type DocuWareErrorDetails } from "./docuWareError";
import { type EmulatorUrls, SCIM_SERVICE_PATH } from "./emulatorUrls";

/** Each surface of the real service answers errors in its own body shape. */
export type ErrorSurface = "platform" | "scim" | "oauth" | "control";

const SCIM_ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";
const SCIM_CONTENT_TYPE = "application/scim+json; charset=utf-8";

/**
 * Renders errors of both listeners (thrown `DocuWareError`s, fastify's own errors, unknown routes, injected faults) in
 * the body shape of the surface that was called.
 */
export class ErrorResponder {
    constructor(private readonly urls: EmulatorUrls) {}

    /** For `new ControlPlane(...)`, so injected faults and 429s carry the body the called surface would send. */
    readonly controlPlaneBody: ErrorBodyFormatter = (status, request) =>
        this.body(this.surfaceOf(request), status, STATUS_CODES[status] ?? "Error", request, {});

    install(app: FastifyInstance): void {
        // Success, error and injected-fault responses of the SCIM service alike.
        app.addHook("onSend", async (request, reply, payload) => {
            const type = String(reply.getHeader("content-type") ?? "");
            if (type.startsWith("application/json") && this.surfaceOf(request) === "scim") {
                void reply.type(SCIM_CONTENT_TYPE);
            }
            return payload;
        });
        app.setErrorHandler((error: FastifyError | DocuWareError, request, reply) => this.send(error, request, reply));
        app.setNotFoundHandler((request, reply) => {
            const path = request.url.split("?")[0] ?? "";
            const error = new DocuWareError(404, `No resource was found at '${request.method} ${path}'.`, {
                oauthError: "invalid_request",
            });
            return this.send(error, request, reply);
        });
    }

    private surfaceOf(request: FastifyRequest): ErrorSurface {
        const path = request.url.split("?")[0] ?? "";
        if (path.startsWith(CONTROL_PREFIX)) {
            return "control";
        }
        // The identity service is its own host, like login-emea.docuware.cloud next to {org}.docuware.cloud.
        if (request.raw.socket?.localPort === this.urls.identityPort) {
            return "oauth";
        }
        return path.startsWith(SCIM_SERVICE_PATH) ? "scim" : "platform";
    }

    private send(error: FastifyError | DocuWareError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
        const { status, message, details } = describeError(error);
        const surface = this.surfaceOf(request);
        for (const [name, value] of Object.entries(details.headers ?? {})) {
            void reply.header(name, value);
        }
        if (surface === "oauth") {
            void reply.header("Cache-Control", "no-store");
        }
        return reply.code(status).send(this.body(surface, status, message, request, details));
    }

    private body(
        surface: ErrorSurface,
        status: number,
        message: string,
        request: FastifyRequest,
        details: DocuWareErrorDetails,
    ): unknown {
        switch (surface) {
            case "platform":
                // Platform `Error` object (read: PlatformJavaClient Error.java); the JSON casing is inferred.
                return {
                    Message: message,
                    Uri: `${request.protocol}://${request.host}${request.url}`,
                    Method: request.method,
                    StatusCode: status,
                    Status: STATUS_CODES[status] ?? "Error",
                };
            case "scim":
                // inferred: status as an integer, like Microsoft's SCIM reference library (Core2Error).
                return {
                    schemas: [SCIM_ERROR_SCHEMA],
                    // RFC 7644 defines scimType values only for 400 and 409.
                    ...(details.scimType && (status === 400 || status === 409) ? { scimType: details.scimType } : {}),
                    detail: message,
                    status,
                };
            case "oauth":
                return { error: details.oauthError ?? oauthErrorFor(status), error_description: message };
            case "control":
                return { error: message };
        }
    }
}

function describeError(error: FastifyError | DocuWareError): {
    status: number;
    message: string;
    details: DocuWareErrorDetails;
} {
    if (error instanceof DocuWareError) {
        return { status: error.statusCode, message: error.message, details: error.details };
    }
    const syntax: DocuWareErrorDetails = { scimType: "invalidSyntax", oauthError: "invalid_request" };
    switch (error.code) {
        case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
            return {
                status: 415,
                message: `The content type '${error.message.split("'")[1] ?? ""}' is not supported.`,
                details: syntax,
            };
        case "FST_ERR_CTP_EMPTY_JSON_BODY":
            return { status: 400, message: "The request body is empty.", details: syntax };
        case "FST_ERR_MAX_PARAM_LENGTH":
            // ASP.NET has no such limit; an over-long id simply matches nothing.
            return { status: 404, message: "The requested resource does not exist.", details: {} };
    }
    const status = error.statusCode !== undefined && error.statusCode >= 400 ? error.statusCode : 500;
    if (status === 400 && error instanceof SyntaxError) {
        return { status, message: `The request body is not valid JSON: ${error.message}`, details: syntax };
    }
    if (status >= 500) {
        return { status, message: `An unexpected error occurred: ${error.message}`, details: {} };
    }
    return { status, message: error.message, details: syntax };
}

function oauthErrorFor(status: number): string {
    if (status === 401) {
        return "invalid_client";
    }
    if (status === 429 || status === 503) {
        return "temporarily_unavailable";
    }
    return status >= 500 ? "server_error" : "invalid_request";
}
