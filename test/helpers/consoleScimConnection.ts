/** The OAuth client a SCIM connection authenticates with (an app registration, or a stand-in). */
export interface ScimConnectionTarget {
    scimUrl: string;
    tokenUrl: string;
    clientId: string;
    clientSecret: string;
}

/**
 * What the PingOne console stores for a SCIM Outbound connection with OAuth 2 client credentials and its defaults
 * (create, update and disable users; disable on removal), as a propagation store body; override any part.
 */
export function consoleScimConnection(
    name: string,
    target: ScimConnectionTarget,
    configuration: Record<string, unknown> = {},
) {
    return {
        name,
        type: "scim",
        status: "ACTIVE" as const,
        configuration: {
            SCIM_URL: target.scimUrl,
            SCIM_VERSION: "2.0",
            USERS_RESOURCE: "/Users",
            AUTHENTICATION_METHOD: "OAuth 2 Client Credentials",
            AUTHORIZATION_TYPE: "Bearer",
            OAUTH_TOKEN_REQUEST: target.tokenUrl,
            OAUTH_CLIENT_ID: target.clientId,
            OAUTH_CLIENT_SECRET: target.clientSecret,
            UNIQUE_USER_IDENTIFIER: "userName",
            USER_FILTER: 'userName eq "%s"',
            CREATE_USERS: true,
            UPDATE_USERS: true,
            DISABLE_USERS: true,
            REMOVE_ACTION: "Disable",
            ...configuration,
        },
    };
}
