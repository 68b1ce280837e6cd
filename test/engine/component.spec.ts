import { strict as assert } from "node:assert";
import type { EngineEvent, UpResult } from "@pulumi/pulumi/automation";
import { DocuWarePingOneProvisioning } from "../../components";
import { type RunningEmulators, startTestEmulators } from "../helpers/emulators";
import { provisionUser } from "../helpers/projects";
import { StepRecorder, type TestStack, createInlineStack, printEngineVersion, requireEngine } from "../helpers/engine";

describe("DocuWarePingOneProvisioning through the engine", function () {
    this.timeout(600_000);
    let emulators: RunningEmulators;
    let test: TestStack;
    let deployed: UpResult;

    // Every test starts from the deployed setup (made here, not by another test) and leaves it as it found it.
    before(async function () {
        requireEngine(this);
        printEngineVersion();
        emulators = await startTestEmulators();
        test = await createInlineStack({
            projectName: "component",
            envVars: emulators.providerEnvironment(),
            program: async () => {
                const provisioning = new DocuWarePingOneProvisioning("acme", {});
                return { scimBaseUrl: provisioning.scimBaseUrl, status: provisioning.status };
            },
        });
        deployed = await test.stack.up();
    });
    after(async () => {
        await test?.dispose();
        await emulators?.stop();
    });

    it("deploys the guide's setup", () => {
        assert.equal(deployed.summary.result, "succeeded");
        assert.equal(
            deployed.outputs.status?.value,
            'DocuWare provisioning on (ping); connection "DocuWare (acme)" on; rule "PingOne to DocuWare (acme)" on, 6 mappings',
        );
    });

    it("finds nothing to change on refresh after provisioning changed the connection's sync state", async () => {
        // Status readings are no drift.
        const user = await provisionUser(emulators, emulators.connection().pingone, "refresh-user");
        const steps = new StepRecorder();
        let connection: Record<string, unknown> | undefined;
        const onEvent = (event: EngineEvent) => {
            steps.onEvent(event);
            const refreshed = event.resOutputsEvent?.metadata;
            if (refreshed?.op === "refresh" && refreshed.urn.endsWith("::acme-connection")) {
                connection = refreshed.new?.outputs;
            }
        };
        try {
            await test.stack.preview({ refresh: true, expectNoChanges: true, onEvent });
        } finally {
            await user.delete();
        }
        assert.deepEqual(steps.changes(), []);
        assert.equal(connection?.syncState, "SYNCING", "the refresh read the new sync state");
    });

    it("previews no changes, sending no request", async () => {
        await emulators.pingone.control.resetRequests();
        await emulators.docuware[0]!.control.resetRequests();
        const steps = new StepRecorder();
        await test.stack.preview({ onEvent: steps.onEvent });
        assert.deepEqual(steps.changes(), []);
        assert.equal((await emulators.pingone.control.requests()).total, 0);
        assert.equal((await emulators.docuware[0]!.control.requests()).total, 0);
    });

    it("shows a rule switched off in the console on preview --refresh", async () => {
        const state = await emulators.pingone.control.get<{
            environments: Record<string, { rules: Record<string, unknown> }>;
        }>("/state");
        const ruleId = Object.keys(state.environments[emulators.pingone.environmentId]!.rules)[0]!;
        await emulators.pingone.control.patch(`/environments/${emulators.pingone.environmentId}/rules/${ruleId}`, {
            active: false,
        });
        const steps = new StepRecorder();
        await test.stack.preview({ refresh: true, onEvent: steps.onEvent });
        assert.deepEqual(steps.changes(), ["update acme-rule [active]"]);
        await test.stack.up({ refresh: true });
    });
});

describe("DocuWarePingOneProvisioning through the engine: a POST-only worker app managing another environment", function () {
    this.timeout(600_000);
    let emulators: RunningEmulators;
    let test: TestStack;

    before(async function () {
        requireEngine(this);
        emulators = await startTestEmulators({ pingoneTokenAuth: "client_secret_post", pingoneEnvironments: 2 });
        const other = emulators.pingone.environmentIds[1]!;
        test = await createInlineStack({
            projectName: "component-post-auth",
            envVars: emulators.providerEnvironment(),
            program: async () => {
                const provisioning = new DocuWarePingOneProvisioning("acme", { environmentId: other });
                return { ruleId: provisioning.ruleId };
            },
        });
    });
    after(async () => {
        await test?.dispose();
        await emulators?.stop();
    });

    it("deploys into the other environment (Basic refused, the form body used) and destroys it", async () => {
        const other = emulators.pingone.environmentIds[1]!;
        const result = await test.stack.up();
        assert.equal(result.summary.result, "succeeded");
        const state = await emulators.pingone.control.get<{
            environments: Record<string, { rules: Record<string, { active: boolean }> }>;
        }>("/state");
        assert.equal(state.environments[other]!.rules[result.outputs.ruleId!.value as string]?.active, true);
        assert.deepEqual(Object.keys(state.environments[emulators.pingone.environmentId]!.rules), []);
        const tokenRequests = (await emulators.pingone.control.requests()).log.filter(
            (r) => r.method === "POST" && r.route === "/:envId/as/token",
        );
        assert.ok(tokenRequests.some((r) => r.status === 401) && tokenRequests.some((r) => r.status === 200));
        assert.equal((await test.stack.destroy()).summary.result, "succeeded");
    });
});
