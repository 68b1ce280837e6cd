import type { MachineInfo } from "./machineInfo";
import type { RateLimitResult } from "./rateLimitRun";
import type { ScaleResult } from "./scaleRun";

/** Everything one `npm run bench` measured. */
export interface BenchResults {
    machine: MachineInfo;
    scale: ScaleResult[];
    rateLimit?: RateLimitResult;
    /** Wall time of the whole benchmark. */
    totalSeconds: number;
}
