import { execFileSync, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import * as path from "node:path";
import {
    type EngineEvent,
    LocalWorkspace,
    type PulumiFn,
    type Stack,
    type StepEventMetadata,
} from "@pulumi/pulumi/automation";
import { useOwnSubchannelPools } from "./useOwnSubchannelPools";

export const REPO_ROOT = path.resolve(__dirname, "../..");

useOwnSubchannelPools();

/**
 * Fails (under CI) or skips (locally) when no Pulumi CLI is on PATH. `npm test` runs through
 * scripts/with-toolchain.sh, which always provides one, so in CI a missing engine is a failure, never a skip.
 */
export function requireEngine(context: Mocha.Context): void {
    try {
        execFileSync("pulumi", ["version"], { stdio: "pipe" });
    } catch {
        if (process.env.CI === "true") {
            throw new Error(
                "The Pulumi CLI is not on PATH; run the tests with `npm test` (scripts/with-toolchain.sh).",
            );
        }
        context.skip();
    }
}

let printedVersion = false;

/** The `pulumi version` the engine tests run, printed once per test run. */
export function printEngineVersion(): void {
    if (!printedVersion) {
        const version = execFileSync("pulumi", ["version"], { encoding: "utf8" }).trim();
        console.log(
            `      engine: pulumi ${version} (${execFileSync("which", ["pulumi"], { encoding: "utf8" }).trim()})`,
        );
        printedVersion = true;
    }
}

let compileCache: string | undefined;

/**
 * A Node.js compile cache for the processes the engine starts for every operation (the dynamic-provider process, the
 * language host of a project stack) and kills at its end, so that they never write the cache themselves: one process
 * that loads the same modules and exits fills it, which saves a third of each start-up.
 */
function warmCompileCache(): string {
    if (!compileCache) {
        compileCache = path.join(REPO_ROOT, ".work", "node-compile-cache");
        mkdirSync(compileCache, { recursive: true });
        spawnSync(
            process.execPath,
            [
                "-e",
                "require('typescript'); require('ts-node'); require('pulumi-docuware-pingone/provider-runtime'); " +
                    "require('@pulumi/pulumi/cmd/dynamic-provider')",
            ],
            { cwd: REPO_ROOT, env: { ...process.env, NODE_COMPILE_CACHE: compileCache }, stdio: "ignore" },
        );
    }
    return compileCache;
}

/**
 * Environment for the engine operations of the tests that makes each one cheaper without changing what it runs:
 * project programs (.ts) run through ts-node without type checking, which costs seconds per `preview` or `up` (the
 * typecheck step of scripts/test.sh checks program/ and examples/ with tsc), and Node.js processes reuse compiled
 * code. Not for a test whose point is that a program typechecks against the package (packedPackage, importAdopt).
 */
export function fastEngineEnvironment(): Record<string, string> {
    return { PULUMI_NODEJS_TRANSPILE_ONLY: "true", NODE_COMPILE_CACHE: warmCompileCache() };
}

/** A fresh git-ignored folder under .work/engine; node_modules resolve from the repository root. */
export function engineWorkDir(name: string): string {
    const dir = path.join(REPO_ROOT, ".work", "engine", `${name}-${randomBytes(3).toString("hex")}`);
    mkdirSync(dir, { recursive: true });
    return dir;
}

export interface InlineStackOptions {
    projectName: string;
    program: PulumiFn;
    /** Environment for the CLI and the provider processes it starts (credentials, endpoints). */
    envVars?: Record<string, string>;
    /** Stack config, `{ "pingone:clientId": { value, secret } }`. */
    config?: Record<string, { value: string; secret?: boolean }>;
}

export interface TestStack {
    stack: Stack;
    workDir: string;
    /** Destroys the resources, removes the stack and its folder. */
    dispose(): Promise<void>;
}

/** An inline-program stack on the local file backend set up by scripts/with-toolchain.sh. */
export async function createInlineStack(options: InlineStackOptions): Promise<TestStack> {
    const workDir = engineWorkDir(options.projectName);
    const stackName = `test-${randomBytes(3).toString("hex")}`;
    const stack = await LocalWorkspace.createStack(
        { stackName, projectName: options.projectName, program: options.program },
        {
            workDir,
            projectSettings: { name: options.projectName, runtime: "nodejs", main: workDir },
            envVars: {
                PULUMI_CONFIG_PASSPHRASE: process.env.PULUMI_CONFIG_PASSPHRASE ?? "test",
                ...fastEngineEnvironment(),
                ...options.envVars,
            },
        },
    );
    if (options.config) {
        await stack.setAllConfig(options.config);
    }
    return {
        stack,
        workDir,
        async dispose() {
            try {
                await stack.destroy();
                await stack.workspace.removeStack(stackName);
            } finally {
                rmSync(workDir, { recursive: true, force: true });
            }
        },
    };
}

/** Collects the step events of one operation: what the engine planned for each resource. */
export class StepRecorder {
    readonly steps: StepEventMetadata[] = [];

    readonly onEvent = (event: EngineEvent): void => {
        if (event.resourcePreEvent) {
            this.steps.push(event.resourcePreEvent.metadata);
        }
    };

    /**
     * Steps other than `same` of the program's resources (not the stack or providers), as `op name [changed inputs]`
     * strings, sorted. Dynamic providers report no
     * per-property diff, so the changed inputs are computed the way the CLI displays them: old versus new inputs.
     */
    changes(): string[] {
        return this.steps
            .filter((s) => s.op !== "same" && s.op !== "read" && s.op !== "refresh")
            .filter((s) => s.type !== "pulumi:pulumi:Stack" && !s.type.startsWith("pulumi:providers:"))
            .map((s) => {
                const keys = changedInputs(s);
                return `${s.op} ${s.urn.split("::").pop()}${keys.length > 0 ? ` [${keys.join(",")}]` : ""}`;
            })
            .sort();
    }
}

function changedInputs(step: StepEventMetadata): string[] {
    if (step.op !== "update" && step.op !== "replace" && step.op !== "create-replacement") {
        return [];
    }
    const olds: Record<string, unknown> = step.old?.inputs ?? {};
    const news: Record<string, unknown> = step.new?.inputs ?? {};
    return [...new Set([...Object.keys(olds), ...Object.keys(news)])]
        .filter((key) => key !== "__provider" && JSON.stringify(olds[key]) !== JSON.stringify(news[key]))
        .sort();
}
