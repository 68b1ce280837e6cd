import { markdownTable } from "./markdownTable";
import type { RateLimitResult } from "./rateLimitRun";

/** The "Under a rate limit" section: one row per rate-limited `up`. */
export function rateLimitMarkdown(runs: RateLimitResult[]): string[] {
    const first = runs[0];
    if (!first) {
        return [];
    }
    const rows = runs.map((r) => {
        const ideal = r.processed / r.limit.requestsPerSecond;
        return [
            label(r),
            String(r.components),
            String(r.limit.requestsPerSecond),
            r.seconds.toFixed(1),
            String(r.processed),
            String(r.rateLimited),
            ideal.toFixed(1),
            `${(r.seconds / ideal).toFixed(2)}×`,
            `${r.failures}${r.failures === 0 ? " ✓" : " ✗"}`,
        ];
    });
    const errors = runs.flatMap((r) => r.errors.map((e) => `- ${label(r)}: ${shorten(e)}`));
    return [
        "## Under a rate limit",
        "",
        `\`up\` of ${first.components} components from scratch while the emulated PingOne (shared by every component)`,
        `answers 429 with \`Retry-After\` above ${first.limit.requestsPerSecond} requests/s (token bucket, burst ${first.limit.burst});`,
        "DocuWare organizations are not limited. The SDK honours `Retry-After`: no operation should fail, and the time",
        "should stay close to requests ÷ rate. When the SDK's defaults fail, the run is repeated with a larger retry",
        "budget, to show the time of a complete deployment (a run with failures stops early: its time says little).",
        "",
        markdownTable(
            [
                "Settings",
                "Components",
                "Rate (req/s)",
                "Time (s)",
                "PingOne requests",
                "429s retried",
                "Requests ÷ rate (s)",
                "Time ÷ (requests ÷ rate)",
                "Failed operations",
            ],
            rows,
            "lrrrrrrrr",
        ),
        "",
        ...(errors.length > 0 ? ["Errors reported:", "", ...errors, ""] : []),
    ];
}

function label(run: RateLimitResult): string {
    const settings = Object.entries(run.settings).map(([name, value]) => `\`${name}=${value}\``);
    return settings.join(" ") || "SDK defaults";
}

/** An error message on one line, without the emulator's address and request ids. */
function shorten(message: string): string {
    return message
        .replace(/http:\/\/127\.0\.0\.1:\d+/g, "")
        .replace(/ \(request id [^)]*\)/g, "")
        .replace(/\s+/g, " ")
        .slice(0, 300);
}
