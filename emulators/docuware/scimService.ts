import type { FastifyInstance } from "fastify";
import { DocuWareError, notFound } from "./docuWareError";
import { SCIM_SERVICE_PATH } from "./emulatorUrls";
import { authorizeProvisioningClient } from "./scimAuthorization";
import { registerScimDiscoveryRoutes } from "./scimDiscoveryRoutes";
import { registerScimGroupRoutes } from "./scimGroupRoutes";
import { registerScimUnsupportedRoutes } from "./scimUnsupportedRoutes";
import { registerScimUserRoutes } from "./scimUserRoutes";
import type { ServiceContext } from "./serviceContext";
import { IDP_SLUG_PATTERN } from "./userProvisioning";

const JSON_BODY = /^application\/(scim\+)?json\s*(;|$)/i;

/** The "DocuWare User Provisioning v3 Service" at `.../UserProvisioningService/{externalIdp}/scim` (reference §2). */
export function registerScimService(app: FastifyInstance, context: ServiceContext, healthPath: string): void {
    const prefix = `${SCIM_SERVICE_PATH}/:idp/scim`;
    const health = healthPath.startsWith("/") ? healthPath : `/${healthPath}`;

    // The only endpoint without auth (read); its path is not public, so it is configurable (inferred).
    void app.register(
        async (scope) => {
            scope.get(health, async (request, reply) => {
                const { idp } = request.params as { idp: string };
                if (!IDP_SLUG_PATTERN.test(idp)) {
                    throw notFound(`The identity provider '${idp}' does not exist.`);
                }
                // inferred: an ASP.NET Core health check answers text/plain "Healthy".
                return reply.type("text/plain; charset=utf-8").send("Healthy");
            });
        },
        { prefix },
    );

    void app.register(
        async (scope) => {
            scope.addHook("onRequest", authorizeProvisioningClient(context));
            // KC "User provisioning: API integration guide": all requests must use Content-Type
            // application/scim+json, bodiless GET and DELETE included. inferred: a request without it is refused
            // with 415 and a SCIM error; application/json is accepted too, as ASP.NET's JSON input formatters do.
            scope.addHook("preValidation", async (request) => {
                if (!JSON_BODY.test(request.headers["content-type"] ?? "")) {
                    throw new DocuWareError(
                        415,
                        "Every SCIM request must carry Content-Type: application/scim+json (or application/json).",
                    );
                }
            });
            registerScimUserRoutes(scope, context);
            registerScimGroupRoutes(scope, context);
            registerScimDiscoveryRoutes(scope);
            registerScimUnsupportedRoutes(scope);
        },
        { prefix },
    );
}
