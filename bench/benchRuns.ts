import { cpus } from "node:os";
import type { BenchResults } from "./benchResults";
import { median } from "./median";
import { requestBound } from "./requestChains";
import { minimumTotal } from "./requestMinimums";
import { type Operation, type Profile, type ScaleResult } from "./scaleRun";

/** One operation of one profile and size, as `bench/results/latest.json` lists it. */
export interface BenchRun {
    profile: Profile;
    operation: Operation;
    components: number;
    /** Median wall time over the samples. */
    seconds: number;
    /** The lower bound: the floor, plus under latency what the fewest requests must wait (see `requestBound`). */
    boundSeconds: number;
    /** Median over the samples of time ÷ bound. */
    ratio: number;
    /** Requests processed during the first sample of the operation. */
    requests: number;
    minimumRequests: number;
}

/**
 * Resource operations the engine runs at once: `pulumi up --help` shows "default 8" on this 2-core machine, which
 * matches 4 × cores (inferred).
 */
export const ENGINE_PARALLELISM = 4 * cpus().length;

export function benchRuns(results: BenchResults): BenchRun[] {
    return results.scale.flatMap((s) => s.operations.map((m) => benchRun(s, m)));
}

function benchRun(scale: ScaleResult, m: ScaleResult["operations"][number]): BenchRun {
    const requestSeconds = (floorSeconds: number) => {
        if (!scale.latency) {
            return floorSeconds;
        }
        const bound = requestBound(m.operation, scale.components, scale.latency, ENGINE_PARALLELISM);
        return floorSeconds + Math.max(bound.chainSeconds, bound.parallelSeconds);
    };
    const ratios = m.seconds.map((seconds, i) => seconds / requestSeconds(m.floorSeconds[i] ?? seconds));
    return {
        profile: scale.profile,
        operation: m.operation,
        components: scale.components,
        seconds: round(median(m.seconds)),
        boundSeconds: round(requestSeconds(median(m.floorSeconds))),
        ratio: round(median(ratios)),
        requests: m.requests.processed,
        minimumRequests: minimumTotal(m.operation, scale.components),
    };
}

function round(value: number): number {
    return Math.round(value * 100) / 100;
}
