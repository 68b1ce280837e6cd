import { strict as assert } from "node:assert";
import { DEFAULT_RETRY_POLICY, backoffDelay, parseRetryAfter, rateLimitDelay } from "../../../sdk/core/retry";

describe("retry policy", () => {
    it("backs off exponentially with full jitter, capped", () => {
        const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 100, maxDelayMs: 1000 };
        assert.equal(
            backoffDelay(policy, 0, () => 1),
            100,
        );
        assert.equal(
            backoffDelay(policy, 3, () => 1),
            800,
        );
        assert.equal(
            backoffDelay(policy, 10, () => 1),
            1000,
        );
        assert.equal(
            backoffDelay(policy, 3, () => 0),
            0,
        );
        assert.equal(
            backoffDelay(policy, 3, () => 0.5),
            400,
        );
    });

    it("reads Retry-After as seconds or as an HTTP date", () => {
        assert.equal(parseRetryAfter("3"), 3000);
        assert.equal(parseRetryAfter(" 0 "), 0);
        const now = Date.parse("2026-11-28T10:00:00Z");
        assert.equal(parseRetryAfter("Sat, 28 Nov 2026 10:00:05 GMT", now), 5000);
        assert.equal(parseRetryAfter("Sat, 28 Nov 2026 09:00:00 GMT", now), 0);
        assert.equal(parseRetryAfter(undefined), undefined);
        assert.equal(parseRetryAfter("soon"), undefined);
    });
});

describe("rate-limit waits", () => {
    const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 100, maxDelayMs: 10_000 };

    it("spread Retry-After by up to as much again, so clients turned away do not retry together", () => {
        assert.equal(
            rateLimitDelay(policy, 2000, 0, () => 0),
            2000,
        );
        assert.equal(
            rateLimitDelay(policy, 2000, 0, () => 0.5),
            3000,
        );
        assert.equal(
            rateLimitDelay(policy, 2000, 0, () => 1),
            4000,
        );
        assert.equal(
            rateLimitDelay(policy, 0, 0, () => 1),
            100,
            "Retry-After: 0 still spreads a little",
        );
        assert.equal(
            rateLimitDelay(policy, 9000, 0, () => 1),
            10_000,
            "capped",
        );
        assert.equal(
            rateLimitDelay(policy, undefined, 3, () => 0),
            800,
            "without Retry-After: the backoff",
        );
    });
});
