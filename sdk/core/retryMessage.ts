import type { RetryEvent } from "./httpClient";

/**
 * One line on a wait, e.g. `PingOne rate limit (HTTP 429): waiting 2.1 s before repeating POST /v1/…/mappings (wait 3,
 * for at most 300 s in all)` or `DocuWare HTTP 503: retrying GET /DocuWare/Platform/… in 0.4 s (attempt 2 of 5)`.
 */
export function retryMessage(event: RetryEvent): string {
    const seconds = `${(event.delayMs / 1000).toFixed(1)} s`;
    const request = `${event.method} ${pathOf(event.url)}`;
    if (event.reason === "HTTP 429") {
        const budget = Math.round(event.rateLimitBudgetMs / 1000);
        return (
            `${event.service} rate limit (HTTP 429): waiting ${seconds} before repeating ${request} ` +
            `(wait ${event.attempt}, for at most ${budget} s in all)`
        );
    }
    return `${event.service} ${event.reason}: retrying ${request} in ${seconds} (attempt ${event.attempt} of ${event.maxRetries})`;
}

/** Matches a line `retryMessage` wrote (possibly prefixed with the resource), e.g. in the engine's diagnostics. */
export const RETRY_MESSAGE_PATTERN =
    /\b(?:PingOne|DocuWare) (?:rate limit \(HTTP 429\): waiting|\S+(?: \d+)?: retrying) /;

function pathOf(url: string): string {
    try {
        return new URL(url).pathname;
    } catch {
        return url;
    }
}
