import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import * as path from "node:path";
import type { LocalWorkspace } from "@pulumi/pulumi/automation";
import { startBenchEmulators } from "./benchEmulators";
import { createBenchStack } from "./benchStack";
import { componentProgram } from "./componentProgram";
import { floorProgram } from "./floorProgram";
import { summarizeCpuProfiles } from "./cpuProfileSummary";
import { type Operation, OPERATIONS, runOperation } from "./scaleRun";
import { timed } from "./timed";

/**
 * CPU profiles of each operation on `BENCH_COMPONENTS` (default 50) components: the program (this process, which
 * hosts the inline program) through the inspector, the dynamic-provider process through `node --cpu-prof`. Writes
 * the profiles under .work/profiles/<operation>/ and prints a summary of each.
 */
async function main(): Promise<void> {
    const count = Number(process.env.BENCH_COMPONENTS ?? 50);
    const operations = (process.env.PROFILE_OPERATIONS?.split(",") ?? OPERATIONS) as Operation[];
    const root = path.resolve(
        __dirname,
        "..",
        ".work",
        process.env.PROFILE_FLOOR === "1" ? "profiles-floor" : "profiles",
    );
    const { emulators, organizationUrls, providerEnvironment } = await startBenchEmulators(count);
    // PROFILE_FLOOR=1 profiles the floor stack (no-op resources of the same shape) instead, for comparison.
    const floor = process.env.PROFILE_FLOOR === "1";
    const program = floor ? floorProgram(count) : componentProgram(organizationUrls);
    const bench = await createBenchStack(`profile-${count}`, program, floor ? {} : providerEnvironment);
    const session = new Session();
    session.connect();
    await session.post("Profiler.enable");
    try {
        for (const operation of operations) {
            const dir = path.join(root, operation.replace(/\W+/g, "-"));
            mkdirSync(dir, { recursive: true });
            (bench.stack.workspace as LocalWorkspace).envVars.NODE_OPTIONS = `--require ${writeProfileHook(dir)}`;
            await session.post("Profiler.start");
            const run = await timed(() => runOperation(bench.stack, operation));
            const { profile } = await session.post("Profiler.stop");
            writeFileSync(path.join(dir, "program.cpuprofile"), JSON.stringify(profile));
            console.log(`\n=== ${operation}, ${count} components: ${run.seconds.toFixed(1)} s`);
            const files = readdirSync(dir).filter((f) => f.endsWith(".cpuprofile"));
            const groups = [["program.cpuprofile"], files.filter((f) => f.startsWith("provider-"))];
            for (const group of groups.filter((g) => g.length > 0)) {
                const file = group.length > 1 ? `provider (${group.length} slices)` : group[0]!;
                const s = summarizeCpuProfiles(group.map((f) => path.join(dir, f)));
                console.log(`${file}: ${s.totalMs.toFixed(0)} ms, busy ${s.busyMs.toFixed(0)} ms`);
                for (const [name, ms] of s.totalByModule.slice(0, 12)) {
                    console.log(`  ${ms.toFixed(0).padStart(7)} ms  ${name}`);
                }
            }
        }
    } finally {
        session.disconnect();
        delete (bench.stack.workspace as LocalWorkspace).envVars.NODE_OPTIONS;
        await bench.dispose({ destroyFirst: true });
        await emulators.close();
    }
}

/**
 * The engine kills the dynamic-provider process at the end of an operation, before `--cpu-prof` writes anything: this
 * preloaded script profiles the process through the inspector and saves the profile in one-second slices instead.
 */
function writeProfileHook(dir: string): string {
    const file = path.join(dir, "hook.js");
    const code = `
const { Session } = require("node:inspector");
const { writeFileSync } = require("node:fs");
const session = new Session();
session.connect();
let slice = 0;
session.post("Profiler.enable", () => session.post("Profiler.start"));
setInterval(() => {
    session.post("Profiler.stop", (error, result) => {
        if (!error) {
            writeFileSync(${JSON.stringify(dir)} + "/provider-" + process.pid + "-" + String(slice++).padStart(4, "0") + ".cpuprofile", JSON.stringify(result.profile));
        }
        session.post("Profiler.start");
    });
}, 1000).unref();
`;
    writeFileSync(file, code);
    return file;
}

main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
});
