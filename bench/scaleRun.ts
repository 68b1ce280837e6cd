import type { Stack } from "@pulumi/pulumi/automation";
import { startBenchEmulators } from "./benchEmulators";
import { type BenchStack, createBenchStack } from "./benchStack";
import { componentProgram } from "./componentProgram";
import { floorProgram } from "./floorProgram";
import type { Latency } from "./requestChains";
import { type RequestCount, RequestCounter } from "./requestCounter";
import { timed } from "./timed";

export const OPERATIONS = ["up", "preview", "preview --refresh", "destroy"] as const;
export type Operation = (typeof OPERATIONS)[number];

export interface OperationMeasure {
    operation: Operation;
    /** Wall time of the operation on the components stack, per sample (`READ_ONLY_SAMPLES` per cycle or one). */
    seconds: number[];
    /** Wall time of the same operation on the floor stack (no-op resources), run right before each sample. */
    floorSeconds: number[];
    /** Requests of the first sample. */
    requests: RequestCount;
    /** Whether a later sample sent a different number of requests. */
    requestsVaried: boolean;
    /** Steps other than `same` a preview planned in any cycle; a stack in sync plans none. */
    unexpectedChanges: string[];
}

export type Profile = "no-latency" | "latency";

/**
 * Samples per cycle: the operations that change nothing run three times in a row (floor and components
 * alternating), since one sample of the same stack's refresh moves by ±0.2× from one run to the next; `up` and
 * `destroy` change the stack, so they run once.
 */
export const READ_ONLY_SAMPLES = 3;

function samplesPerCycle(operation: Operation): number {
    return operation === "preview" || operation === "preview --refresh" ? READ_ONLY_SAMPLES : 1;
}

export interface ScaleResult {
    profile: Profile;
    /** Round-trip latency of every request in the latency profile, in ms. */
    latency?: Latency;
    components: number;
    cycles: number;
    operations: OperationMeasure[];
}

/**
 * Runs `cycles` times `up`, `preview`, `preview --refresh` and `destroy` on `count` components and on the floor
 * stack of the same size, each floor operation right before the same one on the components, so both see the same
 * machine load.
 */
export async function runScale(
    count: number,
    cycles: number,
    log: (message: string) => void,
    latency?: Latency,
): Promise<ScaleResult> {
    const { emulators, organizationUrls, providerEnvironment } = await startBenchEmulators(count, latency);
    const profile: Profile = latency ? "latency" : "no-latency";
    const counter = new RequestCounter(emulators);
    const stacks: BenchStack[] = [];
    try {
        const floor = await createBenchStack(`floor-${count}`, floorProgram(count), {});
        stacks.push(floor);
        const components = await createBenchStack(
            `components-${count}`,
            componentProgram(organizationUrls),
            providerEnvironment,
        );
        stacks.push(components);
        const measures = new Map<Operation, OperationMeasure>();
        for (let cycle = 1; cycle <= cycles; cycle++) {
            for (const operation of OPERATIONS) {
                for (let sample = 0; sample < samplesPerCycle(operation); sample++) {
                    const floorRun = await timed(() => runOperation(floor.stack, operation));
                    await counter.reset();
                    const componentRun = await timed(() => runOperation(components.stack, operation));
                    const requests = await counter.read();
                    const measure = measures.get(operation) ?? {
                        operation,
                        seconds: [],
                        floorSeconds: [],
                        requests,
                        requestsVaried: false,
                        unexpectedChanges: [],
                    };
                    measure.seconds.push(componentRun.seconds);
                    measure.floorSeconds.push(floorRun.seconds);
                    measure.requestsVaried ||= requests.processed !== measure.requests.processed;
                    measure.unexpectedChanges.push(
                        ...componentRun.value.filter((c) => !measure.unexpectedChanges.includes(c)),
                    );
                    measures.set(operation, measure);
                    log(
                        `${profile}, ${count} component(s), cycle ${cycle}/${cycles}, ${operation}: ` +
                            `${componentRun.seconds.toFixed(1)} s (floor ${floorRun.seconds.toFixed(1)} s), ` +
                            `${requests.processed} requests`,
                    );
                }
            }
        }
        await Promise.all(stacks.map((s) => s.dispose()));
        stacks.length = 0;
        return { profile, latency, components: count, cycles, operations: [...measures.values()] };
    } finally {
        await Promise.all(stacks.map((s) => s.dispose({ destroyFirst: true })));
        await emulators.close();
    }
}

/** Runs one operation; returns the steps other than `same` of a preview. */
export async function runOperation(stack: Stack, operation: Operation): Promise<string[]> {
    switch (operation) {
        case "up":
            await stack.up();
            return [];
        case "preview":
            return changes((await stack.preview()).changeSummary);
        case "preview --refresh":
            return changes((await stack.preview({ refresh: true })).changeSummary);
        case "destroy":
            await stack.destroy();
            return [];
    }
}

function changes(summary: Record<string, number>): string[] {
    return Object.entries(summary)
        .filter(([op, n]) => op !== "same" && n > 0)
        .map(([op, n]) => `${n} ${op}`);
}
