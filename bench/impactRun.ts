import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { LocalWorkspace } from "@pulumi/pulumi/automation";
import { DirectoryReader } from "../bin/impact/directoryReader";
import { Output } from "../bin/output";
import { startEmulators } from "../emulators";
import { emulatorStackConfig } from "../emulators/stackConfig";
import { PingOneClient } from "../sdk/pingone/api/pingOneClient";
import { PopulationSchema } from "../sdk/pingone/api/schemas";
import { describeRun, runCli } from "../test/helpers/cliRunner";
import { machineInfo } from "./machineInfo";
import { timed } from "./timed";

const REPO_ROOT = path.resolve(__dirname, "..");
const USERS = Number(process.env.BENCH_IMPACT_USERS ?? 10_000);
/** Users per control-API request (the emulator's body limit is 1 MiB). */
const SEED_BATCH = 2_000;

const PROGRAM = `import * as pulumi from "@pulumi/pulumi";
import { DocuWarePingOneProvisioning } from "pulumi-docuware-pingone";

new DocuWarePingOneProvisioning("acme", { userFilter: new pulumi.Config().requireObject("userFilter") });
`;

/**
 * \`npm run bench:impact\`: wall time of \`docuware-pingone impact\` (CLI, engine preview with refresh, directory reads)
 * when a rule's filter moves to a population of BENCH_IMPACT_USERS users (default 10,000), once evaluated by
 * PingOne's users filter and once locally (all users read, scim2-parse-filter). Appends a line to
 * bench/results/impact.md.
 */
async function main(): Promise<void> {
    const emulators = await startEmulators();
    const workDir = path.join(REPO_ROOT, ".work", "bench", `impact-${randomBytes(3).toString("hex")}`);
    mkdirSync(workDir, { recursive: true });
    const env = { PULUMI_CONFIG_PASSPHRASE: process.env.PULUMI_CONFIG_PASSPHRASE ?? "bench" };
    try {
        const pingone = emulators.connection().pingone;
        const client = new PingOneClient({
            clientId: pingone.workerClientId,
            clientSecret: pingone.workerClientSecret,
            environmentId: pingone.environmentId,
            authUrl: pingone.authUrl,
            apiUrl: pingone.apiUrl,
        });
        const staff = await client.http.request({
            method: "POST",
            path: `/environments/${pingone.environmentId}/populations`,
            body: { name: "Staff" },
            responseSchema: PopulationSchema,
        });
        const seeding = await timed(async () => {
            for (let start = 0; start < USERS; start += SEED_BATCH) {
                const users = Array.from({ length: Math.min(SEED_BATCH, USERS - start) }, (_, i) => ({
                    username: `staff-${start + i}`,
                    email: `staff-${start + i}@example.com`,
                    name: { given: "Staff", family: `Member ${start + i}` },
                    population: { id: staff.id },
                }));
                await emulators.pingone.control.post(`/environments/${pingone.environmentId}/users`, { users });
            }
        });
        console.log(`bench: ${USERS} users seeded in ${seeding.seconds.toFixed(1)} s`);

        writeFileSync(path.join(workDir, "Pulumi.yaml"), "name: bench-impact\nruntime: nodejs\n");
        writeFileSync(path.join(workDir, "package.json"), JSON.stringify({ name: "bench-impact", main: "index.ts" }));
        writeFileSync(path.join(workDir, "index.ts"), PROGRAM);
        const stack = await LocalWorkspace.createStack({ stackName: "bench", workDir }, { envVars: env });
        await stack.setAllConfig({
            ...emulatorStackConfig(emulators),
            userFilter: { value: JSON.stringify({ populationName: "Default" }) },
        });
        await stack.up();
        const lines: string[] = [];
        for (const [label, userFilter] of [
            ["PingOne filter", { populationName: "Staff" }],
            ["locally (scim2-parse-filter)", { expression: 'population.name eq "Staff"' }],
        ] as const) {
            await stack.setConfig("userFilter", { value: JSON.stringify(userFilter) });
            const run = await timed(() =>
                runCli(["impact", "--stack", "bench", "--cwd", workDir, "--json"], env, { timeoutMs: 600_000 }),
            );
            const document = JSON.parse(run.value.stdout) as { provisioning: number };
            if (run.value.code !== 0 || document.provisioning !== USERS) {
                throw new Error(`impact did not report ${USERS} users entering:\n${describeRun(run.value)}`);
            }
            console.log(`bench: impact, ${USERS} users entering, evaluated ${label}: ${run.seconds.toFixed(1)} s`);
            lines.push(
                `- ${new Date().toISOString().slice(0, 10)}: \`impact\` with ${USERS.toLocaleString("en")} users entering ` +
                    `a rule, evaluated ${label}: ${run.seconds.toFixed(1)} s (CLI, preview with refresh of 6 ` +
                    `resources, directory read in pages of 200; ${machineInfo().cpu} × ${machineInfo().cores})`,
            );
        }
        // The directory part alone, in process: the users read with paging and matched.
        Object.assign(process.env, emulators.providerEnvironment());
        for (const [label, expression] of [
            ["PingOne filter", `population.id eq "${staff.id}"`],
            ["locally (scim2-parse-filter)", 'population.name eq "Staff"'],
        ] as const) {
            const reader = new DirectoryReader(new Output({ write: () => true }, { write: () => true }));
            const read = await timed(() => reader.usersMatching(pingone.environmentId, undefined, expression));
            if (read.value.users.length !== USERS) {
                throw new Error(`The directory read found ${read.value.users.length} users, not ${USERS}.`);
            }
            lines.push(
                `- ${new Date().toISOString().slice(0, 10)}: the directory read alone (in process): ${USERS.toLocaleString("en")} users ` +
                    `(${USERS / 200} pages) and matching them, evaluated ${label}: ${read.seconds.toFixed(1)} s`,
            );
        }
        await stack.destroy();
        await stack.workspace.removeStack("bench");
        const results = path.join(REPO_ROOT, "bench", "results", "impact.md");
        writeFileSync(
            results,
            [
                "# Benchmark: `docuware-pingone impact` on a large directory",
                "",
                "From `npm run bench:impact`.",
                "",
                ...lines,
                "",
            ].join("\n"),
        );
        console.log(lines.join("\n"));
    } finally {
        rmSync(workDir, { recursive: true, force: true });
        await emulators.close();
    }
}

main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
});
