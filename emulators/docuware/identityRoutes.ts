import type { FastifyInstance } from "fastify";
import { type AccessTokenIssuer, RESOURCE_SCOPES } from "./accessTokens";
import { clientCredentials, invalidClient, TokenRequestSchema } from "./clientCredentials";
import { DocuWareError, invalidRequest, notFound } from "./docuWareError";
import type { EmulatorUrls } from "./emulatorUrls";
import type { AuthenticatedClient, OrganizationState } from "./organizationState";
import { OrganizationParamsSchema } from "./platformSchemas";

export interface IdentityRoutesOptions {
    state: OrganizationState;
    tokens: AccessTokenIssuer;
    urls: EmulatorUrls;
    /** Lifetime of admin tokens and upper bound for every other token. */
    tokenLifetimeSeconds?: number;
}

const DEFAULT_TOKEN_LIFETIME_SECONDS = 3600;

/** The organization's identity service (IdentityServer-style, reference §3.3), on its own listener. */
export function registerIdentityRoutes(app: FastifyInstance, options: IdentityRoutesOptions): void {
    const { state, tokens, urls } = options;
    const assertOrganization = (params: unknown): void => {
        const { organizationId } = OrganizationParamsSchema.parse(params);
        if (organizationId.toLowerCase() !== state.organization.id.toLowerCase()) {
            throw notFound(`Organization '${organizationId}' is not served by this identity service.`);
        }
    };

    app.get("/:organizationId/.well-known/openid-configuration", async (request) => {
        assertOrganization(request.params);
        const issuer = urls.identityServiceUrl;
        return {
            issuer,
            jwks_uri: `${issuer}/.well-known/openid-configuration/jwks`,
            authorization_endpoint: `${issuer}/connect/authorize`,
            token_endpoint: urls.tokenEndpoint,
            userinfo_endpoint: `${issuer}/connect/userinfo`,
            end_session_endpoint: `${issuer}/connect/endsession`,
            scopes_supported: ["openid", "dwprofile", "offline_access", ...Object.values(RESOURCE_SCOPES)],
            // The real list (reference §3.3); the emulator implements client_credentials only.
            grant_types_supported: [
                "authorization_code",
                "client_credentials",
                "refresh_token",
                "password",
                "urn:ietf:params:oauth:grant-type:device_code",
                "dwtoken",
                "trusted",
                "impersonation",
                "delegation",
                "windows",
            ],
            response_types_supported: ["code"],
            token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post"],
            code_challenge_methods_supported: ["plain", "S256"],
        };
    });

    // Tokens are HMAC-signed, so there is no public key to publish.
    app.get("/:organizationId/.well-known/openid-configuration/jwks", async (request) => {
        assertOrganization(request.params);
        return { keys: [] };
    });

    app.post("/:organizationId/connect/token", async (request, reply) => {
        assertOrganization(request.params);
        if (!request.headers["content-type"]?.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
            throw new DocuWareError(400, "The token request must be application/x-www-form-urlencoded.", {
                oauthError: "invalid_request",
            });
        }
        const parsed = TokenRequestSchema.safeParse(request.body ?? {});
        if (!parsed.success) {
            throw invalidRequest(parsed.error);
        }
        const credentials = clientCredentials(request, parsed.data);
        const client = state.authenticateClient(credentials.clientId, credentials.secret);
        if (!client) {
            throw invalidClient("The client id or secret is wrong.", credentials.viaBasic);
        }
        if (!parsed.data.grant_type) {
            throw oauthError("invalid_request", "grant_type is missing.");
        }
        if (parsed.data.grant_type !== "client_credentials") {
            // inferred: password, dwtoken etc. exist on the real service but need users' passwords or sessions.
            throw oauthError("unsupported_grant_type", `The grant type '${parsed.data.grant_type}' is not supported.`);
        }
        if (!client.canUseClientCredentials) {
            throw oauthError("unauthorized_client", "The app registration does not allow the ClientCredentials grant.");
        }
        const scopes = grantedScopes(client, parsed.data.scope);
        const lifetime = lifetimeOf(client, options.tokenLifetimeSeconds);
        void reply.header("Cache-Control", "no-store").header("Pragma", "no-cache");
        return {
            access_token: tokens.issue(client.clientId, scopes, lifetime),
            expires_in: lifetime,
            token_type: "Bearer",
            scope: scopes.join(" "),
        };
    });
}

/**
 * Requested scopes must belong to the client's allowed resources. Without a scope (PingOne's client-credentials form
 * has no scope field) the token covers all of them (inferred, reference §3.3).
 */
function grantedScopes(client: AuthenticatedClient, requested: string | undefined): string[] {
    const allowed = client.allowedResources.map((resource) => RESOURCE_SCOPES[resource]);
    const asked = (requested ?? "").split(" ").filter((scope) => scope !== "");
    if (asked.length === 0) {
        return allowed;
    }
    const refused = asked.filter((scope) => !allowed.includes(scope));
    if (refused.length > 0) {
        throw oauthError("invalid_scope", `The client may not request the scope(s) ${refused.join(", ")}.`);
    }
    return [...new Set(asked)];
}

function lifetimeOf(client: AuthenticatedClient, emulatorLifetime: number | undefined): number {
    if (client.accessTokenLifetimeSeconds === undefined) {
        return emulatorLifetime ?? DEFAULT_TOKEN_LIFETIME_SECONDS;
    }
    return Math.min(client.accessTokenLifetimeSeconds, emulatorLifetime ?? Number.POSITIVE_INFINITY);
}

function oauthError(code: string, description: string): DocuWareError {
    return new DocuWareError(400, description, { oauthError: code });
}
