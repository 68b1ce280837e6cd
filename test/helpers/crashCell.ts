import { strict as assert } from "node:assert";
import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync, rmSync, statSync } from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import type { ConfigMap } from "@pulumi/pulumi/automation";
import type { HoldOutcome } from "../../emulators/shared/controlPlane";
import { emulatorStackConfig } from "../../emulators/stackConfig";
import { type RunningEmulators, startTestEmulators } from "./emulators";
import { configurationSnapshot, docuwareState, pingoneState } from "./emulatorState";
import { ROOT_PROJECT_FILES, type ProjectStack, createPopulation, createProjectStack } from "./projects";
import { killTree } from "./processTree";

/** (a) a first `up` of one component, (b) an `up` changing mappings and user filter, (c) a `destroy`. */
export type CrashMode = "first-up" | "change-up" | "destroy";

/** One request of a clean run: where the kill is placed. */
export interface CrashPoint {
    service: "pingone" | "docuware";
    method: string;
    route: string;
    /** Earlier requests of the same method and route in the run: the hold fault's `skip`. */
    skip: number;
}

export interface CrashCell {
    mode: CrashMode;
    point: CrashPoint;
    outcome: HoldOutcome;
}

const CHANGED_MAPPINGS = [
    { source: "username", target: "userName" },
    { source: "email", target: "workEmail" },
    { source: "id", target: "externalId" },
    { source: "enabled", target: "active" },
    { source: "name.given", target: "givenName" },
    { source: "name.given", target: "displayName" },
];

interface Run {
    code: number | null;
    output: string;
}

/** A `pulumi` command in the stack's folder, as a user runs it (its own process, so it can be killed as a tree). */
function pulumi(
    stack: ProjectStack,
    args: string[],
    env: Record<string, string>,
): { child: ChildProcess; done: Promise<Run> } {
    const child = spawn("pulumi", [...args, "--stack", stack.stack.name, "--non-interactive"], {
        cwd: stack.workDir,
        env: { ...process.env, ...env },
        stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const done = new Promise<Run>((resolve) => child.on("close", (code) => resolve({ code, output })));
    return { child, done };
}

/**
 * The README's step for "failed to load checkpoint: EOF": a kill while the file backend wrote a checkpoint left the
 * storage library's metadata sidecar (`<stack>.json.attrs`, gocloud.dev fileblob `setAttrs`: created, then written)
 * empty; the checkpoint itself is renamed into place whole. Deletes every empty `.attrs` file of the backend.
 */
function removeEmptySidecars(): string[] {
    const backend = process.env.PULUMI_BACKEND_URL;
    if (!backend?.startsWith("file://")) {
        return [];
    }
    const removed: string[] = [];
    const walk = (dir: string) => {
        for (const entry of readdirSync(dir, { withFileTypes: true })) {
            const file = path.join(dir, entry.name);
            if (entry.isDirectory()) {
                walk(file);
            } else if (entry.name.endsWith(".attrs") && statSync(file).size === 0) {
                rmSync(file);
                removed.push(file);
            }
        }
    };
    walk(path.join(fileURLToPath(backend), ".pulumi"));
    return removed;
}

/** What a cell met that the README's recovery covers but a user would notice (printed with the cell's result). */
const notes: string[] = [];

async function run(
    stack: ProjectStack,
    args: string[],
    env: Record<string, string>,
    expectSuccess = true,
): Promise<Run> {
    let result = await pulumi(stack, args, env).done;
    if (result.code !== 0 && result.output.includes("failed to load checkpoint: EOF")) {
        const removed = removeEmptySidecars();
        if (removed.length > 0) {
            notes.push(`empty checkpoint sidecar removed (README step): ${removed.map((f) => path.basename(f))}`);
            result = await pulumi(stack, args, env).done;
        }
    }
    if (expectSuccess && result.code !== 0) {
        throw new Error(`pulumi ${args.join(" ")} failed (${result.code}):\n${result.output.slice(-3000)}`);
    }
    return result;
}

/** The emulators, a root-program stack and what both services looked like before the first `up`. */
export interface CrashFixture {
    emulators: RunningEmulators;
    stack: ProjectStack;
    env: Record<string, string>;
    before: unknown;
    dispose(): Promise<void>;
}

export async function crashFixture(mode: CrashMode): Promise<CrashFixture> {
    const emulators = await startTestEmulators();
    const config: ConfigMap = { ...emulatorStackConfig(emulators) };
    const stack = await createProjectStack({ project: ".", include: ROOT_PROJECT_FILES, config });
    const env = {
        PULUMI_CONFIG_PASSPHRASE: process.env.PULUMI_CONFIG_PASSPHRASE ?? "test",
        DOCUWARE_PINGONE_MAX_RETRIES: "1",
    };
    if (mode === "change-up") {
        await createPopulation(emulators.connection().pingone, "Staff");
    }
    const before = await configurationSnapshot(emulators);
    if (mode !== "first-up") {
        await run(stack, ["up", "--yes", "--skip-preview"], env);
    }
    if (mode === "change-up") {
        await stack.stack.setConfig("population", { value: "Staff" });
        await stack.stack.setConfig("mappings", { value: JSON.stringify(CHANGED_MAPPINGS) });
    }
    return {
        emulators,
        stack,
        env,
        before,
        async dispose() {
            await run(stack, ["cancel", "--yes"], env, false);
            await stack.dispose().catch(() => undefined);
            await emulators.stop();
        },
    };
}

const operation = (mode: CrashMode) =>
    mode === "destroy" ? ["destroy", "--yes", "--skip-preview"] : ["up", "--yes", "--skip-preview"];

/** The requests of the mode's operation in a clean run: one crash point each. */
export async function crashPoints(mode: CrashMode): Promise<CrashPoint[]> {
    const fixture = await crashFixture(mode);
    try {
        await fixture.emulators.pingone.control.resetRequests();
        await fixture.emulators.docuware[0]!.control.resetRequests();
        await run(fixture.stack, operation(mode), fixture.env);
        const points: CrashPoint[] = [];
        for (const service of ["pingone", "docuware"] as const) {
            const control =
                service === "pingone" ? fixture.emulators.pingone.control : fixture.emulators.docuware[0]!.control;
            const seen = new Map<string, number>();
            for (const request of (await control.requests()).log) {
                const key = `${request.method} ${request.route}`;
                points.push({ service, method: request.method, route: request.route, skip: seen.get(key) ?? 0 });
                seen.set(key, (seen.get(key) ?? 0) + 1);
            }
        }
        return points;
    } finally {
        await fixture.dispose();
    }
}

/** Live objects versus the ids recorded in state: no orphan, no duplicate. */
async function assertLiveEqualsState(fixture: CrashFixture): Promise<void> {
    const exported = JSON.parse((await run(fixture.stack, ["stack", "export"], fixture.env)).output) as {
        deployment: { resources?: { type: string; id?: string }[] };
    };
    const ids = (type: string) =>
        (exported.deployment.resources ?? [])
            .filter((r) => r.type === `pulumi-nodejs:dynamic/${type}`)
            .map((r) => r.id!)
            .sort();
    const pingone = await pingoneState(fixture.emulators);
    const docuware = await docuwareState(fixture.emulators);
    const liveStores = Object.values(pingone.stores)
        .filter((s) => s.type === "scim")
        .map((s) => s.id)
        .sort();
    assert.deepEqual(liveStores, ids("pingone:PropagationStore"), "connections: live == state");
    assert.deepEqual(Object.keys(pingone.rules).sort(), ids("pingone:PropagationRule"), "rules: live == state");
    assert.deepEqual(
        docuware.AppRegistrations.map((r) => r.ClientId).sort(),
        ids("docuware:AppRegistration"),
        "app registrations: live == state",
    );
}

/**
 * One cell: the operation is killed (the whole process tree, SIGKILL) while the chosen request is held, the request
 * then completes or is dropped; the documented recovery follows (`cancel`, `refresh --clear-pending-creates`, `up`)
 * and must leave preview quiet, live == state, and a destroy that restores both services.
 */
export async function runCrashCell(cell: CrashCell): Promise<string[]> {
    notes.length = 0;
    const fixture = await crashFixture(cell.mode);
    try {
        const control =
            cell.point.service === "pingone"
                ? fixture.emulators.pingone.control
                : fixture.emulators.docuware[0]!.control;
        await control.addFault({
            route: `${cell.point.method} ${cell.point.route}`,
            kind: "hold",
            skip: cell.point.skip,
        });
        const { child, done } = pulumi(fixture.stack, operation(cell.mode), fixture.env);
        const held = await waitForHold(control, done);
        killTree(child.pid!);
        await done;
        await control.release(held, cell.outcome);
        await control.clearFaults();

        await run(fixture.stack, ["cancel", "--yes"], fixture.env, false);
        await run(fixture.stack, ["refresh", "--clear-pending-creates", "--yes", "--skip-preview"], fixture.env);
        await run(fixture.stack, ["up", "--yes", "--skip-preview"], fixture.env);
        await run(fixture.stack, ["preview", "--refresh", "--expect-no-changes"], fixture.env);
        await assertLiveEqualsState(fixture);
        await run(fixture.stack, ["destroy", "--yes", "--skip-preview"], fixture.env);
        assert.deepEqual(
            await configurationSnapshot(fixture.emulators),
            fixture.before,
            "destroy restores both services",
        );
        return [...notes];
    } finally {
        await fixture.dispose();
    }
}

async function waitForHold(control: RunningEmulators["pingone"]["control"], done: Promise<Run>): Promise<number> {
    let exited: Run | undefined;
    void done.then((result) => (exited = result));
    for (;;) {
        const holds = await control.holds();
        if (holds.length > 0) {
            return holds[0]!.id;
        }
        if (exited) {
            throw new Error(`the operation ended before reaching the crash point:\n${exited.output.slice(-2000)}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
    }
}

/** Every cell of a mode: each request of a clean run, writes both completed and dropped, reads completed. */
export function cellsOf(mode: CrashMode, points: CrashPoint[]): CrashCell[] {
    return points.flatMap((point) =>
        (point.method === "GET" ? (["complete"] as const) : (["complete", "drop"] as const)).map((outcome) => ({
            mode,
            point,
            outcome,
        })),
    );
}

export function describeCell(cell: CrashCell): string {
    return `${cell.mode}: ${cell.point.service} ${cell.point.method} ${cell.point.route} #${cell.point.skip + 1} (${cell.outcome})`;
}
