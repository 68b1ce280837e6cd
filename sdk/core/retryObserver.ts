import type { RetryEvent } from "./httpClient";

export type RetryObserver = (event: RetryEvent) => void;

/** Process-wide observers of every client's waits (retries, rate limits), e.g. the provider framework's log. */
const observers = new Set<RetryObserver>();

/** Calls `observer` before every wait of every `HttpClient` in this process; returns the function that stops it. */
export function observeRetries(observer: RetryObserver): () => void {
    observers.add(observer);
    return () => observers.delete(observer);
}

export function notifyRetry(event: RetryEvent): void {
    for (const observer of observers) {
        observer(event);
    }
}
