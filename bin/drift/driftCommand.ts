import * as path from "node:path";
import { Command } from "commander";
import { openStack } from "../openStack";
import type { Output } from "../output";
import { ExitCode, runCommand } from "../runCommand";
import { withWaitProgress } from "../withWaitProgress";
import { findDifferences } from "./findDifferences";
import { findOrphans, formatOrphans } from "./findOrphans";
import { driftDocument, formatDrift } from "./formatDrift";
import { refreshPreview } from "./refreshPreview";

export interface DriftOptions {
    stack?: string;
    cwd?: string;
    json?: boolean;
}

const HELP = `
Runs \`pulumi preview --refresh\` through the Automation API (it changes nothing) and compares the live objects
in DocuWare and PingOne with the program. Any difference counts: a value changed or an object deleted outside
Pulumi, and program changes not deployed yet (the CAUSE column tells them apart).

Credentials for the providers come from the stack's config or the environment, as for \`pulumi up\`
(pingone:clientId / PINGONE_CLIENT_ID, docuware:organizationUrl / DOCUWARE_ORGANIZATION_URL, …).
Secret values are printed as [secret].

Exit codes:
  0  no drift
  1  error (unknown stack, engine or provider failure); nothing was concluded
  2  drift: the table (or --json) lists each difference, and any live object "orphaned by an interrupted
     deployment" (it carries this stack's managed-by marker but is not in state)

Examples:
  $ docuware-pingone drift --stack dev
  $ docuware-pingone drift --stack prod --cwd infra --json > drift.json
`;

/** `docuware-pingone drift`: live objects versus the program, for a scheduled CI job. */
export function driftCommand(output: Output): Command {
    return new Command("drift")
        .description("Report drift between a stack's program and the live DocuWare and PingOne objects.")
        .option("-s, --stack <name>", "stack to check (default: the project's selected stack)")
        .option("-C, --cwd <dir>", "folder of the Pulumi project (default: the current folder)")
        .option("--json", "print a JSON document instead of a table")
        .addHelpText("after", HELP)
        .action(async (options: DriftOptions) => {
            process.exitCode = await runCommand(output, options.json ?? false, () =>
                withWaitProgress(output, () => drift(options, output)),
            );
        });
}

async function drift(options: DriftOptions, output: Output): Promise<ExitCode> {
    const { stack, config } = await openStack({ stackName: options.stack, cwd: path.resolve(options.cwd ?? ".") });
    const analysis = findDifferences(await refreshPreview(stack, output));
    const orphans = await findOrphans(stack, config).catch((error: unknown) => {
        // The drift result stands; the extra search for leftovers needs credentials the CLI may not have.
        output.progress(`warning: could not look for objects orphaned by an interrupted deployment: ${String(error)}`);
        return [];
    });
    if (options.json) {
        output.json({ ...driftDocument(stack.name, analysis), orphans });
    } else {
        output.result(formatDrift(stack.name, analysis));
        if (orphans.length > 0) {
            output.result(formatOrphans(orphans));
        }
    }
    return analysis.differences.length > 0 || orphans.length > 0 ? ExitCode.found : ExitCode.ok;
}
