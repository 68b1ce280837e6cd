import { strict as assert } from "node:assert";
import { formatOrphans, liveOrphans } from "../../../bin/drift/findOrphans";
import { DeleteFailedError, ReadFailedError, UnownedObjectError } from "../../../sdk/core/errors";
import { pingOneApis } from "../../../sdk/pingone/api/environment";
import { PartialFailure } from "../../../sdk/dynamic/resourceDefinition";
import { type RunningEmulators, startTestEmulators } from "../../helpers/emulators";
import { ProviderHarness } from "../../helpers/providers";

interface PingOneState {
    environments: Record<
        string,
        {
            stores: Record<string, { name: string; description?: string; configuration: Record<string, unknown> }>;
            rules: Record<string, { name: string; description?: string; active: boolean }>;
            mappings: Record<string, { rule: { id: string }; targetAttribute: string; sourceAttribute?: string }>;
        }
    >;
}

interface DocuWareState {
    AppRegistrations: { ClientId: string; Name: string; Description?: string }[];
    UserProvisioning: { Enabled: boolean; IdentityProvider: string | null; AppRegistrationId: string | null };
}

const MAPPINGS = [
    { source: "username", target: "userName" },
    { source: "email", target: "workEmail" },
    { source: "id", target: "externalId" },
    { source: "enabled", target: "active" },
];
const STORE_OWNER = "proj/dev/acme-connection";
const RULE_OWNER = "proj/dev/acme-rule";
const RULE_ROUTE = "GET /v1/environments/:envId/propagation/rules/:ruleId";

/** Creates whose answer was lost, failures half-way through an update, and refreshes that fail (issues 13 and 19). */
describe("State safety: orphans, partial failures and read errors", function () {
    this.timeout(60_000);
    let emulators: RunningEmulators;
    const plans = new ProviderHarness("pingone:PropagationPlan");
    const stores = new ProviderHarness("pingone:PropagationStore");
    const rules = new ProviderHarness("pingone:PropagationRule");
    const registrations = new ProviderHarness("docuware:AppRegistration");
    const provisioning = new ProviderHarness("docuware:UserProvisioning");
    const pingone = async () =>
        (await emulators.pingone.control.get<PingOneState>("/state")).environments[emulators.pingone.environmentId]!;
    const docuware = () => emulators.docuware[0]!.control.get<DocuWareState>("/state");
    const storeInputs = (extra: Record<string, unknown> = {}) => ({
        name: "DocuWare (acme)",
        scimUrl: "https://acme.docuware.cloud/DocuWare/Services/UserProvisioningService/ping/scim",
        oauthTokenUrl: "https://login-emea.docuware.cloud/0d5a/connect/token",
        oauthClientId: "client-1",
        oauthClientSecret: "first-secret-value",
        managedBy: STORE_OWNER,
        ...extra,
    });
    let planId: string;
    let storeId: string;
    const ruleInputs = (extra: Record<string, unknown> = {}) => ({
        planId,
        targetStoreId: storeId,
        name: "PingOne to DocuWare (acme)",
        userFilter: { populationName: "Default" },
        mappings: MAPPINGS,
        managedBy: RULE_OWNER,
        ...extra,
    });

    before(async () => {
        emulators = await startTestEmulators();
        emulators.useProviderEnvironment();
        planId = (await plans.create({})).id;
    });
    afterEach(async () => {
        await emulators.pingone.control.clearFaults();
        await emulators.docuware[0]!.control.clearFaults();
    });
    after(async () => emulators?.stop());

    describe("markers and orphans", () => {
        it("a store carries its marker in the create request, and a create whose answer was lost is finished", async () => {
            const first = await stores.create(storeInputs({ description: "Outbound to Acme" }));
            storeId = first.id;
            const live = (await pingone()).stores[storeId]!;
            assert.equal(live.description, `Outbound to Acme\nmanaged-by: pulumi ${STORE_OWNER}`);
            assert.equal(first.outs.description, "Outbound to Acme", "the marker never shows as an input value");

            // The crashed run never recorded `first`; the next `up` creates again, with changed settings.
            const again = await stores.create(storeInputs({ description: "Outbound to Acme", removeAction: "Delete" }));
            assert.equal(again.id, storeId, "the orphan is taken, not duplicated");
            assert.equal(again.outs.removeAction, "Delete", "and converged to the desired inputs");
            assert.equal(Object.values((await pingone()).stores).filter((s) => s.name === "DocuWare (acme)").length, 1);
        });

        it("an object without this resource's marker is refused with the crash case, the README and `adopt: true`", async () => {
            for (const managedBy of [undefined, "proj/other-stack/acme-connection"]) {
                await assert.rejects(stores.create(storeInputs({ managedBy })), (error: Error) => {
                    assert.ok(error instanceof UnownedObjectError, String(error));
                    assert.match(error.message, /If a deployment .* was interrupted/);
                    assert.match(error.message, /README section "If a deployment is interrupted"/);
                    assert.match(error.message, /set `adopt: true` on the component or the resource/);
                    return true;
                });
            }
            // a user's text added after the marker in the console keeps the object recognisable
            const env = emulators.pingone.environmentId;
            await emulators.pingone.control.patch(`/environments/${env}/stores/${storeId}`, {
                description: `Outbound to Acme\nmanaged-by: pulumi ${STORE_OWNER}\nedited in the console`,
            });
            assert.equal((await stores.create(storeInputs())).id, storeId);
        });

        it("a rule left with some mappings, inactive, is finished: missing mappings, filter and activation", async () => {
            // What a run killed after the rule and two mappings were created leaves behind.
            const partial = await rules.create(ruleInputs({ mappings: MAPPINGS.slice(0, 2), active: false }));
            const again = await rules.create(ruleInputs());
            assert.equal(again.id, partial.id);
            assert.equal(again.outs.active, true);
            const env = await pingone();
            assert.match(env.rules[partial.id]!.description!, new RegExp(`managed-by: pulumi ${RULE_OWNER}$`));
            const targets = Object.values(env.mappings)
                .filter((m) => m.rule.id === partial.id)
                .map((m) => m.targetAttribute)
                .sort();
            assert.deepEqual(targets, ["active", "externalId", "userName", "workEmail"]);
            assert.equal(Object.values(env.rules).length, 1, "no duplicate rule");
            await assert.rejects(rules.create(ruleInputs({ managedBy: "proj/dev/other-rule" })), UnownedObjectError);
        });

        it("a marked app registration orphan is taken over with a new secret that works", async () => {
            const owner = "proj/dev/acme-registration";
            const first = await registrations.create({ name: "PingOne provisioning (acme)", managedBy: owner });
            const registered = (await docuware()).AppRegistrations.find((r) => r.ClientId === first.id)!;
            assert.equal(registered.Description, `managed-by: pulumi ${owner}`);
            const again = await registrations.create({ name: "PingOne provisioning (acme)", managedBy: owner });
            assert.equal(again.id, first.id, "same registration, no second one");
            assert.notEqual(again.outs.clientSecret, first.outs.clientSecret);
            const live = await registrations.read(again.id, again.outs);
            assert.equal(live!.secretVersion, "1", "the new secret obtains tokens");
            await assert.rejects(
                registrations.create({ name: "PingOne provisioning (acme)", managedBy: "x/y/z" }),
                UnownedObjectError,
            );
        });

        it("UserProvisioning never records this stack's own settings as the ones to restore", async () => {
            const owner = "proj/dev/acme-registration";
            const registration = (await docuware()).AppRegistrations.find(
                (r) => r.Name === "PingOne provisioning (acme)",
            )!;
            const inputs = {
                appRegistrationClientId: registration.ClientId,
                managedBy: "proj/dev/acme-docuware-provisioning",
            };
            const first = await provisioning.create(inputs);
            assert.deepEqual(first.outs.previousSettings, {
                Enabled: false,
                IdentityProvider: null,
                GenericIdentifier: null,
                AppRegistrationId: null,
            });
            // A run killed right after switching the settings: the next create sees them pointing at its registration.
            const again = await provisioning.create(inputs);
            assert.deepEqual(again.outs.previousSettings, first.outs.previousSettings);
            // … or at an older registration of this stack (marked), e.g. one being replaced.
            const other = await registrations.create({ name: "old (acme)", managedBy: `${owner}-old` });
            await provisioning.update(first.id, again.outs, { appRegistrationClientId: other.id });
            const third = await provisioning.create(inputs);
            assert.deepEqual(third.outs.previousSettings, first.outs.previousSettings);
            await provisioning.delete(third.id, third.outs);
            assert.deepEqual((await docuware()).UserProvisioning, {
                ...(await docuware()).UserProvisioning,
                Enabled: false,
                AppRegistrationId: null,
            });
            await registrations.delete(other.id, other.outs);
        });
    });

    describe("partial failures", () => {
        it("a mapping change adds and updates before it deletes, and a failure records what PingOne holds", async () => {
            const created = await rules.create(ruleInputs({ name: "partial" }));
            const desired = [
                { source: "username", target: "userName" },
                { source: "email", target: "workEmail" },
                { source: "name.given", target: "givenName" }, // added
                { source: "name.family", target: "familyName" }, // added; the second add fails
            ]; // externalId and active are deleted
            await emulators.pingone.control.addFault({
                route: "POST /v1/environments/:envId/propagation/rules/:ruleId/mappings",
                kind: "status",
                status: 400,
                times: 0,
            });
            await emulators.pingone.control.resetRequests();
            const failure = await rules
                .update(created.id, created.outs, ruleInputs({ name: "partial", mappings: desired, active: true }))
                .then(
                    () => assert.fail("the update should fail"),
                    (error: unknown) => error,
                );
            assert.ok(failure instanceof PartialFailure, String(failure));
            const log = (await emulators.pingone.control.requests()).log;
            assert.equal(log.filter((r) => r.method === "DELETE").length, 0, "nothing deleted before the adds held");
            const recorded = failure.properties as { mappings: { target: string }[] };
            const live = Object.values((await pingone()).mappings)
                .filter((m) => m.rule.id === created.id)
                .map((m) => m.targetAttribute)
                .sort();
            assert.deepEqual(recorded.mappings.map((m) => m.target).sort(), live, "state == live");
            assert.deepEqual(live, ["active", "externalId", "userName", "workEmail"]);

            // The next plain `up` (same desired inputs, recorded outputs as olds) repairs it.
            await emulators.pingone.control.clearFaults();
            const repaired = await rules.update(created.id, failure.properties as Record<string, unknown>, {
                ...ruleInputs({ name: "partial", mappings: desired }),
            });
            assert.deepEqual((repaired.mappings as { target: string }[]).map((m) => m.target).sort(), [
                "familyName",
                "givenName",
                "userName",
                "workEmail",
            ]);
            await rules.delete(created.id, repaired);
        });
    });

    describe("read reports deleted only when the object's own GET says so", () => {
        let ruleId: string;
        let rule: Record<string, unknown>;
        const saved = { ...process.env };
        before(async () => {
            ({ id: ruleId, outs: rule } = await rules.create(ruleInputs({ name: "read semantics" })));
            process.env.DOCUWARE_PINGONE_REQUEST_TIMEOUT_SECONDS = "1";
            process.env.DOCUWARE_PINGONE_MAX_RETRIES = "0";
        });
        after(() => {
            process.env.DOCUWARE_PINGONE_REQUEST_TIMEOUT_SECONDS = saved.DOCUWARE_PINGONE_REQUEST_TIMEOUT_SECONDS;
            process.env.DOCUWARE_PINGONE_MAX_RETRIES = saved.DOCUWARE_PINGONE_MAX_RETRIES;
            for (const key of ["DOCUWARE_PINGONE_REQUEST_TIMEOUT_SECONDS", "DOCUWARE_PINGONE_MAX_RETRIES"]) {
                if (saved[key] === undefined) {
                    delete process.env[key];
                }
            }
        });

        const failureClasses: [string, () => Promise<unknown>, RegExp][] = [
            ["401", () => fault(RULE_ROUTE, 401), /HTTP 401/],
            ["403", () => fault(RULE_ROUTE, 403), /HTTP 403/],
            ["5xx", () => fault(RULE_ROUTE, 503), /HTTP 503/],
            [
                "reset",
                () => emulators.pingone.control.addFault({ route: RULE_ROUTE, kind: "reset", times: 0 }),
                /reset/,
            ],
            [
                "a timeout",
                () => emulators.pingone.control.addFault({ route: RULE_ROUTE, kind: "latency", latencyMs: 1500 }),
                /timed out/,
            ],
            [
                "a 404 from the token endpoint",
                async () => {
                    await fault(RULE_ROUTE, 401, 1);
                    await fault("POST /:envId/as/token", 404);
                },
                /as\/token failed with HTTP 404/,
            ],
        ];
        const fault = (route: string, status: number, times = 0) =>
            emulators.pingone.control.addFault({ route, kind: "status", status, times });

        for (const [name, inject, cause] of failureClasses) {
            it(`${name} fails the refresh with a typed error naming the resource and cause`, async () => {
                await inject();
                await assert.rejects(rules.read(ruleId, rule), (error: Error) => {
                    assert.ok(error instanceof ReadFailedError, String(error));
                    assert.match(error.message, /pingone:PropagationRule "read semantics" \(id .+\)/);
                    assert.match(error.message, cause);
                    assert.match(error.message, /nothing was taken as deleted/);
                    assert.match(error.message, /run `pulumi up` without --refresh first/, "names the command to run");
                    return true;
                });
            });
        }

        it("an unknown environment fails the refresh instead of dropping the rule", async () => {
            const elsewhere = { ...rule, environmentId: "7d5c1a2e-0000-4000-8000-000000000000" };
            // The emulator, like PingOne, answers 403 for an environment the worker's token does not cover.
            await assert.rejects(rules.read(ruleId, elsewhere), (error: Error) => {
                assert.ok(error instanceof ReadFailedError, String(error));
                assert.match(error.message, /environments\/7d5c1a2e-.*(HTTP 40[34]|does not exist)/);
                return true;
            });
        });

        it("a destroy whose token request fails (e.g. a changed environment id) fails instead of dropping the object", async () => {
            await fault(RULE_ROUTE.replace("GET", "PUT"), 401, 1);
            await fault("POST /:envId/as/token", 404);
            await assert.rejects(rules.delete(ruleId, rule), (error: Error) => {
                assert.ok(error instanceof DeleteFailedError, String(error));
                assert.match(error.message, /as\/token failed with HTTP 404/);
                assert.match(error.message, /state keeps it .*run `pulumi up` without --refresh first/);
                return true;
            });
            await emulators.pingone.control.clearFaults();
            assert.ok(await rules.read(ruleId, rule), "the rule is still live and readable");
        });

        it("a revision's delete signs in, so a destroy with revoked credentials fails before state drops anything", async () => {
            const revisions = new ProviderHarness("pingone:PropagationRevision");
            const secret = process.env.PINGONE_CLIENT_SECRET;
            process.env.PINGONE_CLIENT_SECRET = "revoked-secret";
            try {
                await assert.rejects(
                    revisions.delete("revision-id", { environmentId: emulators.pingone.environmentId }),
                    (error: Error) => {
                        assert.ok(error instanceof DeleteFailedError, String(error));
                        assert.match(error.message, /as\/token failed with HTTP 401/);
                        assert.match(error.message, /run `pulumi up` without --refresh first/);
                        return true;
                    },
                );
            } finally {
                process.env.PINGONE_CLIENT_SECRET = secret;
            }
        });

        it("the object's own 404 in an existing environment is a deletion", async () => {
            await emulators.pingone.control.delete(`/environments/${emulators.pingone.environmentId}/rules/${ruleId}`);
            assert.equal(await rules.read(ruleId, rule), undefined);
        });
    });
});

describe("State safety: the plan, whose only free text is its name", function () {
    this.timeout(30_000);
    const OWNER = "proj/dev/acme-plan";
    const plans = new ProviderHarness("pingone:PropagationPlan");
    let emulators: RunningEmulators;
    const livePlans = async () => {
        const state = await emulators.pingone.control.get<{
            environments: Record<string, { plans: Record<string, { name: string }> }>;
        }>("/state");
        return Object.values(state.environments[emulators.pingone.environmentId]!.plans).map((p) => p.name);
    };
    beforeEach(async () => {
        emulators = await startTestEmulators();
        emulators.useProviderEnvironment();
    });
    afterEach(async () => emulators?.stop());

    it("a created plan carries its marker in the create request; the plan of a killed run is taken back and deleted", async () => {
        const first = await plans.create({ managedBy: OWNER });
        assert.deepEqual(await livePlans(), [`Default Plan (managed-by: pulumi ${OWNER})`]);
        assert.equal(first.outs.name, "Default Plan", "the marker never shows as an input value");
        assert.equal(first.outs.adopted, false);

        // The killed run never recorded `first`: the next `up` creates again and finds its own plan.
        const again = await plans.create({ managedBy: OWNER });
        assert.equal(again.id, first.id);
        assert.equal(again.outs.adopted, false, "its own plan, not an adopted one");
        await plans.delete(again.id, again.outs);
        assert.deepEqual(await livePlans(), [], "destroy leaves the environment as before the first up");
    });

    for (const name of ["Hand-made Plan", "Shared (managed-by: pulumi proj/other-stack/plan)"]) {
        it(`a plan without this resource's marker (${name}) is adopted as it is and never deleted`, async () => {
            await pingOneApis({ environmentId: emulators.pingone.environmentId }).propagation.createPlan({ name });
            const adopted = await plans.create({ managedBy: OWNER, name: "Mine" });
            assert.equal(adopted.outs.adopted, true);
            await plans.delete(adopted.id, adopted.outs);
            assert.deepEqual(await livePlans(), [name], "neither renamed nor deleted");
        });
    }
});

describe("drift: objects orphaned by an interrupted deployment", function () {
    this.timeout(30_000);
    let emulators: RunningEmulators;
    before(async () => {
        emulators = await startTestEmulators();
        emulators.useProviderEnvironment();
    });
    after(async () => emulators?.stop());

    it("lists live objects with this stack's marker that state does not know, and nothing else", async () => {
        const stores = new ProviderHarness("pingone:PropagationStore");
        const registrations = new ProviderHarness("docuware:AppRegistration");
        const store = (name: string, managedBy?: string) =>
            stores.create({
                name,
                scimUrl: "https://acme.docuware.cloud/DocuWare/Services/UserProvisioningService/ping/scim",
                authenticationMethod: "None",
                managedBy,
            });
        const inState = await store("in state", "proj/dev/a");
        const orphan = await store("orphan", "proj/dev/b");
        await store("other stack", "proj/prod/b");
        await store("hand-made");
        const registration = await registrations.create({ name: "orphan registration", managedBy: "proj/dev/c" });
        const plan = await new ProviderHarness("pingone:PropagationPlan").create({ managedBy: "proj/dev/p" });
        const found = await liveOrphans({
            prefix: "proj/dev/",
            known: new Set([inState.id]),
            environments: [emulators.pingone.environmentId],
            organizations: [emulators.docuware[0]!.baseUrl],
        });
        assert.deepEqual(
            found.map((o) => `${o.kind} ${o.id} ${o.owner}`).sort(),
            [
                `SCIM connection ${orphan.id} proj/dev/b`,
                `app registration ${registration.id} proj/dev/c`,
                `plan ${plan.id} proj/dev/p`,
            ].sort(),
        );
        assert.match(formatOrphans(found), /^Orphaned by an interrupted deployment: 3 live object/);
    });
});
