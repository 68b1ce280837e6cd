import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import * as path from "node:path";
import { LocalWorkspace, type PulumiFn, type Stack } from "@pulumi/pulumi/automation";
import { useOwnSubchannelPools } from "../test/helpers/useOwnSubchannelPools";

const REPO_ROOT = path.resolve(__dirname, "..");

useOwnSubchannelPools();

export interface BenchStack {
    stack: Stack;
    /** Removes the stack and its folder; destroys first when resources may be left (a step failed). */
    dispose(options?: { destroyFirst?: boolean }): Promise<void>;
}

/**
 * An inline-program stack on the file backend of scripts/with-toolchain.sh. Its folder is under .work/bench so the
 * dynamic-provider process resolves this package and @pulumi/pulumi from the repository's node_modules.
 */
export async function createBenchStack(name: string, program: PulumiFn, envVars: Record<string, string>) {
    const suffix = randomBytes(3).toString("hex");
    const workDir = path.join(REPO_ROOT, ".work", "bench", `${name}-${suffix}`);
    mkdirSync(workDir, { recursive: true });
    const projectName = `bench-${name}`;
    const stackName = `bench-${suffix}`;
    const stack = await LocalWorkspace.createStack(
        { stackName, projectName, program },
        {
            workDir,
            projectSettings: { name: projectName, runtime: "nodejs", main: workDir },
            envVars: { PULUMI_CONFIG_PASSPHRASE: process.env.PULUMI_CONFIG_PASSPHRASE ?? "bench", ...envVars },
        },
    );
    const benchStack: BenchStack = {
        stack,
        async dispose(options = {}) {
            try {
                if (options.destroyFirst) {
                    await stack.destroy().catch(() => undefined);
                }
                await stack.workspace.removeStack(stackName, { force: true });
            } finally {
                rmSync(workDir, { recursive: true, force: true });
            }
        },
    };
    return benchStack;
}
