import { readFileSync, readdirSync } from "node:fs";

/** Child pids of one process, from /proc (every thread's `children` list). */
function childrenOf(pid: number): number[] {
    try {
        return readdirSync(`/proc/${pid}/task`).flatMap((tid) =>
            readFileSync(`/proc/${pid}/task/${tid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number),
        );
    } catch {
        return []; // already gone
    }
}

/** The process and all its descendants. Pulumi starts plugins in their own process groups: a group kill misses them. */
export function processTree(root: number): number[] {
    const all: number[] = [];
    const queue = [root];
    while (queue.length > 0) {
        const pid = queue.shift()!;
        all.push(pid);
        queue.push(...childrenOf(pid));
    }
    return all;
}

/** SIGKILL to the whole tree, stopped first so no process can start another while the tree is walked. */
export function killTree(root: number): number {
    const pids = processTree(root);
    for (const pid of pids) {
        try {
            process.kill(pid, "SIGSTOP");
        } catch {
            // exited meanwhile
        }
    }
    const late = processTree(root).filter((pid) => !pids.includes(pid));
    for (const pid of [...pids, ...late]) {
        try {
            process.kill(pid, "SIGKILL");
        } catch {
            // exited meanwhile
        }
    }
    return pids.length + late.length;
}
