import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { parseRequest } from "./docuWareError";
import { AppRegistrationCreateSchema, AppRegistrationUpdateSchema } from "./platformSchemas";
import { appRegistrationPath, appRegistrationView, appRegistrationWithSecret } from "./platformViews";
import type { ServiceContext } from "./serviceContext";

const ClientParamsSchema = z.object({ clientId: z.string() });

/**
 * inferred: the whole resource is emulator-only (reference §3.4); DocuWare has no public API for app registrations.
 * Registered inside the administrator-only scope.
 */
export function registerAppRegistrationRoutes(scope: FastifyInstance, context: ServiceContext, organization: string) {
    const { state } = context;
    const orgId = state.organization.id;
    const collection = `${organization}/AppRegistrations`;
    const item = `${collection}/:clientId`;
    const clientIdOf = (params: unknown): string => ClientParamsSchema.parse(params).clientId;

    scope.get(collection, async () => ({
        AppRegistration: state.registrations.list().map((r) => appRegistrationView(r, orgId)),
    }));

    scope.post(collection, async (request, reply) => {
        const input = parseRequest(AppRegistrationCreateSchema, request.body);
        const { registration, secret } = state.registrations.create(input);
        return reply
            .code(201)
            .header("Location", `${context.urls.baseUrl}${appRegistrationPath(orgId, registration.clientId)}`)
            .send(appRegistrationWithSecret(registration, orgId, secret));
    });

    scope.get(item, async (request) => appRegistrationView(state.registrations.get(clientIdOf(request.params)), orgId));

    scope.put(item, async (request) => {
        const changes = parseRequest(AppRegistrationUpdateSchema, request.body);
        return appRegistrationView(state.updateAppRegistration(clientIdOf(request.params), changes, false), orgId);
    });

    scope.delete(item, async (request, reply) => {
        state.deleteAppRegistration(clientIdOf(request.params), false);
        return reply.code(204).send();
    });

    scope.post(`${item}/Secret`, async (request) => {
        const { registration, secret } = state.registrations.rotateSecret(clientIdOf(request.params));
        return appRegistrationWithSecret(registration, orgId, secret);
    });
}
