import type * as pulumi from "@pulumi/pulumi";
import type { AttributeMappingArgs, UserFilterArgs } from "../sdk/pingone/resources/propagationRule";

export { GUIDE_MAPPINGS, OPTIONAL_MAPPINGS, REQUIRED_MAPPINGS } from "../sdk/docuware/api/guideMappings";

/** Credentials of an app registration made in DocuWare Configuration (real DocuWare Cloud). */
export interface ExistingRegistrationArgs {
    /** Application (Client) ID. Pass it as a secret (`config.requireSecret`). */
    readonly clientId: pulumi.Input<string>;
    /** Client secret. Pass it as a secret (`config.requireSecret`). */
    readonly clientSecret: pulumi.Input<string>;
}

/** Behaviour of the PingOne SCIM connection; each option maps to one configuration key of the store. */
export interface ConnectionOptionsArgs {
    /** `CREATE_USERS`: create users in DocuWare. Defaults to true. */
    readonly createUsers?: pulumi.Input<boolean>;
    /** `UPDATE_USERS`: update them. Defaults to true. */
    readonly updateUsers?: pulumi.Input<boolean>;
    /** `DISABLE_USERS`: deprovision users who leave the filter or are deleted. Defaults to true. */
    readonly disableUsers?: pulumi.Input<boolean>;
    /** `REMOVE_ACTION`: "Disable" (default) keeps deprovisioned DocuWare users, disabled; "Delete" deletes them. */
    readonly removeAction?: pulumi.Input<"Disable" | "Delete">;
    /** `UNIQUE_USER_IDENTIFIER`: "userName" (default) or "workEmail". */
    readonly uniqueUserIdentifier?: pulumi.Input<"userName" | "workEmail">;
    /** `USER_FILTER` PingOne uses to find a DocuWare user. Defaults to `userName eq "%s"`. */
    readonly userLookupFilter?: pulumi.Input<string>;
    /** Deprovision users from DocuWare when the connection is deleted (store `managed`). Defaults to false. */
    readonly deprovisionOnDelete?: pulumi.Input<boolean>;
}

export interface DocuWarePingOneProvisioningArgs {
    /**
     * DocuWare organization URL, e.g. `https://acme.docuware.cloud`. Defaults to the stack config
     * `docuware:organizationUrl`.
     */
    readonly organizationUrl?: pulumi.Input<string>;
    /**
     * Name of the DocuWare app registration to create (Application Name). Defaults to `PingOne provisioning
     * (<component name>)`. Needs DocuWare's management API; not allowed together with `existingRegistration`.
     */
    readonly appRegistrationName?: pulumi.Input<string>;
    /**
     * Use a registration made in DocuWare Configuration instead of creating one: the mode for real DocuWare Cloud,
     * which offers no API for registrations or User Provisioning settings (enable provisioning and choose "Ping" there).
     * Not allowed together with `appRegistrationName`.
     */
    readonly existingRegistration?: pulumi.Input<ExistingRegistrationArgs>;
    /** Enable DocuWare User Provisioning (ignored with `existingRegistration`). Defaults to true. */
    readonly docuwareProvisioningEnabled?: pulumi.Input<boolean>;
    /** PingOne environment id. Defaults to the stack config `pingone:environmentId`. */
    readonly environmentId?: pulumi.Input<string>;
    /**
     * PingOne region: "com", "eu", "asia", "ca", "com.au" or "sg" (or a Terraform region code such as "EU"). Defaults to the
     * stack config `pingone:regionCode`.
     */
    readonly region?: pulumi.Input<string>;
    /**
     * The environment's propagation plan (`PropagationPlan.planId`), to share one plan between several instances.
     * Defaults to a plan child that adopts the environment's plan or creates "Default Plan".
     */
    readonly planId?: pulumi.Input<string>;
    /** Name of the PingOne SCIM connection. Defaults to `DocuWare (<component name>)`. */
    readonly connectionName?: pulumi.Input<string>;
    /** The connection's behaviour; every option defaults to what the guide sets. */
    readonly connection?: pulumi.Input<ConnectionOptionsArgs>;
    /** Enable the connection. Defaults to true. */
    readonly connectionEnabled?: pulumi.Input<boolean>;
    /** Name of the provisioning rule. Defaults to `PingOne to DocuWare (<component name>)`. */
    readonly ruleName?: pulumi.Input<string>;
    /** Which PingOne users are provisioned. Defaults to the population named "Default", as in the guide. */
    readonly userFilter?: pulumi.Input<UserFilterArgs>;
    /**
     * Attribute mappings. Defaults to the guide's: Username → userName, Email Address → workEmail, User ID →
     * externalId, Enabled → active (required by DocuWare) and Family Name → familyName, Given Name → givenName.
     * Targets must be unique.
     */
    readonly mappings?: pulumi.Input<pulumi.Input<AttributeMappingArgs>[]>;
    /** Enable the rule. Defaults to true. */
    readonly ruleEnabled?: pulumi.Input<boolean>;
    /**
     * Take over live objects with the same names instead of failing: the SCIM connection, the rule (its mappings
     * are kept where they match), the app registration (created mode: its secret is then rotated), and the latest
     * published revision instead of publishing one. What `docuware-pingone import` generates. Defaults to false.
     */
    readonly adopt?: pulumi.Input<boolean>;
}
