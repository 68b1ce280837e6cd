import type { MachineInfo } from "./machineInfo";
import type { RateLimitResult } from "./rateLimitRun";
import type { ScaleResult } from "./scaleRun";

/** Everything one `npm run bench` measured. */
export interface BenchResults {
    machine: MachineInfo;
    scale: ScaleResult[];
    /** The rate-limited `up` with the SDK's defaults, and again with a larger retry budget when that one failed. */
    rateLimit: RateLimitResult[];
    /** Wall time of the whole benchmark. */
    totalSeconds: number;
}
