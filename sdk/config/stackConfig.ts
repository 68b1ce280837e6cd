import { MissingSettingsError } from "../core/errors";
import { registerSecret } from "../core/secrets";

/** What a dynamic provider's `configure` request offers: the whole stack config, keys fully qualified. */
export interface ConfigReader {
    get(key: string): string | undefined;
}

interface Holder {
    __docuwarePingOneStackConfig?: ConfigReader;
}

/** Called from the providers' `configure`; until then (and in tests) only environment variables count. */
export function setStackConfig(reader: ConfigReader | undefined): void {
    (globalThis as Holder).__docuwarePingOneStackConfig = reader;
}

/** Runs `read` with `reader` as the stack config (as in the program, before any provider is configured), then restores the previous one. */
export function withStackConfig<T>(reader: ConfigReader, read: () => T): T {
    const holder = globalThis as Holder;
    const previous = holder.__docuwarePingOneStackConfig;
    holder.__docuwarePingOneStackConfig = reader;
    try {
        return read();
    } finally {
        holder.__docuwarePingOneStackConfig = previous;
    }
}

/** One setting: the stack config key wins over the environment variable. */
export interface SettingSource {
    /** Fully qualified stack config key, e.g. `pingone:clientId`. */
    configKey: string;
    /** Environment variable names, first match wins. */
    envVars: readonly string[];
    secret?: boolean;
}

export function readSetting(source: SettingSource): string | undefined {
    const fromConfig = (globalThis as Holder).__docuwarePingOneStackConfig?.get(source.configKey);
    const value =
        fromConfig ?? source.envVars.map((name) => process.env[name]).find((v) => v !== undefined && v !== "");
    if (source.secret) {
        registerSecret(value);
    }
    return value === "" ? undefined : value;
}

/** Reads required settings and fails once, naming every missing one and where to set it. */
export function requireSettings<K extends string>(
    service: string,
    sources: Record<K, SettingSource>,
): Record<K, string> {
    const values = {} as Record<K, string>;
    const missing: string[] = [];
    for (const key of Object.keys(sources) as K[]) {
        const source = sources[key];
        const value = readSetting(source);
        if (value !== undefined) {
            values[key] = value;
        } else {
            const secret = source.secret ? " --secret" : "";
            missing.push(
                `\`${source.configKey}\` (pulumi config set${secret} ${source.configKey} …, or ${source.envVars.join(" / ")})`,
            );
        }
    }
    if (missing.length > 0) {
        throw new MissingSettingsError(`${service} credentials are incomplete; set ${missing.join(", ")}.`);
    }
    return values;
}
