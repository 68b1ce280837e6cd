import type { FastifyInstance } from "fastify";
import { parseRequest } from "./docuWareError";
import { UserProvisioningUpdateSchema } from "./platformSchemas";
import { userProvisioningView } from "./platformViews";
import type { ServiceContext } from "./serviceContext";

/**
 * inferred: emulator-only (reference §3.4), the API behind DocuWare Configuration > General > User Provisioning.
 * Registered inside the administrator-only scope.
 */
export function registerUserProvisioningRoutes(scope: FastifyInstance, context: ServiceContext, organization: string) {
    const { state, urls } = context;
    const path = `${organization}/UserProvisioning`;

    scope.get(path, async () => userProvisioningView(state.provisioning, urls, state.organization.id));

    // ScimBaseUrl, TokenEndpoint and Links are read-only; the schema drops them.
    scope.put(path, async (request) => {
        const update = parseRequest(UserProvisioningUpdateSchema, request.body);
        return userProvisioningView(state.updateProvisioning(update, true), urls, state.organization.id);
    });
}
