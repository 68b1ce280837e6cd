import { strict as assert } from "node:assert";
import { randomBytes } from "node:crypto";
import { rmSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { LocalWorkspace, type Stack } from "@pulumi/pulumi/automation";
import { pingOneStackConfig } from "../../emulators/stackConfig";
import { type CliResult, assertNoSecrets, describeRun, runCli } from "../helpers/cliRunner";
import { type RunningEmulators, startTestEmulators } from "../helpers/emulators";
import { engineWorkDir, fastEngineEnvironment, printEngineVersion, requireEngine } from "../helpers/engine";

/** A user's Pulumi project: the component from the package, a rule name and a failure switch from config. */
const PROGRAM = `import * as pulumi from "@pulumi/pulumi";
import { DocuWarePingOneProvisioning } from "pulumi-docuware-pingone";

const config = new pulumi.Config();
if (config.getBoolean("fail")) {
    throw new Error(\`refusing to deploy with marker \${config.require("marker")}\`);
}
const provisioning = new DocuWarePingOneProvisioning("acme", { ruleName: config.get("ruleName") });
export const status = provisioning.status;
`;

const MARKER = `marker-secret-${randomBytes(6).toString("hex")}`;

interface DriftDocument {
    stack: string;
    drift: boolean;
    resourcesChecked: number;
    differences: {
        resource: string;
        type: string;
        property: string;
        expected: unknown;
        actual: unknown;
        cause: string;
    }[];
}

describe("docuware-pingone drift (real pulumi, project folder, emulators)", function () {
    this.timeout(600_000);
    let emulators: RunningEmulators;
    let workDir: string;
    let stack: Stack;
    let env: Record<string, string>;
    let secrets: string[];

    const drift = async (args: string[], extraEnv: Record<string, string> = {}): Promise<CliResult> => {
        const result = await runCli(["drift", ...args], { ...env, ...extraEnv }, { timeoutMs: 300_000 });
        assertNoSecrets(result, secrets);
        return result;
    };
    const driftJson = async (): Promise<DriftDocument> => {
        const result = await drift(["--stack", stack.name, "--cwd", workDir, "--json"]);
        assert.equal(result.code, 2, describeRun(result));
        return JSON.parse(result.stdout) as DriftDocument;
    };
    const ruleId = async () => {
        const state = await emulators.pingone.control.get<{
            environments: Record<string, { rules: Record<string, unknown> }>;
        }>("/state");
        return Object.keys(state.environments[emulators.pingone.environmentId]!.rules)[0]!;
    };
    const rulePath = async () => `/environments/${emulators.pingone.environmentId}/rules/${await ruleId()}`;

    // Each test starts from the deployment made here and leaves it so (a console change is switched back).
    before(async function () {
        requireEngine(this);
        printEngineVersion();
        emulators = await startTestEmulators();
        env = {
            ...emulators.providerEnvironment(),
            PULUMI_CONFIG_PASSPHRASE: process.env.PULUMI_CONFIG_PASSPHRASE ?? "test",
            ...fastEngineEnvironment(),
        };
        secrets = [MARKER, env.PINGONE_CLIENT_SECRET!, env.DOCUWARE_CLIENT_SECRET!];
        workDir = engineWorkDir("drift-command");
        writeFileSync(path.join(workDir, "Pulumi.yaml"), "name: drift-command\nruntime: nodejs\n");
        // The nearest package.json names the program; dependencies resolve from the repository's node_modules.
        writeFileSync(path.join(workDir, "package.json"), JSON.stringify({ name: "drift-command", main: "index.ts" }));
        writeFileSync(path.join(workDir, "index.ts"), PROGRAM);
        stack = await LocalWorkspace.createStack(
            { stackName: `drift-${randomBytes(3).toString("hex")}`, workDir },
            { envVars: env },
        );
        await stack.setConfig("marker", { value: MARKER, secret: true });
        const result = await stack.up();
        assert.equal(result.summary.result, "succeeded");
    });

    after(async () => {
        try {
            if (stack) {
                await stack.setConfig("fail", { value: "false" });
                await stack.destroy();
                await stack.workspace.removeStack(stack.name);
            }
        } finally {
            if (workDir) {
                rmSync(workDir, { recursive: true, force: true });
            }
            await emulators?.stop();
        }
    });

    it("exits 0 without drift, using the project's selected stack when --stack is left out", async () => {
        const result = await drift(["--cwd", workDir]);
        assert.equal(result.code, 0, describeRun(result));
        assert.equal(result.stdout, `No drift in stack ${stack.name}: the 6 resources match the program.\n`);
        assert.match(
            result.stderr,
            new RegExp(`^refreshing 6 resources of stack ${stack.name}…$`, "m"),
            "as many as it checks",
        );
        assert.match(result.stderr, /^running the program to compare it with the live objects…$/m);
    });

    it("exits 2 with a table row for a rule switched off in the console", async () => {
        await emulators.pingone.control.patch(await rulePath(), { active: false });
        try {
            const result = await drift(["--stack", stack.name, "--cwd", workDir]);
            assert.equal(result.code, 2, describeRun(result));
            const lines = result.stdout.split("\n");
            assert.equal(lines[0], `Drift in stack ${stack.name}: 1 difference in 1 of 6 resources.`);
            assert.match(lines[2]!, /^RESOURCE\s+TYPE\s+PROPERTY\s+EXPECTED\s+ACTUAL\s+CAUSE$/);
            assert.match(
                lines[4]!,
                /^acme-rule\s+pingone:PropagationRule\s+active\s+true\s+false\s+changed outside Pulumi$/,
            );
            assert.equal(lines[5], "");
        } finally {
            // `drift` changes nothing, so switching the rule back in the console leaves the stack as deployed.
            await emulators.pingone.control.patch(await rulePath(), { active: true });
        }
    });

    it("tells a change outside Pulumi from a program change in the JSON document", async () => {
        await emulators.pingone.control.patch(await rulePath(), { active: false });
        await stack.setConfig("ruleName", { value: "Renamed in the program" });
        try {
            const document = await driftJson();
            assert.equal(document.stack, stack.name);
            assert.equal(document.drift, true);
            assert.equal(document.resourcesChecked, 6);
            assert.deepEqual(
                document.differences.map((d) => [d.resource, d.property, d.expected, d.actual, d.cause]),
                [
                    ["acme-rule", "active", true, false, "changed-outside-pulumi"],
                    ["acme-rule", "name", "Renamed in the program", "PingOne to DocuWare (acme)", "program-change"],
                    [
                        "acme-revision",
                        "triggers.configuration",
                        document.differences[2]?.expected,
                        document.differences[2]?.actual,
                        "program-change",
                    ],
                ],
            );
        } finally {
            await stack.removeConfig("ruleName");
            await emulators.pingone.control.patch(await rulePath(), { active: true });
        }
    });

    it("reports a rule deleted outside Pulumi, and the revision that follows from it", async () => {
        await emulators.pingone.control.delete(await rulePath());
        try {
            const document = await driftJson();
            assert.deepEqual(
                document.differences.map((d) => [d.resource, d.property, d.expected, d.actual, d.cause]),
                [
                    ["acme-rule", "(resource)", "exists", "missing", "deleted-outside-pulumi"],
                    [
                        "acme-revision",
                        "triggers.configuration",
                        "(known after deployment)",
                        document.differences[1]?.actual,
                        "follows-other-change",
                    ],
                ],
            );
        } finally {
            await stack.up({ refresh: true });
        }
    });

    it("exits 1 for an unknown stack or a folder without a project", async () => {
        const unknown = await drift(["--stack", "no-such-stack", "--cwd", workDir]);
        assert.equal(unknown.code, 1, describeRun(unknown));
        assert.match(
            unknown.stderr,
            /^error: Stack "no-such-stack" does not exist in the Pulumi project in \S+; check --stack and --cwd/m,
        );
        assert.equal(unknown.stdout, "");

        const noProject = await drift(["--stack", stack.name, "--cwd", path.dirname(workDir), "--json"]);
        assert.equal(noProject.code, 1, describeRun(noProject));
        assert.match(noProject.stderr, /^error: /m);
        const document = JSON.parse(noProject.stdout) as { error: { message: string } };
        assert.ok(document.error.message.length > 0);
    });

    it("exits 1 when the preview fails, never printing the stack's secret config", async () => {
        await stack.setConfig("fail", { value: "true" });
        try {
            const result = await drift(["--stack", stack.name, "--cwd", workDir]);
            assert.equal(result.code, 1, describeRun(result));
            assert.match(
                result.stderr,
                /^error: The refresh preview of stack \S+ failed: Running program '\S+index\.ts' failed with an unhandled exception: Error: refusing to deploy with marker \[secret\]$/m,
            );
        } finally {
            await stack.setConfig("fail", { value: "false" });
        }
    });

    it("exits 1 when a service cannot be reached during the refresh", async () => {
        const result = await drift(["--stack", stack.name, "--cwd", workDir], {
            PINGONE_API_URL: "http://127.0.0.1:9",
        });
        assert.equal(result.code, 1, describeRun(result));
        assert.match(result.stderr, /^error: The refresh preview of stack \S+ failed: .*connection was refused/m);
        assert.match(result.stderr, /\(connect ECONNREFUSED 127\.0\.0\.1:9\) \(and \d+ more\)$/m, "each error once");
        assert.doesNotMatch(result.stderr, /Preview failed:/);
    });

    it("lets verify read its settings from the stack's config with --stack", async () => {
        const pingone = emulators.connection().pingone;
        await stack.setAllConfig({
            ...pingOneStackConfig(pingone),
            "docuware-pingone:connection": { value: "DocuWare (acme)" },
        });
        const passphrase = { PULUMI_CONFIG_PASSPHRASE: env.PULUMI_CONFIG_PASSPHRASE! };
        const result = await runCli(["verify", "--stack", stack.name, "--cwd", workDir, "--json"], passphrase);
        assertNoSecrets(result, secrets);
        assert.equal(result.code, 0, describeRun(result));
        const document = JSON.parse(result.stdout) as { steps: { step: string; status: string }[] };
        assert.deepEqual(
            document.steps.map((s) => `${s.step} ${s.status}`),
            ["connection passed", "sync-status passed", "docuware skipped", "connection-test skipped"],
        );
    });
});
