import type { FastifyRequest } from "fastify";
import { type AccessTokenIssuer, bearerToken, RESOURCE_SCOPES } from "./accessTokens";
import { DocuWareError, notFound, unauthorized } from "./docuWareError";
import type { OrganizationState } from "./organizationState";

/**
 * inferred (reference §3.4): the management surface is for the Organization Administrator only, i.e. a
 * `docuware.platform` token of the admin credential. 401 without a valid token, 403 for anyone else, then 404 for an
 * organization id other than this emulator's.
 */
export function authorizeOrganizationAdministrator(state: OrganizationState, tokens: AccessTokenIssuer) {
    return async (request: FastifyRequest): Promise<void> => {
        const token = bearerToken(request.headers.authorization);
        if (!token) {
            throw unauthorized("A Bearer token is required.");
        }
        const check = tokens.check(token);
        if (!check.valid) {
            throw unauthorized(check.reason);
        }
        const { claims } = check;
        if (claims.client_id !== state.adminClientId || !claims.scope.includes(RESOURCE_SCOPES.Platform)) {
            throw new DocuWareError(403, "Only an Organization Administrator may use this resource.");
        }
        const { organizationId } = request.params as { organizationId?: string };
        if (organizationId !== undefined && organizationId.toLowerCase() !== state.organization.id.toLowerCase()) {
            throw notFound(`Organization '${organizationId}' does not exist.`);
        }
    };
}
