import { registerSecret } from "../sdk/core/secrets";

/** Keys whose values are secret inside a JSON-valued secret (`{"https://…": {"clientId": …, "clientSecret": …}}`). */
const SECRET_KEY = /secret|password|token|passphrase/i;

/**
 * Registers a secret value so that it is never printed. A JSON value also registers the strings it holds under secret
 * keys (client ids and URLs beside them stay readable).
 */
export function registerSecretValue(value: string | undefined): void {
    registerSecret(value);
    if (value === undefined || !/^\s*[[{]/.test(value)) {
        return;
    }
    try {
        registerNested(JSON.parse(value) as unknown, false);
    } catch {
        // not JSON after all: registered whole above
    }
}

function registerNested(value: unknown, secret: boolean): void {
    if (typeof value === "string") {
        if (secret) {
            registerSecret(value);
        }
    } else if (Array.isArray(value)) {
        value.forEach((item) => registerNested(item, secret));
    } else if (typeof value === "object" && value !== null) {
        for (const [key, item] of Object.entries(value)) {
            registerNested(item, secret || SECRET_KEY.test(key));
        }
    }
}
