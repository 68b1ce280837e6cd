import { retryMessage } from "../sdk/core/retryMessage";
import { observeRetries } from "../sdk/core/retryObserver";
import type { Output } from "./output";

/**
 * Runs a command's action so that every wait of the HTTP clients it calls in this process (a retry, a rate limit) is
 * one progress line on stderr, e.g. "  PingOne rate limit (HTTP 429): waiting 2.0 s …". The providers' own waits
 * reach the commands through the engine's diagnostics instead (`refreshPreview`).
 */
export async function withWaitProgress<T>(output: Output, action: () => Promise<T>): Promise<T> {
    const stop = observeRetries((event) => output.progress(`  ${retryMessage(event)}`));
    try {
        return await action();
    } finally {
        stop();
    }
}
