import type { FastifyInstance } from "fastify";
import { DocuWareError } from "./docuWareError";

/**
 * Endpoints RFC 7644 defines that the service does not offer (`/ServiceProviderConfig` says bulk is unsupported;
 * DocuWare documents none of them). RFC 7644 §3.12: 501 Not Implemented with a SCIM error. inferred: the real
 * service's answer is not documented.
 */
const UNSUPPORTED: readonly [method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE", path: string][] = [
    ["POST", "/.search"],
    ["POST", "/Users/.search"],
    ["POST", "/Groups/.search"],
    ["POST", "/Bulk"],
    ["GET", "/Me"],
    ["POST", "/Me"],
    ["PUT", "/Me"],
    ["PATCH", "/Me"],
    ["DELETE", "/Me"],
];

export function registerScimUnsupportedRoutes(scope: FastifyInstance): void {
    for (const [method, path] of UNSUPPORTED) {
        scope.route({
            method,
            url: path,
            handler: async () => {
                throw new DocuWareError(501, `${method} ${path} is not implemented by this SCIM service.`);
            },
        });
    }
}
