import type { FastifyRequest } from "fastify";
import { bearerToken, RESOURCE_SCOPES } from "./accessTokens";
import { DocuWareError, notFound, unauthorized } from "./docuWareError";
import type { ServiceContext } from "./serviceContext";
import { provisioningSlug } from "./userProvisioning";

/**
 * The SCIM service accepts a token only while User Provisioning is enabled and only when it was issued to the
 * currently selected app registration (inferred, reference §3.4). Order: 401 for anything wrong with the token or
 * the provisioning state (disabled, another registration), 403 for a token without the User Provisioning scope,
 * then 404 for an `{externalIdp}` slug other than the configured one (the reference guesses 404).
 */
export function authorizeProvisioningClient(context: ServiceContext) {
    const { state, tokens } = context;
    return async (request: FastifyRequest): Promise<void> => {
        const token = bearerToken(request.headers.authorization);
        if (!token) {
            throw unauthorized("A Bearer token is required.");
        }
        const check = tokens.check(token);
        if (!check.valid) {
            throw unauthorized(check.reason);
        }
        const settings = state.provisioning;
        if (!settings.enabled) {
            throw unauthorized("User Provisioning is disabled for this organization.");
        }
        const selected = settings.appRegistrationId ? state.registrations.find(settings.appRegistrationId) : undefined;
        if (!selected || selected.clientId.toLowerCase() !== check.claims.client_id.toLowerCase()) {
            throw unauthorized(
                "The access token was not issued to the app registration selected for User Provisioning.",
            );
        }
        if (!check.claims.scope.includes(RESOURCE_SCOPES.UserProvisioning)) {
            throw new DocuWareError(403, `The access token lacks the scope '${RESOURCE_SCOPES.UserProvisioning}'.`, {
                headers: { "WWW-Authenticate": 'Bearer error="insufficient_scope"' },
            });
        }
        const { idp } = request.params as { idp?: string };
        if (idp !== provisioningSlug(settings)) {
            throw notFound(`The identity provider '${idp ?? ""}' is not configured for User Provisioning.`);
        }
    };
}
