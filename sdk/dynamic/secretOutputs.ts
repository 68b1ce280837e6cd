import * as pulumi from "@pulumi/pulumi";
import { guardSdkDebugLog } from "./secretLogGuard";

/**
 * Resource options that keep the given output properties secret in state, whatever the inputs were; also keeps
 * those secrets out of the SDK's debug log.
 */
export function withSecretOutputs(
    opts: pulumi.CustomResourceOptions | undefined,
    keys: readonly string[],
): pulumi.CustomResourceOptions {
    guardSdkDebugLog();
    return pulumi.mergeOptions(opts, { additionalSecretOutputs: [...keys] });
}
