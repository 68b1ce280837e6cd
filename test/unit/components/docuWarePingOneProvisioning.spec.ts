import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { RecordingMocks, unwrap } from "../../helpers/mocks";
import { PROVIDER_ENVIRONMENT_VARIABLES } from "../../helpers/providerEnvironmentVariables";
import { VALID_SETTINGS } from "../validation/badInputCases";

const mocks = new RecordingMocks();
void pulumi.runtime.setMocks(mocks, "unit", "test");

type Module = typeof import("../../../components");
const DYNAMIC = "pulumi-nodejs:dynamic";

/** Lets every registration of the component reach the mocks. */
async function settle(component: { status: pulumi.Output<string>; revisionId: pulumi.Output<string> }): Promise<void> {
    await unwrap(pulumi.all([component.status, component.revisionId]));
}

describe("DocuWarePingOneProvisioning (mocks)", () => {
    let components: Module;

    const saved = { ...process.env };
    before(async () => {
        components = await import("../../../components");
    });
    // Mocks run as `pulumi up` (not a preview): the component checks the providers' settings, here from variables.
    beforeEach(() => {
        mocks.reset();
        for (const name of PROVIDER_ENVIRONMENT_VARIABLES) {
            delete process.env[name];
        }
        Object.assign(process.env, VALID_SETTINGS);
    });
    after(() => {
        for (const name of PROVIDER_ENVIRONMENT_VARIABLES) {
            if (saved[name] === undefined) {
                delete process.env[name];
            } else {
                process.env[name] = saved[name];
            }
        }
    });

    it("creates the guide's chain with the guide's defaults", async () => {
        const provisioning = new components.DocuWarePingOneProvisioning("acme", {});
        await settle(provisioning);

        assert.deepEqual(
            mocks.resources.map((r) => `${r.type} ${r.name}`).sort(),
            [
                "docuware-pingone:index:DocuWarePingOneProvisioning acme",
                `${DYNAMIC}/docuware:AppRegistration acme-registration`,
                `${DYNAMIC}/pingone:PropagationPlan acme-plan`,
                `${DYNAMIC}/docuware:UserProvisioning acme-docuware-provisioning`,
                `${DYNAMIC}/pingone:PropagationStore acme-connection`,
                `${DYNAMIC}/pingone:PropagationRule acme-rule`,
                `${DYNAMIC}/pingone:PropagationRevision acme-revision`,
            ].sort(),
        );
        assert.deepEqual(mocks.find(`${DYNAMIC}/docuware:AppRegistration`, "acme-registration").inputs, {
            name: "PingOne provisioning (acme)",
            managedBy: "unit/test/acme-registration",
        });
        assert.deepEqual(mocks.find(`${DYNAMIC}/docuware:UserProvisioning`, "acme-docuware-provisioning").inputs, {
            enabled: true,
            identityProvider: "ping",
            appRegistrationClientId: "acme-registration-id",
            managedBy: "unit/test/acme-docuware-provisioning",
        });
        assert.deepEqual(mocks.find(`${DYNAMIC}/pingone:PropagationStore`, "acme-connection").inputs, {
            name: "DocuWare (acme)",
            enabled: true,
            scimUrl: "https://acme.docuware.cloud/DocuWare/Services/UserProvisioningService/ping/scim",
            authenticationMethod: "OAuth 2 Client Credentials",
            oauthTokenUrl: "https://login-emea.docuware.cloud/org-guid/connect/token",
            oauthClientId: "acme-registration-id",
            oauthClientSecret: "acme-registration-secret",
            managedBy: "unit/test/acme-connection",
        });
        assert.deepEqual(mocks.find(`${DYNAMIC}/pingone:PropagationRule`, "acme-rule").inputs, {
            planId: "acme-plan-id",
            name: "PingOne to DocuWare (acme)",
            targetStoreId: "acme-connection-id",
            userFilter: { populationName: "Default" },
            mappings: [
                { source: "username", target: "userName" },
                { source: "email", target: "workEmail" },
                { source: "id", target: "externalId" },
                { source: "enabled", target: "active" },
                { source: "name.family", target: "familyName" },
                { source: "name.given", target: "givenName" },
            ],
            active: true,
            managedBy: "unit/test/acme-rule",
        });
        const revision = mocks.find(`${DYNAMIC}/pingone:PropagationRevision`, "acme-revision").inputs;
        assert.match((revision.triggers as { configuration: string }).configuration, /^[0-9a-f]{64}$/);
        // Each id output is the matching child's output, not another child's or the component's own value.
        assert.deepEqual(
            await unwrap(pulumi.all([provisioning.storeId, provisioning.ruleId, provisioning.revisionId])),
            ["acme-connection-store-id", "acme-rule-rule-id", "acme-revision-revision-id"],
        );
        assert.equal(
            await unwrap(provisioning.status),
            'DocuWare provisioning on (ping); connection "DocuWare (acme)" on; rule "PingOne to DocuWare (acme)" on, 6 mappings',
        );
    });

    it("passes custom arguments to the children and shares a given plan", async () => {
        const provisioning = new components.DocuWarePingOneProvisioning("hr", {
            organizationUrl: "https://hr.docuware.cloud",
            appRegistrationName: "HR provisioning",
            environmentId: "6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b",
            region: "eu",
            planId: "0b9a8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d",
            connectionName: "DocuWare HR",
            connection: { removeAction: "Disable", createUsers: false, userLookupFilter: 'userName eq "%s"' },
            ruleName: "HR users",
            userFilter: { populationId: "3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f" },
            mappings: [
                { source: "username", target: "userName" },
                { expression: "#root.user.email", target: "workEmail" },
            ],
            ruleEnabled: false,
        });
        await settle(provisioning);

        assert.ok(!mocks.resources.some((r) => r.type === `${DYNAMIC}/pingone:PropagationPlan`), "no plan child");
        const store = mocks.find(`${DYNAMIC}/pingone:PropagationStore`, "hr-connection").inputs;
        assert.equal(store.name, "DocuWare HR");
        assert.equal(store.environmentId, "6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b");
        assert.equal(store.region, "eu");
        assert.equal(store.removeAction, "Disable");
        assert.equal(store.createUsers, false);
        assert.equal(store.userFilter, 'userName eq "%s"');
        const rule = mocks.find(`${DYNAMIC}/pingone:PropagationRule`, "hr-rule").inputs;
        assert.equal(rule.planId, "0b9a8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d");
        assert.equal(rule.name, "HR users");
        assert.deepEqual(rule.userFilter, { populationId: "3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f" });
        assert.equal(rule.active, false);
        assert.deepEqual(rule.mappings, [
            { source: "username", target: "userName" },
            { expression: "#root.user.email", target: "workEmail" },
        ]);
        assert.equal(
            mocks.find(`${DYNAMIC}/docuware:AppRegistration`, "hr-registration").inputs.name,
            "HR provisioning",
        );
        assert.equal(await unwrap(provisioning.planId), "0b9a8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d");
    });

    it("uses an existing registration instead of creating one", async () => {
        const provisioning = new components.DocuWarePingOneProvisioning("cloud", {
            organizationUrl: "https://acme.docuware.cloud",
            existingRegistration: { clientId: pulumi.secret("client"), clientSecret: pulumi.secret("secret") },
        });
        await settle(provisioning);
        const types = mocks.resources.map((r) => r.type);
        assert.ok(types.includes(`${DYNAMIC}/docuware:ExistingAppRegistration`));
        assert.ok(!types.includes(`${DYNAMIC}/docuware:AppRegistration`));
        assert.ok(!types.includes(`${DYNAMIC}/docuware:UserProvisioning`));
        const existing = mocks.find(`${DYNAMIC}/docuware:ExistingAppRegistration`, "cloud-registration").inputs;
        assert.equal(existing.identityProvider, "ping");
        assert.equal(existing.organizationUrl, "https://acme.docuware.cloud");
    });

    it("accepts Outputs for the structured arguments and passes their fields on", async () => {
        const provisioning = new components.DocuWarePingOneProvisioning("outputs", {
            existingRegistration: pulumi.output({ clientId: "client", clientSecret: pulumi.secret("secret") }),
            connection: pulumi.output({ removeAction: "Delete" as const, deprovisionOnDelete: true }),
            userFilter: pulumi.output({ populationId: "pop-2" }),
            mappings: pulumi.output([{ source: "username", target: "userName" }]),
        });
        await settle(provisioning);
        const existing = mocks.find(`${DYNAMIC}/docuware:ExistingAppRegistration`, "outputs-registration").inputs;
        // The registration holds a secret, so both of its fields reach the child as secrets.
        const secretValue = (value: unknown) => (value as { value: unknown }).value;
        assert.equal(secretValue(existing.clientId), "client");
        assert.equal(secretValue(existing.clientSecret), "secret");
        const store = mocks.find(`${DYNAMIC}/pingone:PropagationStore`, "outputs-connection").inputs;
        assert.equal(store.removeAction, "Delete");
        assert.equal(store.managed, true);
        const rule = mocks.find(`${DYNAMIC}/pingone:PropagationRule`, "outputs-rule").inputs;
        assert.deepEqual(rule.userFilter, { populationId: "pop-2" });
        assert.deepEqual(rule.mappings, [{ source: "username", target: "userName" }]);
    });

    it("checks the known fields of a structured argument whose other fields are Outputs", () => {
        assert.throws(
            () =>
                new components.DocuWarePingOneProvisioning("partly-known", {
                    connection: { removeAction: "Purge" as "Delete", createUsers: pulumi.output(true) },
                    existingRegistration: { clientId: pulumi.secret("client"), clientSecret: "" },
                }),
            (error: Error) => {
                assert.equal(
                    error.message,
                    [
                        'Invalid arguments for DocuWarePingOneProvisioning "partly-known":',
                        "  - `existingRegistration.clientSecret` must not be empty.",
                        '  - `connection.removeAction`: Invalid option: expected one of "Disable"|"Delete".',
                    ].join("\n"),
                );
                return true;
            },
        );
    });

    it("passes `adopt` to every child that can take over a live object", async () => {
        await settle(new components.DocuWarePingOneProvisioning("live", { adopt: true }));
        const adopting = mocks.resources.filter((r) => r.inputs.adopt === true).map((r) => r.type.split("/")[1]);
        assert.deepEqual(adopting.sort(), [
            "docuware:AppRegistration",
            "pingone:PropagationRevision",
            "pingone:PropagationRule",
            "pingone:PropagationStore",
        ]);
        mocks.reset();
        await settle(new components.DocuWarePingOneProvisioning("new", {}));
        assert.ok(
            mocks.resources.every((r) => r.inputs.adopt === undefined),
            "adopting is off by default",
        );
    });

    it("names several instances after their component, so they live in one stack", async () => {
        await settle(new components.DocuWarePingOneProvisioning("org-a", {}));
        await settle(new components.DocuWarePingOneProvisioning("org-b", {}));
        const names = mocks.resources.map((r) => r.name);
        assert.equal(new Set(names).size, names.length, "child names are unique");
        assert.ok(names.includes("org-a-rule") && names.includes("org-b-rule"));
    });

    it("validates every argument before creating anything and reports all problems at once", () => {
        assert.throws(
            () =>
                new components.DocuWarePingOneProvisioning("bad", {
                    appRegistrationName: "",
                    existingRegistration: { clientId: "", clientSecret: "x" },
                    organizationUrl: "acme.docuware.cloud",
                    region: "mars",
                    userFilter: { populationName: "Default", populationId: "p" },
                    mappings: [
                        { source: "username", target: "userName" },
                        { source: "email", expression: "x", target: "userName" },
                    ],
                    connection: { removeAction: "Purge" as "Delete", userLookupFilter: "userName eq x" },
                }),
            (error: Error) => {
                assert.equal(
                    error.message,
                    [
                        'Invalid arguments for DocuWarePingOneProvisioning "bad":',
                        "  - `appRegistrationName` and `existingRegistration` cannot both be set: either create a registration or use one made in DocuWare Configuration.",
                        '  - `organizationUrl` must be an absolute https URL such as https://acme.docuware.cloud, got "acme.docuware.cloud".',
                        '  - `region`: Unknown PingOne region "mars"; use one of com, eu, asia, ca, com.au, sg (or the Terraform codes NA, EU, AP, CA, AU, SG).',
                        "  - `appRegistrationName` must not be empty.",
                        "  - `existingRegistration.clientId` must not be empty.",
                        '  - `connection.removeAction`: Invalid option: expected one of "Disable"|"Delete".',
                        '  - `connection.userLookupFilter` must contain %s for the user\'s identifier, e.g. userName eq "%s".',
                        '  - `userFilter.populationId` must be a PingOne id (a UUID such as 9a3b1c2d-4e5f-4a6b-8c7d-0e1f2a3b4c5d), got "p"; copy the population\'s ID from Directory > Populations in the PingOne console, or use `populationName`.',
                        "  - `userFilter` must set exactly one of `populationName`, `populationId` and `expression`.",
                        "  - `mappings[1]` must set exactly one of `source` and `expression`.",
                        '  - `mappings[1].target`: target "userName" is mapped twice; map each target attribute once.',
                    ].join("\n"),
                );
                return true;
            },
        );
        assert.deepEqual(
            mocks.resources.filter((r) => r.type.startsWith(DYNAMIC)),
            [],
            "no child was created",
        );
    });

    it("refuses an enabled rule without mappings", () => {
        assert.throws(
            () => new components.DocuWarePingOneProvisioning("empty", { mappings: [] }),
            /- `mappings`: an active rule needs at least one attribute mapping; add mappings or set `active: false`\.$/,
        );
    });

    it("refuses an enabled rule on a disabled connection, saying why, and allows both off", () => {
        for (const ruleEnabled of [true, undefined]) {
            assert.throws(
                () => new components.DocuWarePingOneProvisioning("off", { connectionEnabled: false, ruleEnabled }),
                /`ruleEnabled` must be false while `connectionEnabled` is false: PingOne enables a rule only on an enabled connection; set `ruleEnabled: false` too, or enable the connection\./,
            );
        }
        new components.DocuWarePingOneProvisioning("both-off", { connectionEnabled: false, ruleEnabled: false });
    });

    it("refuses, during `pulumi up`, provider settings the services would refuse, before registering any child", () => {
        // Else the engine would save them as the provider configuration in state, which refresh and destroy use.
        process.env.PINGONE_ENVIRONMENT_ID = "my-environment";
        delete process.env.DOCUWARE_CLIENT_SECRET;
        assert.throws(
            () => new components.DocuWarePingOneProvisioning("config"),
            (error: Error) => {
                assert.match(
                    error.message,
                    /`pingone:environmentId` .*got "my-environment".*pulumi config set pingone:environmentId/,
                );
                // Missing is the providers' to report: an Automation API program may not hold the credentials.
                assert.doesNotMatch(error.message, /credentials are incomplete/);
                return true;
            },
        );
        assert.deepEqual(
            mocks.resources.filter((r) => r.type.startsWith(DYNAMIC)),
            [],
            "no child registered",
        );
    });

    it("leaves settings missing from the program's own process to the providers' check", async () => {
        // An Automation API inline program gives the credentials to the provider processes (`envVars`) only.
        delete process.env.PINGONE_CLIENT_SECRET;
        delete process.env.DOCUWARE_CLIENT_SECRET;
        await settle(new components.DocuWarePingOneProvisioning("elsewhere"));
        assert.ok(
            mocks.resources.some((r) => r.type.startsWith(DYNAMIC)),
            "children registered",
        );
    });
});
