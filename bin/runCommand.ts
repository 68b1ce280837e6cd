import { ProvisioningError, messageOf } from "../sdk/core/errors";
import { redactError } from "../sdk/core/secrets";
import type { Output } from "./output";

/** Exit codes of the commands: a scheduled CI job alerts on 2 (finding) and on 1 (could not check). */
export const ExitCode = {
    /** No drift; every verification step passed. */
    ok: 0,
    /** Usage, configuration or engine error: nothing could be concluded. */
    error: 1,
    /** Drift found; a verification step failed. */
    found: 2,
    /** `impact`: a change moves more users than a `--max-…` limit allows. */
    limitExceeded: 3,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/**
 * Runs a command's action and returns its exit code; an error is printed (on stderr, and as `{ "error": … }` on
 * stdout with `--json`) and gives exit code 1. Errors of this package are expected and print their message only.
 */
export async function runCommand(output: Output, json: boolean, action: () => Promise<ExitCode>): Promise<ExitCode> {
    try {
        return await action();
    } catch (caught) {
        const error = redactError(caught);
        const message = messageOf(error);
        const expected = error instanceof ProvisioningError;
        output.error(expected ? message : `unexpected failure: ${message}`);
        if (!expected && error instanceof Error && error.stack && process.env.DOCUWARE_PINGONE_DEBUG) {
            output.progress(error.stack);
        }
        if (json) {
            output.json({ error: { type: error instanceof Error ? error.name : "Error", message } });
        }
        return ExitCode.error;
    }
}
