import { sleep } from "../../sdk/core/retry";

/**
 * Asks `probe` every 20 ms until it answers true or `timeoutMs` has passed; returns its last answer, for the test to
 * assert on. For what happens in the background (held requests, a prefetch) with no event to wait for.
 */
export async function waitFor(probe: () => Promise<boolean>, timeoutMs = 3_000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (!(await probe())) {
        if (Date.now() >= deadline) {
            return false;
        }
        await sleep(20);
    }
    return true;
}
