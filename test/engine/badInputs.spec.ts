import { strict as assert } from "node:assert";
import { DocuWarePingOneProvisioning } from "../../components";
import { PropagationPlan, PropagationRule } from "../../sdk/pingone";
import { type RunningEmulators, startTestEmulators } from "../helpers/emulators";
import { requestTotal, resetRequests } from "../helpers/emulatorState";
import { type TestStack, createInlineStack, printEngineVersion, requireEngine } from "../helpers/engine";

interface BadInput {
    name: string;
    program: () => void;
    /** Text the failed preview must show exactly once: the field and the fix. */
    message: string;
    /** Provider environment changed for this case; runs in a stack of its own. */
    env?: Record<string, string>;
}

/**
 * A few bad inputs through the CLI, one per way a failure reaches the user (component arguments, a resource's
 * `check` failures, a provider setting read by `check`). The full table (every input class, one `it` per row) is at
 * unit level: test/unit/validation/badInputs.spec.ts.
 */
const CASES: BadInput[] = [
    {
        name: "a component mapping to a target DocuWare does not accept",
        program: () =>
            void new DocuWarePingOneProvisioning("bad", {
                mappings: [
                    { source: "username", target: "userName" },
                    { source: "title", target: "jobTitle" },
                ],
            }),
        message: '`mappings[1].target` "jobTitle" is not an attribute DocuWare\'s SCIM service accepts',
    },
    {
        name: "a rule whose plan id is not a PingOne id",
        program: () =>
            void new PropagationRule("bad", {
                planId: "plan-1",
                targetStoreId: "3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f",
                name: "Rule",
                userFilter: { populationName: "Default" },
                mappings: [{ source: "username", target: "userName" }],
            }),
        message: 'planId must be a PingOne id (a UUID such as 9a3b1c2d-4e5f-4a6b-8c7d-0e1f2a3b4c5d), got "plan-1"',
    },
    {
        name: "a configured environment id that is not a PingOne id",
        env: { PINGONE_ENVIRONMENT_ID: "my-environment" },
        program: () => void new PropagationPlan("bad"),
        message:
            'the stack config `pingone:environmentId` (PINGONE_ENVIRONMENT_ID) must be a PingOne id (a UUID such as 9a3b1c2d-4e5f-4a6b-8c7d-0e1f2a3b4c5d), got "my-environment"',
    },
    {
        name: "missing DocuWare admin credentials",
        env: { DOCUWARE_CLIENT_ID: "", DOCUWARE_CLIENT_SECRET: "" },
        program: () => void new DocuWarePingOneProvisioning("bad"),
        message: "DocuWare credentials are incomplete; set `docuware:clientId`",
    },
];

const occurrences = (text: string, part: string) => text.split(part).length - 1;

describe("bad input fails at preview through the CLI: the message once, no stack trace, no request", function () {
    this.timeout(300_000);
    let emulators: RunningEmulators;
    let current: () => void = () => undefined;
    const stacks: TestStack[] = [];
    let shared: TestStack;

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
        shared = await stackWith();
    });
    after(async () => {
        for (const test of stacks) {
            await test.dispose();
        }
        await emulators?.stop();
    });

    for (const bad of CASES) {
        it(bad.name, async () => {
            current = bad.program;
            const test = bad.env ? await stackWith(bad.env) : shared;
            let output = "(the preview succeeded)";
            await test.stack.preview().catch((error: unknown) => {
                output = error instanceof Error ? error.message : String(error);
            });
            // The error repeats the CLI's output; its first Diagnostics section is what the user saw. An inline
            // program's error is also echoed under the stack by the Automation API's language server (a program run by
            // the CLI shows it once: test/engine/packedPackage.spec.ts), so that section is left out.
            const start = output.indexOf("Diagnostics:");
            const diagnostics = output.slice(start, output.indexOf("\nResources:", start));
            const resourceDiagnostics = diagnostics.replace(/^ {2}pulumi:pulumi:Stack \(.*\):\n(?: {4}.*\n|\n)*/m, "");
            assert.equal(occurrences(resourceDiagnostics, bad.message), 1, `the message once in:\n${diagnostics}`);
            assert.doesNotMatch(diagnostics, /^\s+at .+:\d+:\d+\)?$/m, "no stack trace");
            assert.equal(await requestTotal(emulators), 0, "no request reached either service");
        });
    }
});
