import { strict as assert } from "node:assert";
import { afterOwnCreate } from "../../../sdk/core/afterOwnCreate";
import { ApiError, NotFoundError } from "../../../sdk/core/errors";
import {
    DEFAULT_RETRY_POLICY,
    backoffDelay,
    isRetryableResponse,
    parseRetryAfter,
    rateLimitDelay,
} from "../../../sdk/core/retry";

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

    it("classifies PingOne's retryable answers: 408, 429, 500, 502, 503, 504 and UNEXPECTED_ERROR", () => {
        const codes = ["UNEXPECTED_ERROR"];
        for (const status of [408, 429, 500, 502, 503, 504]) {
            assert.equal(isRetryableResponse(status, undefined, codes), true, String(status));
        }
        for (const status of [400, 401, 403, 404, 405, 409, 415, 501]) {
            assert.equal(isRetryableResponse(status, "INVALID_DATA", codes), false, String(status));
        }
        assert.equal(isRetryableResponse(400, "UNEXPECTED_ERROR", codes), true);
        assert.equal(isRetryableResponse(400, "UNEXPECTED_ERROR"), false, "only for services that mark the code");
    });
});

describe("a call right after this operation's own create", () => {
    const notFound = () =>
        new NotFoundError({ service: "PingOne", method: "GET", url: "http://x/v1/rules/1", status: 404 });

    it("is repeated while it answers 404, telling the call it is a repetition", async () => {
        const seen: boolean[] = [];
        const result = await afterOwnCreate(async (repeated) => {
            seen.push(repeated);
            if (seen.length < 3) {
                throw notFound();
            }
            return "found";
        });
        assert.equal(result, "found");
        assert.deepEqual(seen, [false, true, true]);
    });

    it("gives up after its budget with the 404, and never repeats other errors", async () => {
        let calls = 0;
        await assert.rejects(
            afterOwnCreate(async () => {
                calls++;
                throw notFound();
            }, 300),
            NotFoundError,
        );
        assert.ok(calls >= 2 && calls <= 3, `${calls} calls`);
        calls = 0;
        const denied = new ApiError({ service: "PingOne", method: "GET", url: "http://x", status: 403 });
        await assert.rejects(
            afterOwnCreate(async () => {
                calls++;
                throw denied;
            }),
            (error) => error === denied,
        );
        assert.equal(calls, 1);
    });
});
