import * as pulumi from "@pulumi/pulumi";

/** Resource options that keep the given output properties secret in state, whatever the inputs were. */
export function withSecretOutputs(
    opts: pulumi.CustomResourceOptions | undefined,
    keys: readonly string[],
): pulumi.CustomResourceOptions {
    return pulumi.mergeOptions(opts, { additionalSecretOutputs: [...keys] });
}
