import { strict as assert } from "node:assert";
import { DocuWarePingOneProvisioning } from "../../components";
import { AppRegistration, ExistingAppRegistration, UserProvisioning } from "../../sdk/docuware";
import { PropagationPlan, PropagationRule, PropagationStore } from "../../sdk/pingone";
import { type RunningEmulators, startTestEmulators } from "../helpers/emulators";
import { requestTotal, resetRequests } from "../helpers/emulatorState";
import { type TestStack, createInlineStack, printEngineVersion, requireEngine } from "../helpers/engine";

interface BadInput {
    name: string;
    program: () => void;
    /** Text the failed preview must show: the field and the fix. */
    message: string;
    /** Provider environment changed for this case (missing or wrong settings); runs in a stack of its own. */
    env?: Record<string, string>;
}

const SCIM = {
    name: "DocuWare",
    scimUrl: "https://acme.docuware.cloud/DocuWare/Services/UserProvisioningService/ping/scim",
    oauthTokenUrl: "https://login-emea.docuware.cloud/org/connect/token",
    oauthClientId: "client",
    oauthClientSecret: "client-secret-value",
};
const RULE = {
    planId: "plan-1",
    targetStoreId: "store-1",
    name: "Rule",
    userFilter: { populationName: "Default" },
    mappings: [{ source: "username", target: "userName" }],
};
const component = (args: ConstructorParameters<typeof DocuWarePingOneProvisioning>[1]) => () =>
    void new DocuWarePingOneProvisioning("bad", args);
const store = (args: object) => () =>
    void new PropagationStore("bad", { ...SCIM, ...args } as ConstructorParameters<typeof PropagationStore>[1]);
const rule = (args: object) => () =>
    void new PropagationRule("bad", { ...RULE, ...args } as ConstructorParameters<typeof PropagationRule>[1]);
const registration = (args: object) => () =>
    void new AppRegistration("bad", { name: "Registration", ...args } as ConstructorParameters<
        typeof AppRegistration
    >[1]);

/** Invalid configurations: each fails at preview, naming the field and the fix, before any request is sent. */
const CASES: BadInput[] = [
    {
        name: "malformed organization URL",
        program: component({ organizationUrl: "acme.docuware.cloud" }),
        message:
            '`organizationUrl` must be an absolute https URL such as https://acme.docuware.cloud, got "acme.docuware.cloud"',
    },
    {
        name: "http organization URL",
        program: component({ organizationUrl: "http://acme.docuware.cloud" }),
        message: "`organizationUrl` must use https (plain http is accepted only on loopback",
    },
    {
        name: "unknown region",
        program: component({ region: "mars" }),
        message: '`region` must be one of com, eu, asia, ca, com.au, sg, got "mars"',
    },
    {
        name: "enabled rule on a disabled connection",
        program: component({ connectionEnabled: false }),
        message:
            "`ruleEnabled` must be false while `connectionEnabled` is false: PingOne enables a rule only on an enabled connection",
    },
    {
        name: "duplicate mapping target",
        program: component({
            mappings: [
                { source: "username", target: "userName" },
                { source: "email", target: "userName" },
            ],
        }),
        message: '`mappings[1].target` maps "userName" again (also `mappings[0]`); map each target attribute once',
    },
    {
        name: "mapping with source and expression",
        program: component({ mappings: [{ source: "username", expression: "x", target: "userName" }] }),
        message: "`mappings[0]` must set exactly one of `source` and `expression`",
    },
    {
        name: "mapping with neither source nor expression",
        program: component({ mappings: [{ target: "userName" }] }),
        message: "`mappings[0]` must set exactly one of `source` and `expression`",
    },
    {
        name: "empty mapping target",
        program: component({ mappings: [{ source: "username", target: " " }] }),
        message: "`mappings[0].target` must not be empty; name a SCIM attribute such as userName",
    },
    {
        name: "no mappings on an enabled rule",
        program: component({ mappings: [] }),
        message: "`mappings` must not be empty while the rule is enabled",
    },
    {
        name: "user filter with two criteria",
        program: component({ userFilter: { populationName: "Default", populationId: "p" } }),
        message: "`userFilter` must set exactly one of `populationName`, `populationId` and `expression`",
    },
    {
        name: "empty user filter value",
        program: component({ userFilter: { populationName: "" } }),
        message: "`userFilter.populationName` must not be empty",
    },
    {
        name: "created and existing registration",
        program: component({ appRegistrationName: "x", existingRegistration: { clientId: "a", clientSecret: "b" } }),
        message: "`appRegistrationName` and `existingRegistration` cannot both be set",
    },
    {
        name: "existing registration without client id",
        program: component({ existingRegistration: { clientId: "", clientSecret: "b" } }),
        message:
            "`existingRegistration.clientId` is required; copy it from the app registration in DocuWare Configuration",
    },
    {
        name: "unknown remove action",
        program: component({ connection: { removeAction: "Purge" as "Delete" } }),
        message: '`connection.removeAction` must be "Disable" or "Delete", got "Purge"',
    },
    {
        name: "unknown unique identifier",
        program: component({ connection: { uniqueUserIdentifier: "email" as "workEmail" } }),
        message: '`connection.uniqueUserIdentifier` must be "userName" or "workEmail", got "email"',
    },
    {
        name: "user lookup filter without %s",
        program: component({ connection: { userLookupFilter: "userName eq x" } }),
        message: "`connection.userLookupFilter` must contain %s",
    },
    {
        name: "empty connection name",
        program: component({ connectionName: "" }),
        message: "`connectionName` must not be empty",
    },
    {
        name: "non-http SCIM URL",
        program: store({ scimUrl: "ftp://acme.example/scim" }),
        message:
            'scimUrl must be an absolute https URL such as https://acme.docuware.cloud/DocuWare/Services/UserProvisioningService/ping/scim, got "ftp://acme.example/scim"',
    },
    {
        name: "http SCIM URL",
        program: store({ scimUrl: "http://acme.docuware.cloud/scim" }),
        message: "scimUrl must use https (plain http is accepted only on loopback",
    },
    {
        name: "http token URL",
        program: store({ oauthTokenUrl: "http://login.example/token" }),
        message: "oauthTokenUrl must use https",
    },
    {
        name: "unknown SCIM version",
        program: store({ scimVersion: "3.0" }),
        message: 'Invalid option: expected one of "2.0"|"1.1"',
    },
    {
        name: "users resource without a slash",
        program: store({ usersResource: "Users" }),
        message: "usersResource must start with /, e.g. /Users",
    },
    {
        name: "unknown authentication method",
        program: store({ authenticationMethod: "Kerberos" }),
        message: "authenticationMethod",
    },
    {
        name: "client credentials without a secret",
        program: store({ oauthClientSecret: undefined }),
        message: 'oauthClientSecret is required when authenticationMethod is "OAuth 2 Client Credentials"',
    },
    {
        name: "basic authentication without a password",
        program: store({ authenticationMethod: "Basic Authentication", basicAuthUser: "u" }),
        message: 'basicAuthPassword is required when authenticationMethod is "Basic Authentication"',
    },
    {
        name: "user filter without %s",
        program: store({ userFilter: 'userName eq "x"' }),
        message: "userFilter must contain %s for the user's identifier",
    },
    { name: "wrong type for a flag", program: store({ createUsers: "yes" }), message: "createUsers" },
    { name: "empty connection name on the store", program: store({ name: " " }), message: "name must not be empty" },
    {
        name: "rule mapping target mapped twice",
        program: rule({
            mappings: [
                { source: "username", target: "userName" },
                { source: "email", target: "userName" },
            ],
        }),
        message: 'target "userName" is mapped twice; map each target attribute once',
    },
    {
        name: "active rule without mappings",
        program: rule({ mappings: [] }),
        message: "an active rule needs at least one attribute mapping; add mappings or set `active: false`",
    },
    {
        name: "rule without a filter criterion",
        program: rule({ userFilter: {} }),
        message: "set exactly one of `populationName`, `populationId` and `expression`",
    },
    {
        name: "empty filter expression",
        program: rule({ userFilter: { expression: "" } }),
        message: "expression must not be empty",
    },
    {
        name: "token lifetime too short",
        program: registration({ accessTokenLifetimeSeconds: 10 }),
        message: "accessTokenLifetimeSeconds must be at least 300 (5 minutes)",
    },
    {
        name: "token lifetime too long",
        program: registration({ accessTokenLifetimeSeconds: 999_999 }),
        message: "accessTokenLifetimeSeconds must be at most 86400 (24 hours)",
    },
    {
        name: "unknown allowed resource",
        program: registration({ allowedResources: ["Everything"] }),
        message: 'Invalid option: expected one of "Platform"|"UserProvisioning"',
    },
    {
        name: "unknown identity provider",
        program: () => void new UserProvisioning("bad", { appRegistrationClientId: "x", identityProvider: "google" }),
        message: 'must be "ping", "azure", "okta", "onpremise" or "generic-<identifier>"',
    },
    {
        name: "existing registration with an empty secret",
        program: () => void new ExistingAppRegistration("bad", { clientId: "x", clientSecret: "" }),
        message: "clientSecret must not be empty",
    },
    {
        name: "empty plan name",
        program: () => void new PropagationPlan("bad", { name: "" }),
        message: "name must not be empty",
    },
];

/** Missing or wrong settings: the resources' check reads the config (no request) and names what to set. */
const SETTINGS_CASES: BadInput[] = [
    {
        name: "missing PingOne worker credentials",
        env: { PINGONE_CLIENT_ID: "", PINGONE_CLIENT_SECRET: "" },
        program: () => void new PropagationPlan("bad"),
        message:
            "PingOne credentials are incomplete; set `pingone:clientId` (pulumi config set pingone:clientId …, or PINGONE_CLIENT_ID), `pingone:clientSecret`",
    },
    {
        name: "missing PingOne environment",
        env: { PINGONE_ENVIRONMENT_ID: "" },
        program: () => void new PropagationPlan("bad"),
        message:
            "no PingOne environment: set `environmentId`, or the stack config `pingone:environmentId` (PINGONE_ENVIRONMENT_ID)",
    },
    {
        name: "unknown PingOne region code in config",
        env: { PINGONE_AUTH_URL: "", PINGONE_API_URL: "", PINGONE_REGION_CODE: "mars" },
        program: () => void new PropagationPlan("bad"),
        message: 'Unknown PingOne region "mars"; use one of com, eu, asia, ca, com.au, sg',
    },
    {
        name: "unknown worker token authentication method",
        env: { PINGONE_TOKEN_ENDPOINT_AUTH_METHOD: "header" },
        program: () => void new PropagationPlan("bad"),
        message:
            '`pingone:tokenEndpointAuthMethod` (PINGONE_TOKEN_ENDPOINT_AUTH_METHOD) must be auto, basic or post, got "header"',
    },
    {
        name: "missing DocuWare admin credential",
        env: { DOCUWARE_CLIENT_ID: "", DOCUWARE_CLIENT_SECRET: "" },
        program: registration({}),
        message: "DocuWare credentials are incomplete; set `docuware:clientId`",
    },
    {
        name: "missing DocuWare organization",
        env: { DOCUWARE_ORGANIZATION_URL: "" },
        program: registration({}),
        message: "no DocuWare organization: set `organizationUrl`",
    },
];

describe("bad input fails at preview, naming the field and the fix, with no request sent", function () {
    this.timeout(900_000);
    let emulators: RunningEmulators;
    let current: () => void = () => undefined;
    const stacks: TestStack[] = [];

    const previewFailure = async (test: TestStack): Promise<string> => {
        try {
            await test.stack.preview();
        } catch (error) {
            return error instanceof Error ? error.message : String(error);
        }
        return "(the preview succeeded)";
    };
    const stackWith = async (env: Record<string, string> = {}) => {
        const test = await createInlineStack({
            projectName: "bad-input",
            envVars: { ...emulators.providerEnvironment(), ...env },
            program: async () => current(),
        });
        stacks.push(test);
        return test;
    };

    before(async function () {
        requireEngine(this);
        printEngineVersion();
        emulators = await startTestEmulators();
        await resetRequests(emulators);
    });
    after(async () => {
        for (const test of stacks) {
            await test.dispose();
        }
        await emulators?.stop();
    });

    it(`rejects ${CASES.length + SETTINGS_CASES.length} invalid configurations`, async () => {
        assert.ok(CASES.length + SETTINGS_CASES.length >= 30);
        const problems: string[] = [];
        const shared = await stackWith();
        for (const bad of [...CASES, ...SETTINGS_CASES]) {
            current = bad.program;
            const message = await previewFailure(bad.env ? await stackWith(bad.env) : shared);
            if (!message.includes(bad.message)) {
                problems.push(`${bad.name}: expected "${bad.message}" in:\n${message.slice(-1500)}`);
            }
        }
        assert.deepEqual(problems, []);
        assert.equal(await requestTotal(emulators), 0, "no request reached either service, so no write either");
    });
});
