import Fastify, { type FastifyInstance } from "fastify";
import type { AddressInfo } from "node:net";
import type { ControlPlane } from "./controlPlane";

/** JSON media types the emulated services accept besides `application/json`. */
const EXTRA_JSON_TYPES = [
    "application/scim+json",
    "application/vnd.pingidentity.connection.check+json",
    "application/vnd.docuware.platform.createorganizationuser+json",
];

/**
 * A fastify instance with the parsers every emulated API needs and the shared control plane (request counting,
 * faults, rate limit) installed. Services add their own routes and error handler.
 */
export function createServiceApp(controlPlane: ControlPlane): FastifyInstance {
    const app: FastifyInstance = Fastify({
        logger: false,
        forceCloseConnections: true,
        bodyLimit: 1024 * 1024,
        // Without this, a malformed URL or an over-long path parameter gets fastify's own body instead of the
        // service's error handler (set later with `setErrorHandler`, hence the late lookup).
        frameworkErrors: (error, request, reply) => app.errorHandler(error, request, reply),
    });
    app.addContentTypeParser(EXTRA_JSON_TYPES, { parseAs: "string" }, (_request, body, done) => {
        try {
            done(null, body === "" ? undefined : JSON.parse(body as string));
        } catch (error) {
            (error as { statusCode?: number }).statusCode = 400;
            done(error as Error, undefined);
        }
    });
    app.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string" }, (_request, body, done) => {
        done(null, Object.fromEntries(new URLSearchParams(body as string)));
    });
    controlPlane.register(app);
    return app;
}

/** Listens on an ephemeral loopback port and returns the base URL (no trailing slash). */
export async function listenOnLoopback(app: FastifyInstance, port = 0): Promise<string> {
    await app.listen({ host: "127.0.0.1", port });
    const address = app.server.address() as AddressInfo;
    return `http://127.0.0.1:${address.port}`;
}
