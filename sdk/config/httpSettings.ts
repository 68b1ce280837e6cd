import { ConfigurationError } from "../core/errors";
import type { RetryEvent } from "../core/httpClient";
import type { RetryPolicy } from "../core/retry";
import { readSetting } from "./stackConfig";

export interface HttpSettings {
    timeoutMs: number;
    retry: Partial<RetryPolicy>;
    /** Called before each retry (e.g. to show progress); never receives secrets. */
    onRetry?: (event: RetryEvent) => void;
}

/** Request timeout and retry count shared by every client (`docuware-pingone:*` config or `DOCUWARE_PINGONE_*`). */
export function httpSettings(): HttpSettings {
    const timeoutSeconds = readNumber(
        "docuware-pingone:requestTimeoutSeconds",
        "DOCUWARE_PINGONE_REQUEST_TIMEOUT_SECONDS",
        30,
    );
    const maxRetries = readNumber("docuware-pingone:maxRetries", "DOCUWARE_PINGONE_MAX_RETRIES", 5);
    return { timeoutMs: timeoutSeconds * 1000, retry: { maxRetries } };
}

function readNumber(configKey: string, envVar: string, fallback: number): number {
    const raw = readSetting({ configKey, envVars: [envVar] });
    if (raw === undefined) {
        return fallback;
    }
    const value = Number(raw);
    if (!Number.isFinite(value) || value < 0) {
        throw new ConfigurationError(
            `\`${configKey}\` (${envVar}) must be a non-negative number, got "${raw}"; set a number of seconds or retries, or leave it unset for ${fallback}.`,
        );
    }
    return value;
}
