import * as pulumi from "@pulumi/pulumi";
import { definedInputs } from "../providers/definedInputs";
import { providerShim } from "../providers/providerShim";
import { resourceOwner } from "../providers/resourceOwner";
import { shallowStackTraces } from "../providers/shallowStackTraces";
import { withSecretOutputs } from "../providers/secretOutputs";

export interface PropagationStoreArgs {
    /** PingOne environment. Defaults to `pingone:environmentId` (PINGONE_ENVIRONMENT_ID). Changing it replaces the connection. */
    environmentId?: pulumi.Input<string>;
    /** Connection name shown in Integrations > Provisioning. Unique among the environment's SCIM connections. */
    name: pulumi.Input<string>;
    description?: pulumi.Input<string>;
    /** The console's "enable connection" toggle (store status ACTIVE). Defaults to true. */
    enabled?: pulumi.Input<boolean>;
    /** Deprovision the users from the target when the connection is deleted (at the next revision). Defaults to false. */
    managed?: pulumi.Input<boolean>;
    /** SCIM BASE URL (`SCIM_URL`), e.g. DocuWare's `https://{org}.docuware.cloud/DocuWare/Services/UserProvisioningService/ping/scim`. */
    scimUrl: pulumi.Input<string>;
    /** `SCIM_VERSION`: "2.0" (default) or "1.1". */
    scimVersion?: pulumi.Input<"2.0" | "1.1">;
    /** `USERS_RESOURCE`, relative to the SCIM URL. Defaults to "/Users". */
    usersResource?: pulumi.Input<string>;
    /** `GROUPS_RESOURCE`, e.g. "/Groups". Unset by default (no group provisioning). */
    groupsResource?: pulumi.Input<string>;
    /**
     * `AUTHENTICATION_METHOD`. Defaults to "OAuth 2 Client Credentials", which needs `oauthTokenUrl`, `oauthClientId`
     * and `oauthClientSecret`; "OAuth 2 Bearer Token" needs `oauthAccessToken`; "Basic Authentication" needs
     * `basicAuthUser` and `basicAuthPassword`.
     */
    authenticationMethod?: pulumi.Input<
        "OAuth 2 Client Credentials" | "OAuth 2 Bearer Token" | "Basic Authentication" | "None"
    >;
    /** `AUTHORIZATION_TYPE`, the scheme of the Authorization header sent to the target. Defaults to "Bearer". */
    authorizationType?: pulumi.Input<string>;
    /** OAuth Token Request (`OAUTH_TOKEN_REQUEST`): the target's token endpoint, e.g. DocuWare's OAuth token URL. */
    oauthTokenUrl?: pulumi.Input<string>;
    /** `OAUTH_CLIENT_ID`, e.g. the DocuWare app registration's client id. */
    oauthClientId?: pulumi.Input<string>;
    /** `OAUTH_CLIENT_SECRET`. Write-only at the API; kept secret in state and never reported as drift. */
    oauthClientSecret?: pulumi.Input<string>;
    /** `OAUTH_ACCESS_TOKEN` for "OAuth 2 Bearer Token". Write-only; kept secret. */
    oauthAccessToken?: pulumi.Input<string>;
    /** `BASIC_AUTH_USER` for "Basic Authentication". */
    basicAuthUser?: pulumi.Input<string>;
    /** `BASIC_AUTH_PASSWORD` for "Basic Authentication". Write-only; kept secret. */
    basicAuthPassword?: pulumi.Input<string>;
    /** `UNIQUE_USER_IDENTIFIER`: "userName" (default) or "workEmail". */
    uniqueUserIdentifier?: pulumi.Input<"userName" | "workEmail">;
    /** `USER_FILTER`, how PingOne finds an existing target user; `%s` is the identifier. Defaults to `userName eq "%s"`. */
    userFilter?: pulumi.Input<string>;
    /** `CREATE_USERS`. Defaults to true. */
    createUsers?: pulumi.Input<boolean>;
    /** `UPDATE_USERS`. Defaults to true. */
    updateUsers?: pulumi.Input<boolean>;
    /** `DISABLE_USERS`: deprovision users who leave the rule's scope. Defaults to true. */
    disableUsers?: pulumi.Input<boolean>;
    /** `REMOVE_ACTION`: "Disable" (default) keeps deprovisioned DocuWare users, disabled; "Delete" deletes them. */
    removeAction?: pulumi.Input<"Disable" | "Delete">;
    /** `GROUP_NAME_SOURCE`: "Common Name" or "Distinguished Name". */
    groupNameSource?: pulumi.Input<"Common Name" | "Distinguished Name">;
    /** `GROUP_MEMBERSHIP_HANDLING`: "Overwrite" or "Merge". */
    groupMembershipHandling?: pulumi.Input<"Overwrite" | "Merge">;
    /** `SCHEMA_EXTENSION_URNS`, extra SCIM schema URNs. */
    schemaExtensionUrns?: pulumi.Input<string>;
    /**
     * Take over an existing SCIM connection with the same name instead of failing (its settings are then changed to
     * these inputs, and `pulumi destroy` deletes it). Defaults to false.
     */
    adopt?: pulumi.Input<boolean>;
}

/**
 * A PingOne SCIM outbound provisioning connection (propagation store of type `scim`), as created in
 * Integrations > Provisioning > Identity Store > SCIM Outbound.
 */
export class PropagationStore extends pulumi.dynamic.Resource {
    static readonly __pulumiType = "pulumi-nodejs:dynamic/pingone:PropagationStore";

    declare readonly storeId: pulumi.Output<string>;
    declare readonly environmentId: pulumi.Output<string>;
    declare readonly name: pulumi.Output<string>;
    declare readonly enabled: pulumi.Output<boolean>;
    declare readonly scimUrl: pulumi.Output<string>;
    declare readonly oauthTokenUrl: pulumi.Output<string | undefined>;
    declare readonly removeAction: pulumi.Output<"Disable" | "Delete">;
    /** SYNCING or FAILED as of the last create, update or refresh. */
    declare readonly syncState: pulumi.Output<string | undefined>;
    declare readonly syncDetails: pulumi.Output<string | undefined>;

    constructor(name: string, args: PropagationStoreArgs, opts?: pulumi.CustomResourceOptions) {
        const restoreStackTraces = shallowStackTraces();
        try {
            super(
                providerShim("pingone:PropagationStore"),
                name,
                {
                    storeId: undefined,
                    environmentId: undefined,
                    enabled: undefined,
                    oauthTokenUrl: undefined,
                    removeAction: undefined,
                    syncState: undefined,
                    syncDetails: undefined,
                    ...definedInputs(args),
                    managedBy: resourceOwner(name),
                },
                withSecretOutputs(opts, ["oauthClientSecret", "oauthAccessToken", "basicAuthPassword"]),
                "pingone",
                "PropagationStore",
            );
        } finally {
            restoreStackTraces();
        }
    }
}
