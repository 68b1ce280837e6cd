import type { DocuWarePingOneProvisioningArgs } from "../../../components/provisioningArgs";

/** Valid ids, so that each case fails only because of the field it breaks. */
export const IDS = {
    environment: "6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b",
    plan: "0b9a8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d",
    store: "3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f",
    population: "7e8f9a0b-1c2d-4e3f-9a4b-5c6d7e8f9a0b",
} as const;

/** Provider settings that are complete and valid; endpoints on a loopback port nothing listens on. */
export const VALID_SETTINGS: Record<string, string> = {
    PINGONE_CLIENT_ID: "worker-client",
    PINGONE_CLIENT_SECRET: "worker-secret-value",
    PINGONE_ENVIRONMENT_ID: IDS.environment,
    PINGONE_AUTH_URL: "http://127.0.0.1:9",
    PINGONE_API_URL: "http://127.0.0.1:9/v1",
    DOCUWARE_ORGANIZATION_URL: "https://acme.docuware.cloud",
    DOCUWARE_CLIENT_ID: "admin-client",
    DOCUWARE_CLIENT_SECRET: "admin-secret-value",
};

/** Valid inputs of each resource kind; a case overrides some of them. */
export const VALID_INPUTS: Record<string, Record<string, unknown>> = {
    "pingone:PropagationPlan": {},
    "pingone:PropagationStore": {
        name: "DocuWare",
        scimUrl: "https://acme.docuware.cloud/DocuWare/Services/UserProvisioningService/ping/scim",
        oauthTokenUrl: "https://login-emea.docuware.cloud/org/connect/token",
        oauthClientId: "client",
        oauthClientSecret: "client-secret-value",
    },
    "pingone:PropagationRule": {
        planId: IDS.plan,
        targetStoreId: IDS.store,
        name: "Rule",
        userFilter: { populationName: "Default" },
        mappings: [{ source: "username", target: "userName" }],
    },
    "pingone:PropagationRevision": { triggers: { configuration: "abc" } },
    "docuware:AppRegistration": { name: "Registration" },
    "docuware:UserProvisioning": { appRegistrationClientId: "client" },
    "docuware:ExistingAppRegistration": { clientId: "client", clientSecret: "secret-value" },
};

export type BadInput = {
    name: string;
    /** Text the failed check must show: the field and the fix. */
    message: string;
    /** Provider settings changed for this case ("" removes one). */
    env?: Record<string, string>;
} & (
    | { kind: keyof typeof VALID_INPUTS & string; inputs: Record<string, unknown> }
    | { component: DocuWarePingOneProvisioningArgs }
);

const UUID_EXAMPLE = "must be a PingOne id (a UUID such as 9a3b1c2d-4e5f-4a6b-8c7d-0e1f2a3b4c5d)";
const store = (name: string, inputs: Record<string, unknown>, message: string): BadInput => ({
    name,
    kind: "pingone:PropagationStore",
    inputs,
    message,
});
const rule = (name: string, inputs: Record<string, unknown>, message: string): BadInput => ({
    name,
    kind: "pingone:PropagationRule",
    inputs,
    message,
});
const component = (name: string, args: DocuWarePingOneProvisioningArgs, message: string): BadInput => ({
    name,
    component: args,
    message,
});

/** The component's arguments, checked before any child exists. */
const COMPONENT_CASES: BadInput[] = [
    component(
        "malformed organization URL",
        { organizationUrl: "acme.docuware.cloud" },
        '`organizationUrl` must be an absolute https URL such as https://acme.docuware.cloud, got "acme.docuware.cloud"',
    ),
    component(
        "http organization URL",
        { organizationUrl: "http://acme.docuware.cloud" },
        "`organizationUrl` must use https (plain http is accepted only on loopback",
    ),
    component(
        "unknown region",
        { region: "mars" },
        '`region`: Unknown PingOne region "mars"; use one of com, eu, asia, ca, com.au, sg',
    ),
    component(
        "enabled rule on a disabled connection",
        { connectionEnabled: false },
        "`ruleEnabled` must be false while `connectionEnabled` is false: PingOne enables a rule only on an enabled connection",
    ),
    component(
        "environment id that is not a UUID",
        { environmentId: "my-environment" },
        `\`environmentId\` ${UUID_EXAMPLE}, got "my-environment"; copy the Environment ID from the PingOne console`,
    ),
    component(
        "plan id that is not a UUID",
        { planId: "plan-1" },
        `\`planId\` ${UUID_EXAMPLE}, got "plan-1"; use \`PropagationPlan.planId\``,
    ),
    component(
        "population id that is not a UUID",
        { userFilter: { populationId: "Default" } },
        `\`userFilter.populationId\` ${UUID_EXAMPLE}, got "Default"; copy the population's ID from Directory > Populations`,
    ),
    component(
        "mapping target DocuWare does not accept",
        {
            mappings: [
                { source: "username", target: "userName" },
                { source: "title", target: "jobTitle" },
            ],
        },
        '`mappings[1].target`: target "jobTitle" is not an attribute DocuWare\'s SCIM service accepts; use one of userName, externalId, active',
    ),
    component(
        "address target DocuWare drops",
        {
            mappings: [
                { source: "username", target: "userName" },
                { source: "address.locality", target: "workCity" },
            ],
        },
        '`mappings[1].target`: target "workCity" is not an attribute DocuWare\'s SCIM service accepts',
    ),
    component(
        "duplicate mapping target",
        {
            mappings: [
                { source: "username", target: "userName" },
                { source: "email", target: "userName" },
            ],
        },
        '`mappings[1].target`: target "userName" is mapped twice; map each target attribute once',
    ),
    component(
        "mapping with source and expression",
        { mappings: [{ source: "username", expression: "x", target: "userName" }] },
        "`mappings[0]` must set exactly one of `source` and `expression`",
    ),
    component(
        "mapping with neither source nor expression",
        { mappings: [{ target: "userName" }] },
        "`mappings[0]` must set exactly one of `source` and `expression`",
    ),
    component(
        "empty mapping target",
        { mappings: [{ source: "username", target: " " }] },
        "`mappings[0].target` must not be empty; name a SCIM attribute such as userName",
    ),
    component(
        "no mappings on an enabled rule",
        { mappings: [] },
        "`mappings`: an active rule needs at least one attribute mapping; add mappings or set `active: false`",
    ),
    component(
        "user filter with two criteria",
        { userFilter: { populationName: "Default", populationId: IDS.population } },
        "`userFilter` must set exactly one of `populationName`, `populationId` and `expression`",
    ),
    component(
        "empty user filter value",
        { userFilter: { populationName: "" } },
        "`userFilter.populationName` must not be empty",
    ),
    component(
        "created and existing registration",
        { appRegistrationName: "x", existingRegistration: { clientId: "a", clientSecret: "b" } },
        "`appRegistrationName` and `existingRegistration` cannot both be set",
    ),
    component(
        "existing registration without client id",
        { existingRegistration: { clientId: "", clientSecret: "b" } },
        "`existingRegistration.clientId` must not be empty",
    ),
    component(
        "existing registration without secret",
        { existingRegistration: { clientId: "a", clientSecret: " " } },
        "`existingRegistration.clientSecret` must not be empty",
    ),
    component(
        "unknown remove action",
        { connection: { removeAction: "Purge" as "Delete" } },
        '`connection.removeAction`: Invalid option: expected one of "Disable"|"Delete"',
    ),
    component(
        "unknown unique identifier",
        { connection: { uniqueUserIdentifier: "email" as "workEmail" } },
        '`connection.uniqueUserIdentifier`: Invalid option: expected one of "userName"|"workEmail"',
    ),
    component(
        "user lookup filter without %s",
        { connection: { userLookupFilter: "userName eq x" } },
        "`connection.userLookupFilter` must contain %s",
    ),
    component("empty connection name", { connectionName: "" }, "`connectionName` must not be empty"),
    component("empty rule name", { ruleName: " " }, "`ruleName` must not be empty"),
    component("empty app registration name", { appRegistrationName: "" }, "`appRegistrationName` must not be empty"),
];

const STORE_CASES: BadInput[] = [
    store(
        "non-http SCIM URL",
        { scimUrl: "ftp://acme.example/scim" },
        'scimUrl: scimUrl must be an absolute https URL such as https://acme.docuware.cloud/DocuWare/Services/UserProvisioningService/ping/scim, got "ftp://acme.example/scim"',
    ),
    store(
        "http SCIM URL",
        { scimUrl: "http://acme.docuware.cloud/scim" },
        "scimUrl: scimUrl must use https (plain http is accepted only on loopback",
    ),
    store(
        "http token URL",
        { oauthTokenUrl: "http://login.example/token" },
        "oauthTokenUrl: oauthTokenUrl must use https",
    ),
    store("unknown SCIM version", { scimVersion: "3.0" }, 'scimVersion: Invalid option: expected one of "2.0"|"1.1"'),
    store(
        "users resource without a slash",
        { usersResource: "Users" },
        "usersResource: usersResource must start with /, e.g. /Users",
    ),
    store(
        "groups resource without a slash",
        { groupsResource: "Groups" },
        "groupsResource: groupsResource must start with /, e.g. /Groups",
    ),
    store(
        "unknown authentication method",
        { authenticationMethod: "Kerberos" },
        "authenticationMethod: Invalid option",
    ),
    store(
        "client credentials without a secret",
        { oauthClientSecret: undefined },
        'oauthClientSecret: oauthClientSecret is required when authenticationMethod is "OAuth 2 Client Credentials"',
    ),
    store(
        "client credentials without a token URL",
        { oauthTokenUrl: undefined },
        'oauthTokenUrl: oauthTokenUrl is required when authenticationMethod is "OAuth 2 Client Credentials"',
    ),
    store(
        "basic authentication without a password",
        { authenticationMethod: "Basic Authentication", basicAuthUser: "u" },
        'basicAuthPassword: basicAuthPassword is required when authenticationMethod is "Basic Authentication"',
    ),
    store(
        "bearer token without a token",
        { authenticationMethod: "OAuth 2 Bearer Token" },
        'oauthAccessToken: oauthAccessToken is required when authenticationMethod is "OAuth 2 Bearer Token"',
    ),
    store("empty authorization type", { authorizationType: "" }, "authorizationType:"),
    store(
        "user filter without %s",
        { userFilter: 'userName eq "x"' },
        "userFilter: userFilter must contain %s for the user's identifier",
    ),
    store(
        "unknown remove action",
        { removeAction: "Purge" },
        'removeAction: Invalid option: expected one of "Disable"|"Delete"',
    ),
    store(
        "unknown unique identifier",
        { uniqueUserIdentifier: "email" },
        'uniqueUserIdentifier: Invalid option: expected one of "userName"|"workEmail"',
    ),
    store("unknown group name source", { groupNameSource: "CN" }, "groupNameSource: Invalid option"),
    store(
        "unknown group membership handling",
        { groupMembershipHandling: "Replace" },
        "groupMembershipHandling: Invalid option",
    ),
    store("wrong type for a flag", { createUsers: "yes" }, "createUsers:"),
    store("empty connection name", { name: " " }, "name: name must not be empty"),
    store(
        "environment id that is not a UUID",
        { environmentId: "env-1" },
        `environmentId: environmentId ${UUID_EXAMPLE}, got "env-1"`,
    ),
    store(
        "unknown region",
        { region: "mars" },
        'region: Unknown PingOne region "mars"; use one of com, eu, asia, ca, com.au, sg',
    ),
];

const RULE_CASES: BadInput[] = [
    rule(
        "mapping target DocuWare does not accept",
        { mappings: [{ source: "title", target: "jobTitle" }] },
        'mappings.0.target: target "jobTitle" is not an attribute DocuWare\'s SCIM service accepts; use one of userName',
    ),
    rule(
        "address target DocuWare drops",
        {
            mappings: [
                { source: "username", target: "userName" },
                { source: "address.region", target: "workState" },
            ],
        },
        'mappings.1.target: target "workState" is not an attribute DocuWare\'s SCIM service accepts',
    ),
    rule(
        "rule mapping target mapped twice",
        {
            mappings: [
                { source: "username", target: "userName" },
                { source: "email", target: "userName" },
            ],
        },
        'mappings.1.target: target "userName" is mapped twice; map each target attribute once',
    ),
    rule(
        "mapping with source and expression",
        { mappings: [{ source: "username", expression: "x", target: "userName" }] },
        "mappings.0: mapping must set exactly one of `source` and `expression`",
    ),
    rule(
        "empty mapping target",
        { mappings: [{ source: "username", target: "" }] },
        "mappings.0.target: target must not be empty",
    ),
    rule(
        "active rule without mappings",
        { mappings: [] },
        "mappings: an active rule needs at least one attribute mapping; add mappings or set `active: false`",
    ),
    rule(
        "rule without a filter criterion",
        { userFilter: {} },
        "userFilter: userFilter must set exactly one of `populationName`, `populationId` and `expression`",
    ),
    rule(
        "empty filter expression",
        { userFilter: { expression: "" } },
        "userFilter.expression: expression must not be empty",
    ),
    rule(
        "population id that is not a UUID",
        { userFilter: { populationId: "Default" } },
        `userFilter.populationId: populationId ${UUID_EXAMPLE}, got "Default"; copy the population's ID`,
    ),
    rule(
        "plan id that is not a UUID",
        { planId: "plan-1" },
        `planId: planId ${UUID_EXAMPLE}, got "plan-1"; use \`PropagationPlan.planId\``,
    ),
    rule(
        "target store id that is not a UUID",
        { targetStoreId: "DocuWare" },
        `targetStoreId: targetStoreId ${UUID_EXAMPLE}, got "DocuWare"; use \`PropagationStore.storeId\``,
    ),
    rule(
        "source store id that is not a UUID",
        { sourceStoreId: "directory" },
        `sourceStoreId: sourceStoreId ${UUID_EXAMPLE}, got "directory"; use a propagation store's id`,
    ),
    rule("empty plan id", { planId: "" }, "planId: planId must not be empty"),
    rule(
        "environment id that is not a UUID",
        { environmentId: "Production" },
        `environmentId: environmentId ${UUID_EXAMPLE}, got "Production"`,
    ),
    rule("empty rule name", { name: "" }, "name: name must not be empty"),
    rule("wrong type for active", { active: "yes" }, "active:"),
];

const OTHER_RESOURCE_CASES: BadInput[] = [
    {
        name: "empty plan name",
        kind: "pingone:PropagationPlan",
        inputs: { name: "" },
        message: "name: name must not be empty",
    },
    {
        name: "plan in an environment whose id is not a UUID",
        kind: "pingone:PropagationPlan",
        inputs: { environmentId: "env-1" },
        message: `environmentId: environmentId ${UUID_EXAMPLE}, got "env-1"`,
    },
    {
        name: "revision in an environment whose id is not a UUID",
        kind: "pingone:PropagationRevision",
        inputs: { environmentId: "env-1" },
        message: `environmentId: environmentId ${UUID_EXAMPLE}, got "env-1"`,
    },
    {
        name: "revision triggers that are not an object",
        kind: "pingone:PropagationRevision",
        inputs: { triggers: "always" },
        message: "triggers:",
    },
    {
        name: "token lifetime too short",
        kind: "docuware:AppRegistration",
        inputs: { accessTokenLifetimeSeconds: 10 },
        message: "accessTokenLifetimeSeconds: accessTokenLifetimeSeconds must be at least 300 (5 minutes)",
    },
    {
        name: "token lifetime too long",
        kind: "docuware:AppRegistration",
        inputs: { accessTokenLifetimeSeconds: 999_999 },
        message: "accessTokenLifetimeSeconds: accessTokenLifetimeSeconds must be at most 86400 (24 hours)",
    },
    {
        name: "unknown allowed resource",
        kind: "docuware:AppRegistration",
        inputs: { allowedResources: ["Everything"] },
        message: 'allowedResources.0: Invalid option: expected one of "Platform"|"UserProvisioning"',
    },
    {
        name: "no allowed resource",
        kind: "docuware:AppRegistration",
        inputs: { allowedResources: [] },
        message: "allowedResources:",
    },
    {
        name: "registration name too long",
        kind: "docuware:AppRegistration",
        inputs: { name: "x".repeat(129) },
        message: "name: name must be at most 128 characters",
    },
    {
        name: "empty registration name",
        kind: "docuware:AppRegistration",
        inputs: { name: " " },
        message: "name: name must not be empty",
    },
    {
        name: "http organization URL of a registration",
        kind: "docuware:AppRegistration",
        inputs: { organizationUrl: "http://acme.docuware.cloud" },
        message: "organizationUrl: organizationUrl must use https (plain http is accepted only on loopback",
    },
    {
        name: "unknown identity provider",
        kind: "docuware:UserProvisioning",
        inputs: { identityProvider: "google" },
        message: 'identityProvider: must be "ping", "azure", "okta", "onpremise" or "generic-<identifier>"',
    },
    {
        name: "generic identity provider without identifier",
        kind: "docuware:UserProvisioning",
        inputs: { identityProvider: "generic-" },
        message: 'identityProvider: must be "ping", "azure", "okta", "onpremise" or "generic-<identifier>"',
    },
    {
        name: "empty app registration client id",
        kind: "docuware:UserProvisioning",
        inputs: { appRegistrationClientId: " " },
        message: "appRegistrationClientId: appRegistrationClientId must not be empty",
    },
    {
        name: "existing registration with an empty secret",
        kind: "docuware:ExistingAppRegistration",
        inputs: { clientSecret: "" },
        message: "clientSecret: clientSecret must not be empty",
    },
    {
        name: "existing registration with an empty client id",
        kind: "docuware:ExistingAppRegistration",
        inputs: { clientId: " " },
        message: "clientId: clientId must not be empty",
    },
    {
        name: "malformed organization URL of an existing registration",
        kind: "docuware:ExistingAppRegistration",
        inputs: { organizationUrl: "acme" },
        message:
            'organizationUrl: organizationUrl must be an absolute https URL such as https://acme.docuware.cloud, got "acme"',
    },
];

/** Missing or wrong settings in stack config / environment variables: `check` names what to set, with no request. */
const SETTINGS_CASES: BadInput[] = [
    {
        name: "missing PingOne worker credentials",
        env: { PINGONE_CLIENT_ID: "", PINGONE_CLIENT_SECRET: "" },
        kind: "pingone:PropagationPlan",
        inputs: {},
        message:
            "PingOne credentials are incomplete; set `pingone:clientId` (pulumi config set pingone:clientId …, or PINGONE_CLIENT_ID), `pingone:clientSecret`",
    },
    {
        name: "missing PingOne environment",
        env: { PINGONE_ENVIRONMENT_ID: "" },
        kind: "pingone:PropagationPlan",
        inputs: {},
        message:
            "no PingOne environment: set `environmentId`, or the stack config `pingone:environmentId` (PINGONE_ENVIRONMENT_ID)",
    },
    {
        name: "configured PingOne environment id that is not a UUID",
        env: { PINGONE_ENVIRONMENT_ID: "my-environment" },
        kind: "pingone:PropagationStore",
        inputs: {},
        message: `the stack config \`pingone:environmentId\` (PINGONE_ENVIRONMENT_ID) ${UUID_EXAMPLE}, got "my-environment"; set it to the worker application's Environment ID: pulumi config set pingone:environmentId <id>`,
    },
    {
        name: "configured worker environment id that is not a UUID, resource environment given",
        env: { PINGONE_ENVIRONMENT_ID: "my-environment" },
        kind: "pingone:PropagationRule",
        inputs: { environmentId: IDS.environment },
        message: `the stack config \`pingone:environmentId\` (PINGONE_ENVIRONMENT_ID) ${UUID_EXAMPLE}, got "my-environment"`,
    },
    {
        name: "unknown PingOne region code in config",
        env: { PINGONE_AUTH_URL: "", PINGONE_API_URL: "", PINGONE_REGION_CODE: "mars" },
        kind: "pingone:PropagationPlan",
        inputs: {},
        message: 'Unknown PingOne region "mars"; use one of com, eu, asia, ca, com.au, sg',
    },
    {
        name: "unknown worker token authentication method",
        env: { PINGONE_TOKEN_ENDPOINT_AUTH_METHOD: "header" },
        kind: "pingone:PropagationPlan",
        inputs: {},
        message:
            '`pingone:tokenEndpointAuthMethod` (PINGONE_TOKEN_ENDPOINT_AUTH_METHOD) must be auto, basic or post, got "header"',
    },
    {
        name: "no PingOne region nor endpoints",
        env: { PINGONE_AUTH_URL: "", PINGONE_API_URL: "", PINGONE_REGION_CODE: "" },
        kind: "pingone:PropagationRevision",
        inputs: {},
        message:
            "PingOne region is not set; set `pingone:regionCode` (or PINGONE_REGION_CODE) to com, eu, asia, ca, com.au, sg",
    },
    {
        name: "missing DocuWare admin credential",
        env: { DOCUWARE_CLIENT_ID: "", DOCUWARE_CLIENT_SECRET: "" },
        kind: "docuware:AppRegistration",
        inputs: {},
        message: "DocuWare credentials are incomplete; set `docuware:clientId`",
    },
    {
        name: "malformed per-organization admin credentials",
        env: { DOCUWARE_ADMIN_CREDENTIALS: "{not json" },
        kind: "docuware:UserProvisioning",
        inputs: {},
        message:
            '`docuware:adminCredentials` (DOCUWARE_ADMIN_CREDENTIALS) must be JSON like {"https://acme.docuware.cloud": {"clientId": "…", "clientSecret": "…"}}',
    },
    {
        name: "missing DocuWare organization",
        env: { DOCUWARE_ORGANIZATION_URL: "" },
        kind: "docuware:AppRegistration",
        inputs: {},
        message:
            "no DocuWare organization: set `organizationUrl` (e.g. https://acme.docuware.cloud), or the stack config `docuware:organizationUrl`",
    },
    {
        name: "configured organization URL over plain http",
        env: { DOCUWARE_ORGANIZATION_URL: "http://acme.docuware.cloud" },
        kind: "docuware:ExistingAppRegistration",
        inputs: {},
        message: "organizationUrl must use https (plain http is accepted only on loopback",
    },
];

export const BAD_INPUTS: readonly BadInput[] = [
    ...COMPONENT_CASES,
    ...STORE_CASES,
    ...RULE_CASES,
    ...OTHER_RESOURCE_CASES,
    ...SETTINGS_CASES,
];
