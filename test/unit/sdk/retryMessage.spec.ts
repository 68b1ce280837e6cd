import { strict as assert } from "node:assert";
import type { RetryEvent } from "../../../sdk/core/httpClient";
import { RETRY_MESSAGE_PATTERN, retryMessage } from "../../../sdk/core/retryMessage";
import { notifyRetry, observeRetries } from "../../../sdk/core/retryObserver";

const event = (overrides: Partial<RetryEvent>): RetryEvent => ({
    service: "PingOne",
    method: "POST",
    url: "https://api.pingone.eu/v1/environments/e1/propagation/rules/r1/mappings?x=1",
    attempt: 3,
    delayMs: 2049,
    reason: "HTTP 429",
    maxRetries: 5,
    rateLimitBudgetMs: 300_000,
    ...overrides,
});

describe("retryMessage", () => {
    it("says how long a rate limit makes the request wait, and the budget", () => {
        const message = retryMessage(event({}));
        assert.equal(
            message,
            "PingOne rate limit (HTTP 429): waiting 2.0 s before repeating POST /v1/environments/e1/propagation/rules/r1/mappings (wait 3, for at most 300 s in all)",
        );
        assert.match(`pingone:PropagationRule "x": ${message}`, RETRY_MESSAGE_PATTERN);
    });

    it("counts attempts of a retried failure", () => {
        const message = retryMessage(event({ service: "DocuWare", method: "GET", reason: "timeout", attempt: 2 }));
        assert.equal(
            message,
            "DocuWare timeout: retrying GET /v1/environments/e1/propagation/rules/r1/mappings in 2.0 s (attempt 2 of 5)",
        );
        assert.match(message, RETRY_MESSAGE_PATTERN);
        assert.doesNotMatch("PingOne connection created", RETRY_MESSAGE_PATTERN);
    });
});

describe("observeRetries", () => {
    it("reaches every observer until it stops", () => {
        const seen: number[] = [];
        const stop = observeRetries((e) => seen.push(e.attempt));
        notifyRetry(event({ attempt: 1 }));
        stop();
        notifyRetry(event({ attempt: 2 }));
        assert.deepEqual(seen, [1]);
    });
});
