import { redact } from "../sdk/core/secrets";

interface Writable {
    write(text: string): unknown;
}

/**
 * Where the commands write: results to stdout, progress and errors to stderr. Every string passes `redact` on its way
 * out, so a registered secret can never be printed, whatever the message it ended up in.
 */
export class Output {
    constructor(
        private readonly stdout: Writable = process.stdout,
        private readonly stderr: Writable = process.stderr,
    ) {}

    /** A result line (or block) on stdout. */
    result(text: string): void {
        this.stdout.write(withNewline(redact(text)));
    }

    /** A machine-readable document on stdout; strings are redacted before they are escaped. */
    json(document: unknown): void {
        const text = JSON.stringify(document, (_key, value: unknown) =>
            typeof value === "string" ? redact(value) : value,
        );
        this.stdout.write(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    }

    /** Progress of a long step on stderr, so stdout stays clean for `--json` and pipes. */
    progress(text: string): void {
        this.stderr.write(withNewline(redact(text)));
    }

    error(text: string): void {
        this.stderr.write(withNewline(`error: ${redact(text)}`));
    }
}

function withNewline(text: string): string {
    return text.endsWith("\n") ? text : `${text}\n`;
}
