import { Secret } from "@pulumi/policy";
import { isKnown, known } from "./unknowns";

/**
 * Validations see secret values as plain values, so only a remediation can tell a secret input from a plain one: the
 * analyzer hands it props behind two proxies (unknown checking, then secret preserving) whose underlying object holds
 * secrets as `Secret` instances. This key of @pulumi/policy (1.21, internal) returns a proxy's target.
 */
const PROXY_TARGET = "__getSpecialProxyTarget";

function underlying(value: object): Record<string, unknown> {
    let current = value as Record<string, unknown>;
    for (let depth = 0; depth < 4; depth++) {
        const target = current[PROXY_TARGET];
        if (target === undefined || target === null || typeof target !== "object") {
            break;
        }
        current = target as Record<string, unknown>;
    }
    return current;
}

/** True when `container[key]` is a known, non-empty string that the engine does not hold as a secret. */
export function isPlainSecretInput(container: object, key: string): boolean {
    const value = known(() => (container as Record<string, unknown>)[key]);
    if (!isKnown(value) || typeof value !== "string" || value === "") {
        return false;
    }
    return !(underlying(container)[key] instanceof Secret);
}

/** Marks `container[key]` secret in the remediated props (a remediation's return value). */
export function markSecret(container: object, key: string): void {
    (container as Record<string, unknown>)[key] = new Secret((container as Record<string, unknown>)[key]);
}
