import type { z } from "zod";

/**
 * During preview, inputs that depend on not-yet-created resources reach `check` and `diff` as this string, whatever
 * their declared type (pulumi/pulumi#6310).
 */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export function isUnknown(value: unknown): boolean {
    return value === UNKNOWN;
}

/** True when the value, or anything inside it, is unknown. */
export function containsUnknown(value: unknown): boolean {
    if (isUnknown(value)) {
        return true;
    }
    if (Array.isArray(value)) {
        return value.some(containsUnknown);
    }
    if (value !== null && typeof value === "object") {
        return Object.values(value).some(containsUnknown);
    }
    return false;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
    let current: unknown = root;
    for (const key of path) {
        if (current === null || typeof current !== "object") {
            return undefined;
        }
        current = (current as Record<PropertyKey, unknown>)[key];
    }
    return current;
}

/** Drops issues about values that are still unknown: they are checked again once known, at `up`. */
export function issuesOutsideUnknowns(issues: readonly z.core.$ZodIssue[], inputs: unknown): z.core.$ZodIssue[] {
    return issues.filter((issue) => {
        for (let length = issue.path.length; length >= 0; length--) {
            if (isUnknown(valueAt(inputs, issue.path.slice(0, length)))) {
                return false;
            }
        }
        return true;
    });
}
