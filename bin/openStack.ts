import type { ConfigMap, Stack } from "@pulumi/pulumi/automation";
import { ConfigurationError, ProvisioningError, messageOf } from "../sdk/core/errors";
import { registerSecretValue } from "./registerSecretValue";

export interface StackSelection {
    /** Stack name (`dev`, `org/dev`); defaults to the project's currently selected stack. */
    stackName?: string;
    /** Folder of the Pulumi project (its Pulumi.yaml). */
    cwd: string;
}

export interface OpenedStack {
    stack: Stack;
    /** The stack's config, decrypted; every secret value is registered so that it is never printed. */
    config: ConfigMap;
}

/** The Pulumi CLI failed, or the project or stack could not be opened. */
export class StackAccessError extends ProvisioningError {
    override name = "StackAccessError";
}

/** Selects a stack of the Pulumi project in `cwd` through the Automation API and reads its config. */
export async function openStack(selection: StackSelection): Promise<OpenedStack> {
    // Loaded here: `verify` runs without Pulumi unless it is asked to read a stack.
    const { LocalWorkspace, StackNotFoundError } = await import("@pulumi/pulumi/automation");
    let stackName = selection.stackName;
    try {
        if (!stackName) {
            const workspace = await LocalWorkspace.create({ workDir: selection.cwd });
            stackName = (await workspace.stack())?.name;
            if (!stackName) {
                throw new ConfigurationError(
                    `No stack is selected in ${selection.cwd}; pass --stack <name> (see \`pulumi stack ls\`).`,
                );
            }
        }
        const stack = await LocalWorkspace.selectStack({ stackName, workDir: selection.cwd });
        const config = await stack.getAllConfig();
        for (const entry of Object.values(config)) {
            if (entry.secret) {
                registerSecretValue(entry.value);
            }
        }
        return { stack, config };
    } catch (error) {
        if (error instanceof ProvisioningError) {
            throw error;
        }
        if (error instanceof StackNotFoundError) {
            throw new ConfigurationError(
                `Stack "${stackName}" does not exist in the Pulumi project in ${selection.cwd}; check --stack and --cwd (see \`pulumi stack ls\`).`,
                { cause: error },
            );
        }
        throw new StackAccessError(
            `Could not open stack "${stackName ?? "(selected)"}" in ${selection.cwd}: ${pulumiErrorSummary(error)}`,
            { cause: error },
        );
    }
}

/** The `error:` lines of a failed Pulumi CLI command, or its message when there are none. */
export function pulumiErrorSummary(error: unknown): string {
    const message = messageOf(error);
    const errorLines = message
        .split("\n")
        .map((line) => line.trim())
        .filter((line) => /^error:/i.test(line))
        .map((line) => line.replace(/^error:\s*/i, ""));
    const unique = [...new Set(errorLines)];
    if (unique.length > 0) {
        return unique.join("; ");
    }
    if (/ENOENT|not found|command not found/i.test(message) && /pulumi/i.test(message)) {
        return "the Pulumi CLI is not installed or not on PATH (https://www.pulumi.com/docs/iac/download-install/)";
    }
    return message.split("\n")[0] ?? message;
}
