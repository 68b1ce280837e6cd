import type { BenchResults } from "./benchResults";
import { ENGINE_PARALLELISM, benchRuns } from "./benchRuns";
import { RESOURCES_PER_COMPONENT } from "./floorProgram";
import { markdownTable as table } from "./markdownTable";
import { median } from "./median";
import { rateLimitMarkdown } from "./rateLimitMarkdown";
import { REQUEST_MINIMUMS, minimumFor, minimumTotal } from "./requestMinimums";
import { OPERATIONS, type Operation, READ_ONLY_SAMPLES, type ScaleResult } from "./scaleRun";
import { SURPLUS_NOTES } from "./surplusNotes";

const TIMED: Operation[] = ["up", "preview", "preview --refresh", "destroy"];

/** The results as the markdown file `bench/results/latest.md`. */
export function resultsMarkdown(results: BenchResults): string {
    const plain = results.scale.filter((s) => s.profile === "no-latency");
    const largest = plain.at(-1);
    return [
        "# Benchmark: `DocuWarePingOneProvisioning` through the Pulumi engine",
        "",
        "Latest figures of `npm run bench` (bench/run.ts), from one run against the emulators. Timings are noisy on a",
        "shared machine; each ratio compares two stacks measured back to back in the same run.",
        "",
        "## Machine",
        "",
        machineTable(results),
        "",
        "## Wall time against the engine's floor",
        "",
        `The floor is a stack of no-op dynamic resources (every provider method returns at once) with the same shape: for N`,
        `components, one shared resource (the plan) and N × (1 component + ${RESOURCES_PER_COMPONENT} dynamic resources) chained like the`,
        "real children (registration → settings → connection → rule → revision). Each floor operation runs right before the",
        "same operation on the components. The engine's default parallelism applies to both. Times are medians over the",
        "cycles (up → preview → preview --refresh → destroy, repeated on the same stacks; `preview` and",
        `\`preview --refresh\`, which change nothing, run ${READ_ONLY_SAMPLES} times per cycle); the ratio is the median of the`,
        "per-sample ratios, with their range.",
        "",
        timeTable(plain),
        "",
        "![Wall time against component count](time-vs-components.svg)",
        "",
        ...latencySection(results),
        "## Requests against the minimum",
        "",
        "Requests the emulated PingOne and DocuWare processed during each operation, against the fewest the operation",
        "needs: the creates/updates/deletes the APIs require, one read per managed object on refresh, one token per",
        "credential, DocuWare discovery once per organization at create and its id in every operation (listed per route",
        "below; later operations sign in at the token endpoint kept in state). `preview` without refresh must",
        "send none; `preview --refresh` sends only the refresh's reads, so its row is the refresh's count. Name-conflict",
        "checks before a create are a design choice, counted as surplus.",
        "",
        requestTable(plain),
        "",
        ...(largest ? routeSections(largest) : []),
        ...rateLimitMarkdown(results.rateLimit),
    ].join("\n");
}

function machineTable({ machine, totalSeconds }: BenchResults): string {
    return table(
        ["Machine", ""],
        [
            ["CPU", `${machine.cpu} × ${machine.cores}`],
            ["Memory", `${machine.memoryGiB} GiB`],
            ["OS", machine.os],
            ["Node.js", machine.node],
            ["Pulumi", machine.pulumi],
            ["Load average (1 min) at start", String(machine.loadAverage)],
            ["Date", machine.date],
            ["Benchmark run time", `${(totalSeconds / 60).toFixed(1)} min`],
        ],
        "ll",
    );
}

function timeTable(scale: ScaleResult[]): string {
    const rows = TIMED.flatMap((operation) =>
        scale.flatMap((s) => {
            const m = s.operations.find((o) => o.operation === operation);
            if (!m) {
                return [];
            }
            const ratios = m.seconds.map((seconds, i) => seconds / (m.floorSeconds[i] ?? seconds));
            const spread =
                ratios.length > 1 ? ` (${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)})` : "";
            return [
                [
                    `\`${operation}\``,
                    String(s.components),
                    String(1 + s.components * (1 + RESOURCES_PER_COMPONENT)),
                    String(m.seconds.length),
                    median(m.seconds).toFixed(1),
                    median(m.floorSeconds).toFixed(1),
                    `${median(ratios).toFixed(2)}×${spread}`,
                ],
            ];
        }),
    );
    return table(
        ["Operation", "Components", "Resources", "Samples", "Time (s)", "Floor (s)", "Time ÷ floor (min–max)"],
        rows,
        "lrrrrrr",
    );
}

function latencySection(results: BenchResults): string[] {
    const latency = results.scale.find((s) => s.latency)?.latency;
    if (!latency) {
        return [];
    }
    const runs = benchRuns(results).filter((r) => r.profile === "latency" && r.operation !== "preview");
    const rows = runs.map((r) => [
        `\`${r.operation}\``,
        String(r.components),
        r.seconds.toFixed(1),
        r.boundSeconds.toFixed(1),
        `${r.ratio.toFixed(2)}×`,
        String(r.requests),
        String(r.minimumRequests),
    ]);
    return [
        "## With network latency",
        "",
        `Every request to the emulated PingOne takes ${latency.pingone} ms, to DocuWare ${latency.docuware} ms (round trip, every`,
        "route). The bound is the floor (measured right before, as above) plus the larger of: the longest chain of the",
        "fewest requests that must wait on each other (bench/requestChains.ts: registration → settings → connection →",
        "rule → revision, with DocuWare discovery before an organization's first call at create, tokens and lookups off",
        "the chain, a rule's mappings overlapping; on `destroy` the shared plan goes in the engine's last wave, after the",
        `registrations), and all resources' round trips spread over the engine's ${ENGINE_PARALLELISM} parallel operations (on`,
        "`destroy` wave by wave: the engine deletes by depth, each wave finished before the next).",
        "It is a lower bound in spirit, not strictly: engine work and waits can overlap.",
        "",
        table(
            ["Operation", "Components", "Time (s)", "Bound (s)", "Time ÷ bound", "Requests", "Minimum"],
            rows,
            "lrrrrrr",
        ),
        "",
    ];
}

function requestTable(scale: ScaleResult[]): string {
    const rows = OPERATIONS.flatMap((operation) =>
        scale.map((s) => {
            const m = s.operations.find((o) => o.operation === operation);
            const measured = m?.requests.processed ?? 0;
            const minimum = minimumTotal(operation, s.components);
            const ratio =
                minimum === 0 ? (measured === 0 ? "0 ✓" : `${measured} ✗`) : `${(measured / minimum).toFixed(2)}×`;
            const notes = [
                ...(m && m.unexpectedChanges.length > 0 ? [`planned: ${m.unexpectedChanges.join(", ")}`] : []),
                ...(m?.requestsVaried ? ["count varied across samples; first shown"] : []),
            ];
            const drift = notes.length > 0 ? ` (${notes.join("; ")})` : "";
            return [`\`${operation}\`${drift}`, String(s.components), String(measured), String(minimum), ratio];
        }),
    );
    return table(["Operation", "Components", "Requests", "Minimum", "Requests ÷ minimum"], rows, "lrrrr");
}

/** Per route, for the largest run: measured, minimum and why. */
function routeSections(largest: ScaleResult): string[] {
    const n = largest.components;
    return largest.operations
        .filter((m) => m.operation !== "preview")
        .flatMap((m) => {
            const routes = [
                ...new Set([...REQUEST_MINIMUMS[m.operation].map((r) => r.route), ...Object.keys(m.requests.byRoute)]),
            ];
            const rows = routes.map((route) => {
                const measured = m.requests.byRoute[route] ?? 0;
                const minimum = minimumFor(m.operation, route, n);
                const needs = REQUEST_MINIMUMS[m.operation].filter((r) => r.route === route);
                const formula =
                    needs
                        .map((r) => (r.perComponent > 0 ? `${r.perComponent}/component` : `${r.perStack}/stack`))
                        .join(" + ") || "0";
                const why = needs.map((r) => r.why).join("; ");
                const note = measured > minimum ? (SURPLUS_NOTES[m.operation][route] ?? "unexplained") : "";
                return [
                    `\`${route}\``,
                    formula,
                    String(minimum),
                    String(measured),
                    [why, note].filter(Boolean).join(" — surplus: "),
                ];
            });
            return [
                `### \`${m.operation}\` per route, ${n} components`,
                "",
                table(["Route", "Minimum", `Min. (N=${n})`, "Requests", "Why / surplus"], rows, "lrrrl"),
                "",
            ];
        });
}
