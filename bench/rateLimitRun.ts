import type { EngineEvent } from "@pulumi/pulumi/automation";
import { startBenchEmulators } from "./benchEmulators";
import { createBenchStack } from "./benchStack";
import { componentProgram } from "./componentProgram";
import { RequestCounter } from "./requestCounter";
import { timed } from "./timed";

export interface RateLimit {
    requestsPerSecond: number;
    burst: number;
}

export interface RateLimitResult {
    components: number;
    /** Provider settings of this run beyond the emulators' (e.g. a larger retry budget); empty for the defaults. */
    settings: Record<string, string>;
    /** The limit PingOne (shared by every component) enforced; DocuWare organizations were not limited. */
    limit: RateLimit;
    seconds: number;
    /** PingOne requests processed (not answered 429). */
    processed: number;
    /** PingOne requests answered 429 and retried by the SDK. */
    rateLimited: number;
    /** Resource operations that failed (must be 0), and the first error messages. */
    failures: number;
    errors: string[];
}

/**
 * `up` of `count` components from scratch while PingOne answers 429 above `limit`, with the SDK's default settings or
 * `settings` (environment variables of the providers); then destroys them, unlimited.
 */
export async function runRateLimit(
    count: number,
    limit: RateLimit,
    settings: Record<string, string> = {},
): Promise<RateLimitResult> {
    const { emulators, organizationUrls, providerEnvironment } = await startBenchEmulators(count);
    const counter = new RequestCounter(emulators);
    const bench = await createBenchStack(`rate-limit-${count}`, componentProgram(organizationUrls), {
        ...providerEnvironment,
        ...settings,
    });
    let failures = 0;
    const errors: string[] = [];
    const onEvent = (event: EngineEvent) => {
        if (event.resOpFailedEvent) {
            failures++;
        }
        const message = event.diagnosticEvent?.severity === "error" ? event.diagnosticEvent.message.trim() : "";
        // The engine's closing "update failed" adds nothing to the operations' own errors.
        if (message && !/^\w+ failed$/.test(message) && errors.length < 3) {
            errors.push(message);
        }
    };
    try {
        await emulators.pingone.control.setRateLimit(limit);
        await counter.reset();
        const run = await timed(() => bench.stack.up({ onEvent }).catch((error: unknown) => error));
        const pingone = (await counter.read()).byService.PingOne ?? { processed: 0, rateLimited: 0 };
        if (run.value instanceof Error && failures === 0) {
            failures = 1;
            errors.push(run.value.message.split("\n").slice(-5).join("\n"));
        }
        await emulators.pingone.control.setRateLimit(undefined);
        return { components: count, settings, limit, seconds: run.seconds, ...pingone, failures, errors };
    } finally {
        await emulators.pingone.control.setRateLimit(undefined);
        await bench.dispose({ destroyFirst: true });
        await emulators.close();
    }
}
