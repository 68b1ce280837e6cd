import { strict as assert } from "node:assert";
import { PropagationPlan } from "../../sdk/pingone";
import { type RunningEmulators, startTestEmulators } from "../helpers/emulators";
import { type TestStack, printEngineVersion, requireEngine } from "../helpers/engine";
import { emulatorStack } from "../helpers/lifecycle";

describe("Waits in the engine output", function () {
    this.timeout(300_000);
    let emulators: RunningEmulators;
    let test: TestStack;

    before(async function () {
        requireEngine(this);
        printEngineVersion();
        emulators = await startTestEmulators();
        emulators.useProviderEnvironment();
        test = await emulatorStack(emulators, "retry-log", async () => ({
            planId: new PropagationPlan("plan", { name: "Waiting Plan" }).planId,
        }));
    });
    after(async () => {
        await test?.dispose();
        await emulators?.stop();
    });

    it("names the resource, the service and the wait of a rate-limited request in `pulumi up`, once per wait", async () => {
        await emulators.pingone.control.addFault({
            route: "POST /v1/environments/:envId/propagation/plans",
            kind: "status",
            status: 429,
            retryAfterSeconds: 1,
            times: 2,
        });
        let output = "";
        const waits: string[] = [];
        await test.stack.up({
            onOutput: (text) => (output += text),
            onEvent: (event) => {
                const message = event.diagnosticEvent?.message ?? "";
                if (message.includes("rate limit")) {
                    waits.push(message);
                }
            },
        });
        // The engine shows the provider's stderr as the stack's diagnostics: in the progress and in the summary.
        assert.match(output, /Diagnostics:[\s\S]*pingone:PropagationPlan "Waiting Plan": PingOne rate limit/);
        assert.equal(waits.length, 2, waits.join("\n"));
        assert.match(
            waits[0]!,
            /pingone:PropagationPlan "Waiting Plan": PingOne rate limit \(HTTP 429\): waiting \d+\.\d s before repeating POST \/v1\/environments\/[^/]+\/propagation\/plans \(wait 1, for at most 300 s in all\)/,
        );
        assert.match(waits[1]!, /\(wait 2, /);
    });
});
