import * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";
import type { ArgsDrift, AssertArgsMatch } from "../../dynamic/argsMatch";
import { ShimResource } from "../../dynamic/providerShim";
import type { PropagationStoreInputsSchema } from "./propagationStoreDefinition";
import { definedInputs } from "../../dynamic/definedInputs";
import { resourceOwner } from "../../dynamic/resourceOwner";
import { shallowStackTraces } from "../../dynamic/shallowStackTraces";
import { withSecretOutputs } from "../../dynamic/secretOutputs";

export interface PropagationStoreArgs {
    /**
     * PingOne region: "com", "eu", "asia", "ca" or "com.au" (or a Terraform region code such as "EU"). Defaults to
     * `pingone:regionCode` (PINGONE_REGION_CODE); custom `pingone:authUrl`/`pingone:apiUrl` still win. Changing it
     * replaces the connection.
     */
    readonly region?: pulumi.Input<string>;
    /** PingOne environment. Defaults to `pingone:environmentId` (PINGONE_ENVIRONMENT_ID). Changing it replaces the connection. */
    readonly environmentId?: pulumi.Input<string>;
    /** Connection name shown in Integrations > Provisioning. Unique among the environment's SCIM connections. */
    readonly name: pulumi.Input<string>;
    readonly description?: pulumi.Input<string>;
    /** The console's "enable connection" toggle (store status ACTIVE). Defaults to true. */
    readonly enabled?: pulumi.Input<boolean>;
    /** Deprovision the users from the target when the connection is deleted (at the next revision). Defaults to false. */
    readonly managed?: pulumi.Input<boolean>;
    /** SCIM BASE URL (`SCIM_URL`), e.g. DocuWare's `https://{org}.docuware.cloud/DocuWare/Services/UserProvisioningService/ping/scim`. */
    readonly scimUrl: pulumi.Input<string>;
    /** `SCIM_VERSION`: "2.0" (default) or "1.1". */
    readonly scimVersion?: pulumi.Input<"2.0" | "1.1">;
    /** `USERS_RESOURCE`, relative to the SCIM URL. Defaults to "/Users". */
    readonly usersResource?: pulumi.Input<string>;
    /** `GROUPS_RESOURCE`, e.g. "/Groups". Unset by default (no group provisioning). */
    readonly groupsResource?: pulumi.Input<string>;
    /**
     * `AUTHENTICATION_METHOD`. Defaults to "OAuth 2 Client Credentials", which needs `oauthTokenUrl`, `oauthClientId`
     * and `oauthClientSecret`; "OAuth 2 Bearer Token" needs `oauthAccessToken`; "Basic Authentication" needs
     * `basicAuthUser` and `basicAuthPassword`.
     */
    readonly authenticationMethod?: pulumi.Input<
        "OAuth 2 Client Credentials" | "OAuth 2 Bearer Token" | "Basic Authentication" | "None"
    >;
    /** `AUTHORIZATION_TYPE`, the scheme of the Authorization header sent to the target. Defaults to "Bearer". */
    readonly authorizationType?: pulumi.Input<string>;
    /** OAuth Token Request (`OAUTH_TOKEN_REQUEST`): the target's token endpoint, e.g. DocuWare's OAuth token URL. */
    readonly oauthTokenUrl?: pulumi.Input<string>;
    /** `OAUTH_CLIENT_ID`, e.g. the DocuWare app registration's client id. */
    readonly oauthClientId?: pulumi.Input<string>;
    /** `OAUTH_CLIENT_SECRET`. Write-only at the API; kept secret in state and never reported as drift. */
    readonly oauthClientSecret?: pulumi.Input<string>;
    /** `OAUTH_ACCESS_TOKEN` for "OAuth 2 Bearer Token". Write-only; kept secret. */
    readonly oauthAccessToken?: pulumi.Input<string>;
    /** `BASIC_AUTH_USER` for "Basic Authentication". */
    readonly basicAuthUser?: pulumi.Input<string>;
    /** `BASIC_AUTH_PASSWORD` for "Basic Authentication". Write-only; kept secret. */
    readonly basicAuthPassword?: pulumi.Input<string>;
    /** `UNIQUE_USER_IDENTIFIER`: "userName" (default) or "workEmail". */
    readonly uniqueUserIdentifier?: pulumi.Input<"userName" | "workEmail">;
    /** `USER_FILTER`, how PingOne finds an existing target user; `%s` is the identifier. Defaults to `userName eq "%s"`. */
    readonly userFilter?: pulumi.Input<string>;
    /** `CREATE_USERS`. Defaults to true. */
    readonly createUsers?: pulumi.Input<boolean>;
    /** `UPDATE_USERS`. Defaults to true. */
    readonly updateUsers?: pulumi.Input<boolean>;
    /** `DISABLE_USERS`: deprovision users who leave the rule's scope. Defaults to true. */
    readonly disableUsers?: pulumi.Input<boolean>;
    /** `REMOVE_ACTION`: "Disable" (default) keeps deprovisioned DocuWare users, disabled; "Delete" deletes them. */
    readonly removeAction?: pulumi.Input<"Disable" | "Delete">;
    /** `GROUP_NAME_SOURCE`: "Common Name" or "Distinguished Name". */
    readonly groupNameSource?: pulumi.Input<"Common Name" | "Distinguished Name">;
    /** `GROUP_MEMBERSHIP_HANDLING`: "Overwrite" or "Merge". */
    readonly groupMembershipHandling?: pulumi.Input<"Overwrite" | "Merge">;
    /** `SCHEMA_EXTENSION_URNS`, extra SCIM schema URNs. */
    readonly schemaExtensionUrns?: pulumi.Input<string>;
    /**
     * Take over an existing SCIM connection with the same name instead of failing (its settings are then changed to
     * these inputs, and `pulumi destroy` deletes it). Defaults to false.
     */
    readonly adopt?: pulumi.Input<boolean>;
}

type _ArgsMatchSchema = AssertArgsMatch<ArgsDrift<PropagationStoreArgs, z.input<typeof PropagationStoreInputsSchema>>>;
/**
 * A PingOne SCIM outbound provisioning connection (propagation store of type `scim`), as created in
 * Integrations > Provisioning > Identity Store > SCIM Outbound.
 */
export class PropagationStore extends ShimResource {
    static readonly __pulumiType = "pulumi-nodejs:dynamic/pingone:PropagationStore";

    /** The connection's id (also the resource id), for `PropagationRule.targetStoreId`. */
    declare readonly storeId: pulumi.Output<string>;
    /** The PingOne environment. */
    declare readonly environmentId: pulumi.Output<string>;
    /** Connection name. */
    declare readonly name: pulumi.Output<string>;
    /** Whether the connection is enabled (store status ACTIVE). */
    declare readonly enabled: pulumi.Output<boolean>;
    /** The SCIM BASE URL PingOne provisions to. */
    declare readonly scimUrl: pulumi.Output<string>;
    /** The OAuth token URL PingOne gets tokens from. */
    declare readonly oauthTokenUrl: pulumi.Output<string | undefined>;
    /** What happens to deprovisioned users in the target: "Disable" or "Delete". */
    declare readonly removeAction: pulumi.Output<"Disable" | "Delete">;
    /** SYNCING or FAILED as of the last create, update or refresh. */
    declare readonly syncState: pulumi.Output<string | undefined>;
    /** PingOne's details of the last synchronization failure, if any. */
    declare readonly syncDetails: pulumi.Output<string | undefined>;

    constructor(name: string, args: PropagationStoreArgs, opts?: pulumi.CustomResourceOptions) {
        const restoreStackTraces = shallowStackTraces();
        try {
            super(
                "pingone:PropagationStore",
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
            );
        } finally {
            restoreStackTraces();
        }
    }
}
