import { readFileSync } from "node:fs";

/** One node of a V8 `.cpuprofile` (what `node --cpu-prof` and the inspector's Profiler write). */
interface ProfileNode {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    hitCount?: number;
    children?: number[];
}

interface CpuProfile {
    nodes: ProfileNode[];
    startTime: number;
    endTime: number;
    samples?: number[];
    timeDeltas?: number[];
}

export interface ProfileSummary {
    /** Wall time the profile covers, in ms. */
    totalMs: number;
    /** Sampled time not idle (program, GC), in ms. */
    busyMs: number;
    /** Self time per module (package name, this package's file, node internals, GC, idle), biggest first. */
    selfByModule: [string, number][];
    /** Self time per function (`name module:line`), biggest first. */
    selfByFunction: [string, number][];
    /** Inclusive time per module (each sample counted once per module on its stack), biggest first. */
    totalByModule: [string, number][];
    /** Inclusive time per function. */
    totalByFunction: [string, number][];
}

/** Where a script URL belongs: an npm package, a file of this package, a Node internal, or a V8 pseudo-frame. */
export function moduleOf(url: string, functionName: string): string {
    if (!url) {
        return `(${functionName.replace(/[()]/g, "") || "native"})`;
    }
    const packages = url.split("node_modules/");
    if (packages.length > 1) {
        const rest = packages.at(-1)!.split("/");
        const name = rest[0]!.startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0]!;
        return name === "pulumi-docuware-pingone" ? `(this package) ${rest.slice(1).join("/")}` : name;
    }
    if (url.startsWith("node:") || !url.includes("/")) {
        return "(node internals)";
    }
    const ours = url.match(/\/(sdk|components|bench|emulators|dist|test)\/.*$/);
    return ours ? `(this package) ${ours[0].slice(1)}` : url;
}

/** Summarizes `.cpuprofile` files (e.g. slices of one process) together: self and inclusive time by module and function. */
export function summarizeCpuProfiles(files: readonly string[]): ProfileSummary {
    const summaries = files.map((file) => summarizeCpuProfile(JSON.parse(readFileSync(file, "utf8")) as CpuProfile));
    const merge = (pick: (s: ProfileSummary) => [string, number][]) => {
        const total = new Map<string, number>();
        summaries.forEach((s) => pick(s).forEach(([key, ms]) => total.set(key, (total.get(key) ?? 0) + ms)));
        return [...total.entries()].sort((a, b) => b[1] - a[1]);
    };
    return {
        totalMs: summaries.reduce((sum, s) => sum + s.totalMs, 0),
        busyMs: summaries.reduce((sum, s) => sum + s.busyMs, 0),
        selfByModule: merge((s) => s.selfByModule),
        selfByFunction: merge((s) => s.selfByFunction),
        totalByModule: merge((s) => s.totalByModule),
        totalByFunction: merge((s) => s.totalByFunction),
    };
}

function summarizeCpuProfile(profile: CpuProfile): ProfileSummary {
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const node of profile.nodes) {
        for (const child of node.children ?? []) {
            parent.set(child, node.id);
        }
    }
    const samples = profile.samples ?? [];
    const deltas = profile.timeDeltas ?? [];
    const selfModule = new Map<string, number>();
    const selfFunction = new Map<string, number>();
    const totalModule = new Map<string, number>();
    const totalFunction = new Map<string, number>();
    let busy = 0;
    const add = (map: Map<string, number>, key: string, ms: number) => map.set(key, (map.get(key) ?? 0) + ms);
    samples.forEach((id, i) => {
        // A sample's time is the gap to the next one.
        const ms = (deltas[i + 1] ?? 0) / 1000;
        const node = byId.get(id)!;
        const module = moduleOf(node.callFrame.url, node.callFrame.functionName);
        add(selfModule, module, ms);
        if (module !== "(idle)" && module !== "(program)") {
            busy += ms;
        }
        add(selfFunction, functionOf(node), ms);
        const seen = new Set<string>();
        for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
            const frame = byId.get(at)!;
            for (const key of [moduleOf(frame.callFrame.url, frame.callFrame.functionName), functionOf(frame)]) {
                if (!seen.has(key)) {
                    seen.add(key);
                    add(key.includes(" ") && frame.callFrame.url ? totalFunction : totalModule, key, ms);
                }
            }
        }
    });
    const sorted = (map: Map<string, number>) => [...map.entries()].sort((a, b) => b[1] - a[1]);
    return {
        totalMs: (profile.endTime - profile.startTime) / 1000,
        busyMs: busy,
        selfByModule: sorted(selfModule),
        selfByFunction: sorted(selfFunction),
        totalByModule: sorted(totalModule),
        totalByFunction: sorted(totalFunction),
    };
}

function functionOf(node: ProfileNode): string {
    const { functionName, url, lineNumber } = node.callFrame;
    const module = moduleOf(url, functionName);
    return `${functionName || "(anonymous)"} ${url ? `${module}:${lineNumber + 1}` : module}`;
}

if (require.main === module) {
    const top = Number(process.env.TOP ?? 15);
    {
        const file = process.argv.slice(2).join(" ");
        const s = summarizeCpuProfiles(process.argv.slice(2));
        const line = ([name, ms]: [string, number]) => `  ${ms.toFixed(0).padStart(7)} ms  ${name}`;
        console.log(`${file}: ${s.totalMs.toFixed(0)} ms profiled, ${s.busyMs.toFixed(0)} ms busy`);
        console.log(" self by module:");
        s.selfByModule.slice(0, top).forEach((e) => console.log(line(e)));
        console.log(" inclusive by module:");
        s.totalByModule.slice(0, top).forEach((e) => console.log(line(e)));
        console.log(" self by function:");
        s.selfByFunction.slice(0, top).forEach((e) => console.log(line(e)));
    }
}
