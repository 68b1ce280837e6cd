import type * as pulumi from "@pulumi/pulumi";
import type { AttributeMappingArgs, UserFilterArgs } from "../sdk/pingone/propagationRule";

/** The attribute mappings the DocuWare guide requires: without them DocuWare users cannot log in or be matched. */
export const REQUIRED_MAPPINGS = [
    { source: "username", target: "userName" }, // Username → userName
    { source: "email", target: "workEmail" }, // Email Address → workEmail
    { source: "id", target: "externalId" }, // User ID → externalId
    { source: "enabled", target: "active" }, // Enabled → active
] as const;

/** The optional mappings of the guide. */
export const OPTIONAL_MAPPINGS = [
    { source: "name.family", target: "familyName" }, // Family Name → familyName
    { source: "name.given", target: "givenName" }, // Given Name → givenName
] as const;

/** The guide's mappings, required first. */
export const GUIDE_MAPPINGS: readonly { source: string; target: string }[] = [
    ...REQUIRED_MAPPINGS,
    ...OPTIONAL_MAPPINGS,
];

/** Credentials of an app registration made in DocuWare Configuration (real DocuWare Cloud). */
export interface ExistingRegistrationArgs {
    /** Application (Client) ID. Pass it as a secret (`config.requireSecret`). */
    clientId: pulumi.Input<string>;
    /** Client secret. Pass it as a secret (`config.requireSecret`). */
    clientSecret: pulumi.Input<string>;
}

/** Behaviour of the PingOne SCIM connection; each option maps to one configuration key of the store. */
export interface ConnectionOptionsArgs {
    /** `CREATE_USERS`: create users in DocuWare. Defaults to true. */
    createUsers?: pulumi.Input<boolean>;
    /** `UPDATE_USERS`: update them. Defaults to true. */
    updateUsers?: pulumi.Input<boolean>;
    /** `DISABLE_USERS`: deprovision users who leave the filter or are deleted. Defaults to true. */
    disableUsers?: pulumi.Input<boolean>;
    /** `REMOVE_ACTION`: "Disable" (default) keeps deprovisioned DocuWare users, disabled; "Delete" deletes them. */
    removeAction?: pulumi.Input<"Disable" | "Delete">;
    /** `UNIQUE_USER_IDENTIFIER`: "userName" (default) or "workEmail". */
    uniqueUserIdentifier?: pulumi.Input<"userName" | "workEmail">;
    /** `USER_FILTER` PingOne uses to find a DocuWare user. Defaults to `userName eq "%s"`. */
    userLookupFilter?: pulumi.Input<string>;
    /** Deprovision users from DocuWare when the connection is deleted (store `managed`). Defaults to false. */
    deprovisionOnDelete?: pulumi.Input<boolean>;
}

export interface DocuWarePingOneProvisioningArgs {
    /**
     * DocuWare organization URL, e.g. `https://acme.docuware.cloud`. Defaults to the stack config
     * `docuware:organizationUrl`.
     */
    organizationUrl?: pulumi.Input<string>;
    /**
     * Name of the DocuWare app registration to create (Application Name). Defaults to `PingOne provisioning
     * (<component name>)`. Needs DocuWare's management API; not allowed together with `existingRegistration`.
     */
    appRegistrationName?: pulumi.Input<string>;
    /**
     * Use a registration made in DocuWare Configuration instead of creating one: the mode for real DocuWare Cloud,
     * which offers no API for registrations or User Provisioning settings (enable provisioning and choose "Ping" there).
     * Not allowed together with `appRegistrationName`.
     */
    existingRegistration?: ExistingRegistrationArgs;
    /** Enable DocuWare User Provisioning (ignored with `existingRegistration`). Defaults to true. */
    docuwareProvisioningEnabled?: pulumi.Input<boolean>;
    /** PingOne environment id. Defaults to the stack config `pingone:environmentId`. */
    environmentId?: pulumi.Input<string>;
    /** PingOne region: "com", "eu", "asia", "ca" or "com.au". Defaults to the stack config `pingone:regionCode`. */
    region?: pulumi.Input<string>;
    /**
     * The environment's propagation plan (`PropagationPlan.planId`), to share one plan between several instances.
     * Defaults to a plan child that adopts the environment's plan or creates "Default Plan".
     */
    planId?: pulumi.Input<string>;
    /** Name of the PingOne SCIM connection. Defaults to `DocuWare (<component name>)`. */
    connectionName?: pulumi.Input<string>;
    /** The connection's behaviour; every option defaults to what the guide sets. */
    connection?: ConnectionOptionsArgs;
    /** Enable the connection. Defaults to true. */
    connectionEnabled?: pulumi.Input<boolean>;
    /** Name of the provisioning rule. Defaults to `PingOne to DocuWare (<component name>)`. */
    ruleName?: pulumi.Input<string>;
    /** Which PingOne users are provisioned. Defaults to the population named "Default", as in the guide. */
    userFilter?: UserFilterArgs;
    /**
     * Attribute mappings. Defaults to the guide's: Username → userName, Email Address → workEmail, User ID →
     * externalId, Enabled → active (required by DocuWare) and Family Name → familyName, Given Name → givenName.
     * Targets must be unique.
     */
    mappings?: AttributeMappingArgs[];
    /** Enable the rule. Defaults to true. */
    ruleEnabled?: pulumi.Input<boolean>;
    /**
     * Take over live objects with the same names instead of failing: the SCIM connection, the rule (its mappings
     * are kept where they match), the app registration (created mode: its secret is then rotated), and the latest
     * published revision instead of publishing one. What `docuware-pingone import` generates. Defaults to false.
     */
    adopt?: pulumi.Input<boolean>;
}
