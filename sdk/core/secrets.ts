/**
 * Process-wide registry of secret values (client secrets, tokens) this package has handled, so that no error
 * message, log line or exception can carry one in plain text: `redact` replaces each with `[secret]`.
 * Kept on `globalThis` so that every copy of this module in a process shares it.
 */
const registry: Set<string> = ((globalThis as { __docuwarePingOneSecrets?: Set<string> }).__docuwarePingOneSecrets ??=
    new Set<string>());

/** Secrets shorter than this are not redacted: they would turn ordinary words into `[secret]`. */
const MIN_REDACTED_LENGTH = 6;

export function registerSecret(value: string | undefined): void {
    if (value && value.length >= MIN_REDACTED_LENGTH) {
        registry.add(value);
    }
}

export function redact(text: string): string {
    let result = text;
    for (const secret of registry) {
        if (result.includes(secret)) {
            result = result.split(secret).join("[secret]");
        }
    }
    return result;
}

/** Redacts an error's message and stack in place and returns it. */
export function redactError<E>(error: E): E {
    if (error instanceof Error) {
        error.message = redact(error.message);
        if (error.stack) {
            error.stack = redact(error.stack);
        }
    }
    return error;
}
