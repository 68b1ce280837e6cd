/**
 * For Automation API inline programs run in one long-lived process (the engine tests, the benchmark). grpc-js shares
 * subchannels per address process-wide: when an engine listens on a port an earlier engine used, the program's new
 * monitor channel inherits the old subchannel's failure state and its calls fail with "14 UNAVAILABLE: No connection
 * established. Last error: null"; the Automation API then ends the program as if it had succeeded, and the engine
 * deletes what was not registered. Giving each channel its own subchannel pool avoids it. (A `pulumi` CLI run starts
 * a fresh process and is not affected.)
 */
export function useOwnSubchannelPools(): void {
    const settings = require("@pulumi/pulumi/runtime/settings") as { grpcClientOptions: Record<string, unknown> };
    settings.grpcClientOptions["grpc.use_local_subchannel_pool"] = 1;
}
