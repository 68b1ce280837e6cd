import { strict as assert } from "node:assert";
import type { EngineEvent } from "@pulumi/pulumi/automation";
import { DocuWarePingOneProvisioning } from "../../components";
import { type RunningEmulators, startTestEmulators } from "../helpers/emulators";
import { provisionUser } from "../helpers/projects";
import { StepRecorder, type TestStack, createInlineStack, printEngineVersion, requireEngine } from "../helpers/engine";

describe("DocuWarePingOneProvisioning through the engine", function () {
    this.timeout(600_000);
    let emulators: RunningEmulators;
    let test: TestStack;

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
    });
    after(async () => {
        await test?.dispose();
        await emulators?.stop();
    });

    it("deploys the guide's setup", async () => {
        const result = await test.stack.up();
        assert.equal(result.summary.result, "succeeded");
        console.log(result.outputs.status?.value);
        // Right after a clean up, a refresh finds nothing to change, even once provisioning has changed the
        // connection's sync state: status readings are no drift.
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
