import { NotFoundError } from "./errors";
import { sleep } from "./retry";

/** How long a call on an object this operation just created keeps being repeated while it answers 404. */
export const EVENTUAL_CONSISTENCY_BUDGET_MS = 5_000;

/**
 * Runs a call on an object this operation has just created, repeating it briefly while the service answers 404:
 * PingOne's "Retry best practices" ("Eventual consistency and retryable 404 errors") say a read right after a create
 * may not find the object yet. Such a 404 is never taken as "deleted": after the budget the `NotFoundError` is thrown.
 * `call` learns whether it is a repetition, to re-read what the first attempt assumed.
 */
export async function afterOwnCreate<T>(
    call: (repeated: boolean) => Promise<T>,
    budgetMs: number = EVENTUAL_CONSISTENCY_BUDGET_MS,
): Promise<T> {
    const started = Date.now();
    for (let attempt = 0; ; attempt++) {
        try {
            return await call(attempt > 0);
        } catch (error) {
            const delay = Math.min(250 * 2 ** attempt, 2_000);
            if (!(error instanceof NotFoundError) || Date.now() - started + delay > budgetMs) {
                throw error;
            }
            await sleep(delay);
        }
    }
}
