import { mkdirSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import * as prettier from "prettier";
import type { BenchResults } from "./benchResults";
import { benchRuns } from "./benchRuns";
import { machineInfo } from "./machineInfo";
import { runRateLimit } from "./rateLimitRun";
import { resultsMarkdown } from "./resultsMarkdown";
import { runScale } from "./scaleRun";
import { timePlot } from "./timePlot";

/**
 * `npm run bench`: wall time of up / preview --refresh / destroy for 1, 10 and 50 components against the engine's
 * floor, again with every request taking a realistic round trip (latency profile) against the floor plus what the
 * fewest requests must wait, requests per operation against the minimum, and an `up` under a PingOne rate limit.
 * Writes bench/results/latest.md, latest.json and time-vs-components.svg, and prints the markdown.
 *
 * Every stack runs BENCH_CYCLES cycles (default 3), `preview` and `preview --refresh` three samples per cycle
 * (`READ_ONLY_SAMPLES`), and reports medians; with latency, stacks of more than 10 components run one cycle (their
 * ratios are far from the targets, and each cycle takes minutes).
 * For quick iterations (any BENCH_* variable writes the results to git-ignored *.tmp files instead): BENCH_COMPONENTS=1,3,
 * BENCH_RATE_LIMIT_COMPONENTS (0 skips that run), BENCH_RATE and BENCH_BURST (PingOne requests/s and burst).
 */
const DEFAULT_COUNTS = "1,10,50";
/** With latency, stacks up to this many components run `BENCH_CYCLES` cycles, larger ones once. */
const SMALL_STACK = 10;
/** Provider settings of the repeated rate-limited run when the SDK's defaults (5 retries) fail. */
const LARGER_RETRY_BUDGET = { DOCUWARE_PINGONE_MAX_RETRIES: "30" };
/** Round trips of the latency profile: PingOne's and DocuWare Cloud's order of magnitude from Europe (inferred). */
const LATENCY = { pingone: 100, docuware: 150 };

async function main(): Promise<void> {
    const counts = (process.env.BENCH_COMPONENTS ?? DEFAULT_COUNTS).split(",").map(Number);
    if (counts.some((n) => !Number.isInteger(n) || n < 1)) {
        throw new Error(
            `BENCH_COMPONENTS must be positive integers, e.g. 1,10,50; got "${process.env.BENCH_COMPONENTS}".`,
        );
    }
    const repeats = Number(process.env.BENCH_CYCLES ?? 3);
    const rateLimitCount = Number(process.env.BENCH_RATE_LIMIT_COMPONENTS ?? Math.max(...counts));
    const limit = {
        requestsPerSecond: Number(process.env.BENCH_RATE ?? 10),
        burst: Number(process.env.BENCH_BURST ?? 10),
    };
    const started = performance.now();
    const log = (message: string) =>
        console.log(`bench [${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`);

    const machine = machineInfo();
    log(`${machine.cpu} × ${machine.cores}, load ${machine.loadAverage}, ${machine.pulumi}, node ${machine.node}`);
    const results: BenchResults = { machine, scale: [], rateLimit: [], totalSeconds: 0 };
    for (const count of counts) {
        log(`${count} component(s): up, preview, preview --refresh, destroy (floor first each time)`);
        results.scale.push(await runScale(count, repeats, log));
    }
    // BENCH_LATENCY=0 skips the latency profile.
    if (process.env.BENCH_LATENCY !== "0") {
        for (const count of counts) {
            log(`${count} component(s) at ${LATENCY.pingone} ms (PingOne) / ${LATENCY.docuware} ms (DocuWare)`);
            results.scale.push(await runScale(count, count <= SMALL_STACK ? repeats : 1, log, LATENCY));
        }
    }
    if (rateLimitCount > 0) {
        for (const settings of [{}, LARGER_RETRY_BUDGET]) {
            const label = Object.keys(settings).length === 0 ? "SDK defaults" : JSON.stringify(settings);
            log(
                `${rateLimitCount} components: up with PingOne limited to ${limit.requestsPerSecond} requests/s ` +
                    `(burst ${limit.burst}), ${label}`,
            );
            const r = await runRateLimit(rateLimitCount, limit, settings);
            results.rateLimit.push(r);
            log(
                `rate-limited up: ${r.seconds.toFixed(1)} s, ${r.processed} PingOne requests, ` +
                    `${r.rateLimited} answered 429, ${r.failures} failed operation(s)`,
            );
            if (r.failures === 0) {
                break;
            }
        }
    }
    results.totalSeconds = (performance.now() - started) / 1000;

    // Formatted like every file of the repository, so `prettier --check .` (npm test) accepts the committed figures.
    const markdownFile = path.join(__dirname, "results", "latest.md");
    const markdown = await prettier.format(resultsMarkdown(results), {
        ...(await prettier.resolveConfig(markdownFile)),
        filepath: markdownFile,
    });
    // Only the default configuration updates the committed figures; other runs go to git-ignored *.tmp files.
    const suffix = Object.keys(process.env).some((name) => name.startsWith("BENCH_")) ? ".tmp" : "";
    const dir = path.join(__dirname, "results");
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, `latest.md${suffix}`), markdown);
    writeFileSync(path.join(dir, `time-vs-components.svg${suffix}`), timePlot(results));
    const json = { machine, totalSeconds: Math.round(results.totalSeconds), runs: benchRuns(results) };
    const jsonFile = path.join(dir, "latest.json");
    const formattedJson = await prettier.format(JSON.stringify(json), {
        ...(await prettier.resolveConfig(jsonFile)),
        filepath: jsonFile,
    });
    writeFileSync(`${jsonFile}${suffix}`, formattedJson);
    console.log(`\n${markdown}`);
    log(`wrote bench/results/latest.md${suffix}, latest.json${suffix} and time-vs-components.svg${suffix}`);
}

main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
});
