import { type CrashMode, cellsOf, crashPoints, describeCell, runCrashCell } from "../helpers/crashCell";

/**
 * `npm run test:crash`: the full crash matrix (issue 19). Every request of (a) a first `up`, (b) an `up` changing
 * mappings and user filter, (c) a `destroy` is held, the deployment's whole process tree is killed, and the recovery
 * the README describes must end with state equal to the live services. Options: `--mode <first-up|change-up|destroy>`
 * (repeatable), `--writes-only` or `--reads-only`, `--outcome <complete|drop>`, `--offset <n>` and `--limit <n>` (per mode: the cells run).
 */
async function main(): Promise<void> {
    const args = process.argv.slice(2);
    const modes = args.flatMap((a, i) => (a === "--mode" ? [args[i + 1] as CrashMode] : []));
    const limitIndex = args.indexOf("--limit");
    const limit = limitIndex >= 0 ? Number(args[limitIndex + 1]) : Infinity;
    const offsetIndex = args.indexOf("--offset");
    const offset = offsetIndex >= 0 ? Number(args[offsetIndex + 1]) : 0;
    const writesOnly = args.includes("--writes-only");
    const readsOnly = args.includes("--reads-only");
    const outcomeIndex = args.indexOf("--outcome");
    const outcome = outcomeIndex >= 0 ? args[outcomeIndex + 1] : undefined;
    let cells = 0;
    let passed = 0;
    const failures: string[] = [];
    for (const mode of modes.length > 0 ? modes : (["first-up", "change-up", "destroy"] as const)) {
        const all = await crashPoints(mode);
        const reads = all.filter((p) => p.method === "GET").length;
        console.log(`${mode}: ${all.length} requests (${all.length - reads} writes, ${reads} reads)`);
        const points = all.filter((p) => (!writesOnly || p.method !== "GET") && (!readsOnly || p.method === "GET"));
        const selected = cellsOf(mode, points).filter((c) => outcome === undefined || c.outcome === outcome);
        for (const cell of selected.slice(offset, offset + limit)) {
            cells++;
            const started = Date.now();
            try {
                const notes = await runCrashCell(cell);
                passed++;
                const seconds = Math.round((Date.now() - started) / 1000);
                console.log(`pass ${describeCell(cell)} (${seconds} s)${notes.map((n) => `\n  note: ${n}`).join("")}`);
            } catch (error) {
                const reason = (error instanceof Error ? error.message : String(error))
                    .split("\n")
                    .slice(0, 12)
                    .join("\n  ");
                failures.push(`${describeCell(cell)}: ${reason}`);
                console.log(`FAIL ${describeCell(cell)}\n  ${reason}`);
            }
        }
    }
    console.log(`crash: ${cells} cells, ${passed} pass`);
    process.exitCode = passed === cells ? 0 : 1;
}

void main();
