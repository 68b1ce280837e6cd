import type { StoreConfiguration } from "./resourceSchemas";

/** Write-only configuration keys: accepted on write, never returned on read. */
export const WRITE_ONLY_KEYS = ["OAUTH_CLIENT_SECRET", "BASIC_AUTH_PASSWORD", "OAUTH_ACCESS_TOKEN"] as const;

const isWriteOnly = (key: string): boolean => (WRITE_ONLY_KEYS as readonly string[]).includes(key);

/** The configuration as the API returns it (inferred: the current API omits secrets rather than masking them). */
export function omitSecrets(configuration: StoreConfiguration): StoreConfiguration {
    return Object.fromEntries(Object.entries(configuration).filter(([key]) => !isWriteOnly(key)));
}

/** The configuration as the test-control API shows it: secrets present but masked. */
export function maskSecrets(configuration: StoreConfiguration): StoreConfiguration {
    return Object.fromEntries(
        Object.entries(configuration).map(([key, value]) => [key, isWriteOnly(key) ? "***" : value]),
    );
}

/**
 * inferred: PUT is a full replace, but a client cannot read secrets back, so an omitted write-only key keeps its
 * stored value (the behaviour TF-easytofu relies on when it "preserves configured values").
 */
export function keepOmittedSecrets(previous: StoreConfiguration, next: StoreConfiguration): StoreConfiguration {
    const kept = Object.fromEntries(
        WRITE_ONLY_KEYS.filter((key) => next[key] === undefined && previous[key] !== undefined).map((key) => [
            key,
            previous[key] as string | boolean,
        ]),
    );
    return { ...next, ...kept };
}
