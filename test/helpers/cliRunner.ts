import { spawn } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import * as path from "node:path";

const REPO_ROOT = path.resolve(__dirname, "../..");
const BUILT_CLI = path.join(REPO_ROOT, "dist", "bin", "cli.js");
/** Folders compiled into dist/ (tsconfig.build.json). */
const SOURCES = ["bin", "sdk", "components"];

export interface CliResult {
    code: number | null;
    stdout: string;
    stderr: string;
}

/** Every `.ts` file under `dir` and its newest change. */
function newestChange(dir: string): number {
    let newest = 0;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) {
            newest = Math.max(newest, newestChange(file));
        } else if (entry.name.endsWith(".ts")) {
            newest = Math.max(newest, statSync(file).mtimeMs);
        }
    }
    return newest;
}

let invocation: string[] | undefined;

/**
 * How to start the CLI: the built `dist/bin/cli.js` (what `npx docuware-pingone` runs) when it is newer than the
 * sources, else the sources through ts-node, so a stale build can never make a test pass or fail.
 */
export function cliInvocation(): string[] {
    if (!invocation) {
        let built = 0;
        try {
            built = statSync(BUILT_CLI).mtimeMs;
        } catch {
            built = 0;
        }
        const fresh = built > 0 && SOURCES.every((dir) => newestChange(path.join(REPO_ROOT, dir)) <= built);
        invocation = fresh
            ? [BUILT_CLI]
            : ["-r", "ts-node/register/transpile-only", path.join(REPO_ROOT, "bin", "cli.ts")];
    }
    return invocation;
}

/** Settings of this package the test process may have; a CLI run only sees the ones a test passes. */
const PACKAGE_VARIABLES = /^(DOCUWARE_|PINGONE_)/;

/** Runs `docuware-pingone <args>` as a child process, as a CI job would, with `env` added to a clean environment. */
export function runCli(
    args: readonly string[],
    env: Record<string, string> = {},
    options: { cwd?: string; timeoutMs?: number } = {},
): Promise<CliResult> {
    return runCommand(process.execPath, [...cliInvocation(), ...args], env, options);
}

/**
 * Runs `command` (e.g. an installed package's `.bin/docuware-pingone`) and collects its output; the environment is this
 * process's without the package's own variables, plus `env`.
 */
export function runCommand(
    command: string,
    args: readonly string[],
    env: Record<string, string> = {},
    options: { cwd?: string; timeoutMs?: number } = {},
): Promise<CliResult> {
    const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !PACKAGE_VARIABLES.test(name)));
    return new Promise((resolve, reject) => {
        const child = spawn(command, args, {
            cwd: options.cwd ?? REPO_ROOT,
            env: { ...inherited, ...env },
            stdio: ["ignore", "pipe", "pipe"],
            timeout: options.timeoutMs ?? 120_000,
        });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
        child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
        child.on("error", reject);
        child.on("close", (code) => resolve({ code, stdout, stderr }));
    });
}

/** The whole output of a run, for assertion messages. */
export function describeRun(result: CliResult): string {
    return `exit ${result.code}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`;
}

/** Fails when any of `secrets` appears anywhere in the run's output. */
export function assertNoSecrets(result: CliResult, secrets: readonly string[]): void {
    for (const secret of secrets) {
        if (result.stdout.includes(secret) || result.stderr.includes(secret)) {
            throw new Error(`A secret was printed (${secret.slice(0, 3)}…):\n${describeRun(result)}`);
        }
    }
}
