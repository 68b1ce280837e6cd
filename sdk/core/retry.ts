import type { TransportFailure } from "./errors";

/** How failed requests are repeated. */
export interface RetryPolicy {
    /** Attempts after the first one. Defaults to 5. */
    maxRetries: number;
    /** First backoff before jitter. Defaults to 250 ms; doubles each attempt. */
    baseDelayMs: number;
    /** Upper bound of one backoff, and of a `Retry-After` the client is willing to honour. Defaults to 30 s. */
    maxDelayMs: number;
    /**
     * How long in total a request keeps waiting out 429 answers (which do not count against `maxRetries`: a rate
     * limit is not a failure). Defaults to 5 minutes.
     */
    rateLimitBudgetMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
    maxRetries: 5,
    baseDelayMs: 250,
    maxDelayMs: 30_000,
    rateLimitBudgetMs: 300_000,
};

/**
 * Statuses worth repeating on a request that is safe to repeat: PingOne's "Retry best practices" list 408, 429,
 * 500, 502, 503 and 504 (the Go SDK's `client_ext.go` also retries 501, which the Docs do not list, so neither do we).
 */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504]);

/**
 * Whether a failed response is worth repeating (if the request is safe to repeat): a retryable status, or an error
 * code the service marks as transient whatever the status (PingOne `UNEXPECTED_ERROR`, as the Go SDK retries it).
 */
export function isRetryableResponse(
    status: number,
    code: string | undefined,
    retryableCodes: readonly string[] = [],
): boolean {
    return RETRYABLE_STATUSES.has(status) || (status >= 400 && code !== undefined && retryableCodes.includes(code));
}

/**
 * Whether a request that failed without a response is sent again. A refused connection was never processed, so even
 * a POST may be repeated; DNS and TLS failures do not go away by waiting.
 */
export function retriesTransportFailure(failure: TransportFailure, repeatable: boolean): boolean {
    const mayRepeat = repeatable || failure === "connection-refused";
    return mayRepeat && failure !== "dns" && failure !== "tls";
}

/**
 * Whether an error response is sent again (429 is waited out separately, within the rate-limit budget): a request
 * safe to repeat, answered with a retryable status or error code (`isRetryableResponse`).
 */
export function retriesStatus(
    status: number,
    repeatable: boolean,
    code?: string,
    retryableCodes: readonly string[] = [],
): boolean {
    return repeatable && status !== 429 && isRetryableResponse(status, code, retryableCodes);
}

/** Exponential backoff with full jitter: a random delay in [0, min(max, base * 2^attempt)]. */
export function backoffDelay(policy: RetryPolicy, attempt: number, random: () => number = Math.random): number {
    const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
    return Math.round(random() * ceiling);
}

/**
 * The wait after a 429: the service's `Retry-After` (else a backoff) plus up to as much again, at random. Without the
 * spread, every client turned away retries at the same moment and the same ones keep losing.
 */
export function rateLimitDelay(
    policy: RetryPolicy,
    retryAfterMs: number | undefined,
    attempt: number,
    random: () => number = Math.random,
): number {
    const base = retryAfterMs ?? backoffDelay(policy, attempt, () => 1);
    return Math.min(policy.maxDelayMs, Math.round(base + random() * Math.max(base, policy.baseDelayMs)));
}

/**
 * Parses a `Retry-After` header: delay-seconds or an HTTP date. Returns milliseconds, or undefined when absent or
 * unreadable.
 */
export function parseRetryAfter(header: string | undefined, now: number = Date.now()): number | undefined {
    if (!header) {
        return undefined;
    }
    const trimmed = header.trim();
    if (/^\d+$/.test(trimmed)) {
        return Number(trimmed) * 1000;
    }
    const date = Date.parse(trimmed);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, ms));
}
