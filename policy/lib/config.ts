import type { PolicyConfigSchema } from "@pulumi/policy";
import type { PolicyConfigJSONSchema } from "@pulumi/policy/schema";

/** The JSON schema of each config key, with its default taken from the policy's typed defaults. */
export type ConfigProperties<T> = { [K in keyof T]-?: Omit<PolicyConfigJSONSchema, "default"> };

/**
 * A `configSchema` whose defaults are the policy's typed defaults, so the engine (which fills in schema defaults
 * before the pack runs) and the code agree on one set of values.
 */
export function configSchema<T extends object>(
    defaults: Required<T>,
    properties: ConfigProperties<T>,
): PolicyConfigSchema {
    const schema: PolicyConfigSchema = { properties: {} };
    for (const key of Object.keys(properties) as (keyof T & string)[]) {
        schema.properties[key] = { ...properties[key], default: defaults[key] as PolicyConfigJSONSchema["default"] };
    }
    return schema;
}

/**
 * The policy's effective config: what `getConfig` returns (schema defaults plus `--policy-pack-config`, filled in by
 * the engine), over the typed defaults for anything an older engine did not fill in.
 */
export function policyConfig<T extends object>(
    args: { getConfig<C extends object>(): C },
    defaults: Required<T>,
): Required<T> {
    return { ...defaults, ...args.getConfig<Required<T>>() };
}
