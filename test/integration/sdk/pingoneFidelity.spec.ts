import { strict as assert } from "node:assert";
import { NotFoundError } from "../../../sdk/core/errors";
import { PingOneClient } from "../../../sdk/pingone/api/pingOneClient";
import { pingOneSettings } from "../../../sdk/pingone/api/settings";
import { type ScimTarget, startScimTarget } from "../emulators/pingoneScimTarget";
import { type RunningEmulators, startTestEmulators } from "../../helpers/emulators";
import { ProviderHarness } from "../../helpers/providers";

interface PingOneState {
    environments: Record<
        string,
        {
            plans: Record<string, unknown>;
            stores: Record<string, { name: string; status: string }>;
            rules: Record<string, { name: string; active: boolean }>;
            mappings: Record<string, { rule: { id: string } }>;
        }
    >;
}

const MAPPINGS = [
    { source: "username", target: "userName" },
    { source: "email", target: "workEmail" },
    { source: "id", target: "externalId" },
    { source: "enabled", target: "active" },
];
const RULES = "/v1/environments/:envId/propagation/rules";
const PLAN_RULES = "/v1/environments/:envId/propagation/plans/:planId/rules";

/** The package against the PingOne emulator where its sources say the real service differs from a naive reading. */
describe("PingOne providers follow the vendor sources", function () {
    this.timeout(60_000);
    let emulators: RunningEmulators;
    let target: ScimTarget;
    let other: string;
    const plans = new ProviderHarness("pingone:PropagationPlan");
    const stores = new ProviderHarness("pingone:PropagationStore");
    const rules = new ProviderHarness("pingone:PropagationRule");
    const revisions = new ProviderHarness("pingone:PropagationRevision");
    const control = () => emulators.pingone.control;
    const environment = async (id: string) => (await control().get<PingOneState>("/state")).environments[id]!;
    const routes = async () => (await control().requests()).log.map((r) => `${r.method} ${r.route}`);
    const storeInputs = (extra: object = {}) => ({
        environmentId: other,
        name: "Target",
        scimUrl: target.scimUrl,
        oauthTokenUrl: target.tokenUrl,
        oauthClientId: target.clientId,
        oauthClientSecret: "target-secret",
        ...extra,
    });
    const ruleInputs = (planId: string, targetStoreId: string, extra: object = {}) => ({
        environmentId: other,
        planId,
        targetStoreId,
        name: "To target",
        userFilter: { populationName: "Default" },
        mappings: MAPPINGS,
        ...extra,
    });

    before(async () => {
        emulators = await startTestEmulators({ pingoneEnvironments: 2 });
        emulators.useProviderEnvironment();
        other = emulators.pingone.environmentIds[1]!;
        target = await startScimTarget();
    });
    after(async () => {
        await target?.close();
        await emulators?.stop();
    });
    afterEach(async () => {
        await control().clearFaults();
        await control().put("/worker/roles", { environmentIds: null });
    });

    let planId: string;
    let store: { id: string; outs: Record<string, unknown> };
    let rule: { id: string; outs: Record<string, unknown> };

    it("manages another environment than the worker's, where the worker holds a role (A3)", async () => {
        assert.notEqual(pingOneSettings().environmentId, other, "the worker authenticates in the first environment");
        planId = (await plans.create({ environmentId: other })).id;
        store = await stores.create(storeInputs());
        rule = await rules.create(ruleInputs(planId, store.id));
        const live = await environment(other);
        assert.deepEqual(Object.keys(live.plans), [planId]);
        assert.equal(live.rules[rule.id]?.active, true);
        assert.deepEqual(Object.keys((await environment(emulators.pingone.environmentId)).rules), []);

        await control().put("/worker/roles", { environmentIds: [emulators.pingone.environmentId] });
        await assert.rejects(stores.read(store.id, store.outs), /HTTP 403 ACCESS_FAILED/);
    });

    it("switches the rules off before their connection (A5)", async () => {
        await control().resetRequests();
        const disabled = await stores.update(store.id, store.outs, storeInputs({ enabled: false }));
        assert.equal(disabled.enabled, false);
        assert.equal((await environment(other)).rules[rule.id]?.active, false);
        const writes = (await routes()).filter((r) => r.startsWith("PUT"));
        assert.deepEqual(writes, [`PUT ${RULES}/:ruleId`, "PUT /v1/environments/:envId/propagation/stores/:storeId"]);
        // The rule's own update follows in the same deployment; enabling it again needs the connection first.
        rule.outs = await rules.update(rule.id, rule.outs, ruleInputs(planId, store.id, { active: false }));
        await assert.rejects(
            rules.update(rule.id, rule.outs, ruleInputs(planId, store.id)),
            /enable the connection first/,
        );
        store.outs = await stores.update(store.id, disabled, storeInputs());
        rule.outs = await rules.update(rule.id, rule.outs, ruleInputs(planId, store.id));
        assert.equal((await environment(other)).rules[rule.id]?.active, true);
    });

    it("repeats requests safe to repeat on 408, 500 and UNEXPECTED_ERROR (A6)", async () => {
        const read = "GET /v1/environments/:envId/propagation/stores/:storeId";
        await control().addFault({ route: read, kind: "status", status: 408 });
        await control().addFault({ route: read, kind: "status", status: 500 });
        await control().addFault({ route: read, kind: "status", status: 400, code: "UNEXPECTED_ERROR" });
        await control().resetRequests();
        assert.equal((await stores.read(store.id, store.outs))?.storeId, store.id);
        assert.equal((await routes()).filter((r) => r === read).length, 4);

        await control().addFault({ route: read, kind: "status", status: 400 });
        await assert.rejects(stores.read(store.id, store.outs), /HTTP 400 INVALID_REQUEST/);
    });

    it("retries a 404 right after its own create, and never takes it for a deletion (A6)", async () => {
        const mappings = "POST /v1/environments/:envId/propagation/rules/:ruleId/mappings";
        await control().addFault({ route: mappings, kind: "status", status: 404, times: 2 });
        const created = await rules.create(ruleInputs(planId, store.id, { name: "Eventually consistent" }));
        const live = await environment(other);
        assert.equal(live.rules[created.id]?.active, true);
        const own = Object.values(live.mappings).filter((m) => m.rule.id === created.id);
        assert.equal(own.length, MAPPINGS.length, "each mapping created once");

        await control().addFault({ route: mappings, kind: "status", status: 404, times: 0 });
        const started = Date.now();
        await assert.rejects(
            rules.create(ruleInputs(planId, store.id, { name: "Never visible" })),
            (error: unknown) => {
                assert.ok(
                    error instanceof Error && (error.cause instanceof NotFoundError || /HTTP 404/.test(error.message)),
                );
                return true;
            },
        );
        assert.ok(Date.now() - started < 8_000, "the wait is bounded");
        await control().clearFaults();
        const leftover = Object.entries((await environment(other)).rules).find(([, r]) => r.name === "Never visible");
        assert.ok(leftover, "the rule exists and was recorded (partial failure), not forgotten");
        await rules.delete(leftover[0], {
            ...ruleInputs(planId, store.id),
            effectiveSourceStoreId: "",
            populationExpression: "",
        });
        await rules.delete(created.id, created.outs);
    });

    it("falls back to POST /rules only when the plan-scoped route is missing (A7)", async () => {
        await control().addFault({ route: `POST ${PLAN_RULES}`, kind: "status", status: 404 });
        await control().resetRequests();
        const created = await rules.create(ruleInputs(planId, store.id, { name: "Older path", active: false }));
        const log = await routes();
        assert.ok(log.includes(`POST ${RULES}`), log.join("\n"));
        await rules.delete(created.id, created.outs);

        await control().resetRequests();
        await assert.rejects(
            rules.create(
                ruleInputs("0b6a3c2d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", store.id, { name: "No plan", active: false }),
            ),
            /HTTP 404/,
        );
        assert.ok(!(await routes()).includes(`POST ${RULES}`), "a missing plan is not a missing route");
    });

    it("deletes a rule with ?deprovision=true only when its connection is managed (A12)", async () => {
        const client = new PingOneClient(pingOneSettings());
        const population = await client.findPopulationByName(other, "Default");
        const user = await client.createUser(other, {
            username: "jdoe",
            email: "jdoe@example.com",
            population: { id: population!.id },
        });
        await emulators.pingone.waitForProvisioningIdle();
        const provisioned = () => [...target.users.values()].find((u) => u.userName === "jdoe");
        assert.equal(provisioned()?.["active"], true);

        const deleteUrls = async () =>
            (await control().requests()).log.filter((r) => r.method === "DELETE" && r.route === `${RULES}/:ruleId`);
        await control().resetRequests();
        await rules.delete(rule.id, rule.outs);
        await emulators.pingone.waitForProvisioningIdle();
        assert.doesNotMatch((await deleteUrls())[0]!.url, /deprovision/);
        assert.equal(provisioned()?.["active"], true, "an unmanaged connection keeps the users");

        store.outs = await stores.update(store.id, store.outs, storeInputs({ managed: true }));
        rule = await rules.create(ruleInputs(planId, store.id));
        await revisions.create({ environmentId: other, triggers: { ruleId: rule.id } }); // provisions in-scope users
        await emulators.pingone.waitForProvisioningIdle();
        await control().resetRequests();
        await rules.delete(rule.id, rule.outs);
        await emulators.pingone.waitForProvisioningIdle();
        assert.match((await deleteUrls())[0]!.url, /\?deprovision=true$/);
        assert.equal(provisioned()?.["active"], false, "deprovisioned per REMOVE_ACTION=Disable");
        await client.deleteUser(other, user.id);
    });
});
