import { strict as assert } from "node:assert";
import { DocuWarePingOneProvisioning } from "../../components";
import { PingOneClient } from "../../sdk/pingone/api/pingOneClient";
import { type RunningEmulators, startTestEmulators } from "../helpers/emulators";
import { docuwareState, pingoneState } from "../helpers/emulatorState";
import { type TestStack, printEngineVersion, requireEngine } from "../helpers/engine";
import { emulatorStack, upWithChanges } from "../helpers/lifecycle";

/** Provisioning changes never lose DocuWare users or replace what can change in place. */
describe("data safety of the component", function () {
    this.timeout(600_000);
    let emulators: RunningEmulators;
    let test: TestStack;
    const vars = { suffix: "" };
    const pingone = () => PingOneClient.fromConfig();
    const env = () => emulators.pingone.environmentId;
    const docuwareUsers = async () =>
        (await docuwareState(emulators)).Users.filter((u) => u.ExternalIdp === "ping").map((u) => ({
            name: u.Name,
            active: u.Active,
        }));

    before(async function () {
        requireEngine(this);
        printEngineVersion();
        emulators = await startTestEmulators();
        emulators.useProviderEnvironment();
        test = await emulatorStack(emulators, "data-safety", async () => {
            const provisioning = new DocuWarePingOneProvisioning("safe", {
                appRegistrationName: `Registration${vars.suffix}`,
                connectionName: `Connection${vars.suffix}`,
                ruleName: `Rule${vars.suffix}`,
            });
            return { clientId: provisioning.clientId, storeId: provisioning.storeId, ruleId: provisioning.ruleId };
        });
        await test.stack.up();
        for (const username of ["alice", "bob"]) {
            await pingone().createUser(env(), { username, email: `${username}@example.com` });
        }
        await emulators.pingone.waitForProvisioningIdle();
    });
    after(async () => {
        await test?.dispose();
        await emulators?.stop();
    });

    it("changes names in place: the registration, the connection and the rule keep their ids", async () => {
        const before = await test.stack.outputs();
        vars.suffix = " (renamed)";
        const changes = await upWithChanges(test);
        assert.ok(
            changes.every((c) => c.startsWith("update ")),
            changes.join("; "),
        );
        assert.deepEqual(
            changes.filter((c) => !c.startsWith("update safe-revision")),
            ["update safe-connection [name]", "update safe-registration [name]", "update safe-rule [name]"],
        );
        const after = await test.stack.outputs();
        for (const key of ["clientId", "storeId", "ruleId"]) {
            assert.equal(after[key]!.value, before[key]!.value, `${key} unchanged`);
        }
    });

    it("disables, never deletes, a DocuWare user deleted in PingOne (default remove action)", async () => {
        const bob = await pingone().findUserByUsername(env(), "bob");
        await pingone().deleteUser(env(), bob!.id);
        await emulators.pingone.waitForProvisioningIdle();
        assert.deepEqual(await docuwareUsers(), [
            { name: "alice", active: true },
            { name: "bob", active: false },
        ]);
    });

    it("deactivates the rule before deleting it and the connection on destroy, keeping every DocuWare user", async () => {
        const usersBefore = await docuwareUsers();
        assert.equal(usersBefore.length, 2, "alice and bob were provisioned");
        await emulators.pingone.control.resetRequests();
        await test.stack.destroy();
        const writes = (await emulators.pingone.control.requests()).log
            .filter((r) => r.method !== "GET" && !r.route.endsWith("/as/token"))
            .map((r) => `${r.method} ${r.route.replace("/v1/environments/:envId/propagation", "")}`);
        const deactivate = writes.indexOf("PUT /rules/:ruleId");
        const deleteRule = writes.indexOf("DELETE /rules/:ruleId");
        const deleteStore = writes.indexOf("DELETE /stores/:storeId");
        assert.ok(deactivate >= 0 && deactivate < deleteRule && deleteRule < deleteStore, writes.join(", "));
        assert.deepEqual(await docuwareUsers(), usersBefore);
        assert.deepEqual(Object.keys((await pingoneState(emulators)).rules), []);
    });
});
