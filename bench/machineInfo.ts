import { execFileSync } from "node:child_process";
import * as os from "node:os";

/** The machine a benchmark ran on, as the results report it. */
export interface MachineInfo {
    cpu: string;
    cores: number;
    memoryGiB: number;
    os: string;
    node: string;
    pulumi: string;
    /** 1-minute load average when the benchmark started: other work on the machine skews timings. */
    loadAverage: number;
    date: string;
}

export function machineInfo(): MachineInfo {
    const cpus = os.cpus();
    const models = [...new Set(cpus.map((c) => c.model.trim()))];
    return {
        cpu: models.join(", ") || "unknown",
        cores: cpus.length,
        memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
        os: `${os.type()} ${os.release()} ${os.arch()}`,
        node: process.version,
        pulumi: execFileSync("pulumi", ["version"], { encoding: "utf8" }).trim(),
        loadAverage: Math.round((os.loadavg()[0] ?? 0) * 100) / 100,
        date: new Date().toISOString(),
    };
}
