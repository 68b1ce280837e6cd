import { strict as assert } from "node:assert";
import { PropagationPlan, PropagationRevision, PropagationRule, PropagationStore } from "../../sdk/pingone";
import { PingOneClient } from "../../sdk/pingone/api/pingOneClient";
import { PropagationClient } from "../../sdk/pingone/api/propagationClient";
import { type RunningEmulators, startTestEmulators } from "../helpers/emulators";
import { pingoneState } from "../helpers/emulatorState";
import { type TestStack, printEngineVersion, requireEngine } from "../helpers/engine";
import { assertQuietPreview, emulatorStack, refreshPreview, upWithChanges } from "../helpers/lifecycle";

const SCIM = {
    scimUrl: "https://acme.docuware.cloud/DocuWare/Services/UserProvisioningService/ping/scim",
    oauthTokenUrl: "https://login-emea.docuware.cloud/org/connect/token",
    oauthClientId: "docuware-client",
    oauthClientSecret: "docuware-client-secret",
};

describe("PingOne resources through the engine", function () {
    this.timeout(600_000);
    let emulators: RunningEmulators;
    const env = () => emulators.pingone.environmentId;
    const edit = (collection: string, id: string, body: unknown) =>
        emulators.pingone.control.patch(`/environments/${env()}/${collection}/${id}`, body);
    const api = () => new PropagationClient(PingOneClient.fromConfig(), env());

    before(async function () {
        requireEngine(this);
        printEngineVersion();
        emulators = await startTestEmulators();
        emulators.useProviderEnvironment();
    });
    after(async () => emulators?.stop());

    describe("pingone.PropagationPlan", () => {
        const vars = { name: "Default Plan" };
        let test: TestStack;
        let planId: string;
        let created: string[];

        // Each test starts from the deployed plan, made here rather than by another test.
        before(async () => {
            test = await emulatorStack(emulators, "plan", async () => ({
                planId: new PropagationPlan("plan", { name: vars.name }).planId,
            }));
            created = await upWithChanges(test);
            planId = (await test.stack.outputs()).planId!.value as string;
        });
        after(async () => test?.dispose());

        it("creates it", async () => {
            assert.deepEqual(created, ["create plan"]);
            assert.deepEqual(Object.keys((await pingoneState(emulators)).plans), [planId]);
        });

        it("previews no change without a request", () => assertQuietPreview(test, emulators));

        it("shows a rename in the console on preview --refresh, and up restores it", async () => {
            await edit("plans", planId, { name: "Renamed" });
            assert.deepEqual(await refreshPreview(test), ["update plan [name]"]);
            await upWithChanges(test, true);
            assert.equal((await pingoneState(emulators)).plans[planId]!.name, "Default Plan");
        });

        it("updates in place", async () => {
            vars.name = "Provisioning Plan";
            assert.deepEqual(await upWithChanges(test), ["update plan [name]"]);
            assert.equal((await pingoneState(emulators)).plans[planId]!.name, "Provisioning Plan");
        });

        it("adopts the environment's plan (one per environment), and leaves it on destroy", async () => {
            const adopting = await emulatorStack(emulators, "plan-adopt", async () => ({
                planId: new PropagationPlan("plan", { name: "Provisioning Plan" }).planId,
            }));
            try {
                await adopting.stack.up();
                assert.equal((await adopting.stack.outputs()).planId!.value, planId);
            } finally {
                await adopting.dispose();
            }
            assert.deepEqual(Object.keys((await pingoneState(emulators)).plans), [planId], "an adopted plan stays");
        });

        it("destroys the plan it created", async () => {
            await test.stack.destroy();
            assert.deepEqual(Object.keys((await pingoneState(emulators)).plans), []);
        });
    });

    describe("pingone.PropagationStore and PropagationRule", () => {
        const vars = { description: "SCIM to DocuWare", mappings: [{ source: "username", target: "userName" }] };
        let test: TestStack;
        let storeId: string;
        let ruleId: string;
        let created: string[];

        before(async () => {
            test = await emulatorStack(emulators, "store-rule", async () => {
                const plan = new PropagationPlan("plan");
                const store = new PropagationStore("store", {
                    name: "DocuWare",
                    description: vars.description,
                    ...SCIM,
                });
                const rule = new PropagationRule("rule", {
                    planId: plan.id,
                    targetStoreId: store.id,
                    name: "PingOne to DocuWare",
                    userFilter: { populationName: "Default" },
                    mappings: vars.mappings,
                });
                const revision = new PropagationRevision("revision", { triggers: { mappings: vars.mappings.length } });
                return {
                    planId: plan.planId,
                    storeId: store.storeId,
                    ruleId: rule.ruleId,
                    revisionId: revision.revisionId,
                };
            });
            // Each test starts from the deployed objects, made here rather than by another test.
            created = await upWithChanges(test);
            const outputs = await test.stack.outputs();
            storeId = outputs.storeId!.value as string;
            ruleId = outputs.ruleId!.value as string;
        });
        after(async () => test?.dispose());

        it("creates them", async () => {
            assert.deepEqual(created, ["create plan", "create revision", "create rule", "create store"]);
            const state = await pingoneState(emulators);
            assert.equal(state.stores[storeId]!.configuration.REMOVE_ACTION, "Disable");
            assert.equal(state.rules[ruleId]!.active, true);
        });

        it("previews no change without a request", () => assertQuietPreview(test, emulators));

        it("shows a connection setting changed in the console on preview --refresh, and up restores it", async () => {
            await edit("stores", storeId, { configuration: { REMOVE_ACTION: "Delete" } });
            assert.deepEqual(await refreshPreview(test), ["update store [removeAction]"]);
            await upWithChanges(test, true);
            assert.equal((await pingoneState(emulators)).stores[storeId]!.configuration.REMOVE_ACTION, "Disable");
        });

        it("shows a rule switched off in the console on preview --refresh, and up restores it", async () => {
            await edit("rules", ruleId, { active: false });
            assert.deepEqual(await refreshPreview(test), ["update rule [active]"]);
            await upWithChanges(test, true);
            assert.equal((await pingoneState(emulators)).rules[ruleId]!.active, true);
        });

        it("updates in place: a description, a new mapping and a revision", async () => {
            vars.description = "Provisioning to DocuWare";
            vars.mappings = [...vars.mappings, { source: "email", target: "workEmail" }];
            assert.deepEqual(await upWithChanges(test), [
                "update revision [triggers]",
                "update rule [mappings]",
                "update store [description]",
            ]);
            const state = await pingoneState(emulators);
            assert.equal(Object.values(state.mappings).filter((m) => m.rule.id === ruleId).length, 2);
            assert.deepEqual(Object.keys(state.rules), [ruleId], "same rule");
        });

        it("adopts an existing connection and rule by name", async () => {
            const store = await api().createStore({
                name: "Made in the console",
                type: "scim",
                status: "ACTIVE",
                configuration: {
                    SCIM_URL: SCIM.scimUrl,
                    SCIM_VERSION: "2.0",
                    USERS_RESOURCE: "/Users",
                    AUTHENTICATION_METHOD: "OAuth 2 Client Credentials",
                    AUTHORIZATION_TYPE: "Bearer",
                    OAUTH_TOKEN_REQUEST: SCIM.oauthTokenUrl,
                    OAUTH_CLIENT_ID: "x",
                    OAUTH_CLIENT_SECRET: "y",
                    UNIQUE_USER_IDENTIFIER: "userName",
                    USER_FILTER: 'userName eq "%s"',
                },
            });
            const planId = (await test.stack.outputs()).planId!.value as string;
            const rule = await api().createRule({
                name: "Console rule",
                plan: { id: planId },
                sourceStore: {
                    id: Object.values((await pingoneState(emulators)).stores).find((s) => s.type === "directory")!.id,
                },
                targetStore: { id: store.id },
                active: false,
                populationExpression: "population.id pr",
            });
            const adopting = await emulatorStack(emulators, "store-adopt", async () => {
                const adoptedStore = new PropagationStore("store", {
                    name: "Made in the console",
                    ...SCIM,
                    adopt: true,
                });
                const adoptedRule = new PropagationRule("rule", {
                    planId,
                    targetStoreId: adoptedStore.id,
                    name: "Console rule",
                    userFilter: { populationName: "Default" },
                    mappings: [{ source: "username", target: "userName" }],
                    adopt: true,
                });
                return { storeId: adoptedStore.storeId, ruleId: adoptedRule.ruleId };
            });
            try {
                await adopting.stack.up();
                const outputs = await adopting.stack.outputs();
                assert.equal(outputs.storeId!.value, store.id);
                assert.equal(outputs.ruleId!.value, rule.id);
                const state = await pingoneState(emulators);
                assert.equal(Object.values(state.stores).filter((s) => s.name === "Made in the console").length, 1);
                assert.equal(Object.values(state.rules).filter((r) => r.name === "Console rule").length, 1);
                assert.equal(state.rules[rule.id]!.active, true, "taken over and converged to the program");
            } finally {
                await adopting.dispose();
            }
        });

        it("destroys them, deactivating the rule before anything is deleted", async () => {
            await emulators.pingone.control.resetRequests();
            await test.stack.destroy();
            const writes = (await emulators.pingone.control.requests()).log
                .filter((r) => r.method !== "GET" && !r.route.endsWith("/as/token"))
                .map((r) => `${r.method} ${r.route}`);
            assert.equal(writes[0], "PUT /v1/environments/:envId/propagation/rules/:ruleId");
            const state = await pingoneState(emulators);
            assert.deepEqual(Object.keys(state.rules), []);
            assert.deepEqual(Object.keys(state.mappings), []);
            assert.deepEqual(Object.keys(state.plans), []);
            assert.deepEqual(
                Object.values(state.stores).map((s) => s.type),
                ["directory"],
            );
        });
    });
});
