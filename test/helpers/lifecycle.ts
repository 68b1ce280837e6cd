import { strict as assert } from "node:assert";
import type { PulumiFn } from "@pulumi/pulumi/automation";
import type { RunningEmulators } from "./emulators";
import { requestTotal, resetRequests } from "./emulatorState";
import { StepRecorder, type TestStack, createInlineStack } from "./engine";

/** An inline stack against the emulators, deployed with the real engine. */
export function emulatorStack(emulators: RunningEmulators, projectName: string, program: PulumiFn): Promise<TestStack> {
    return createInlineStack({ projectName, program, envVars: emulators.providerEnvironment() });
}

/** `pulumi up`, returning the planned changes as `op name [inputs]` lines. */
export async function upWithChanges(test: TestStack, refresh = false): Promise<string[]> {
    const steps = new StepRecorder();
    const result = await test.stack.up({ onEvent: steps.onEvent, refresh });
    assert.equal(result.summary.result, "succeeded");
    return steps.changes();
}

/** A preview without refresh shows no change and sends no request to either service. */
export async function assertQuietPreview(test: TestStack, emulators: RunningEmulators): Promise<void> {
    await resetRequests(emulators);
    const steps = new StepRecorder();
    await test.stack.preview({ onEvent: steps.onEvent });
    assert.deepEqual(steps.changes(), []);
    assert.equal(await requestTotal(emulators), 0, "a preview without refresh must not call the services");
}

/** `pulumi preview --refresh`, returning the planned changes. */
export async function refreshPreview(test: TestStack): Promise<string[]> {
    const steps = new StepRecorder();
    await test.stack.preview({ refresh: true, onEvent: steps.onEvent });
    return steps.changes();
}
