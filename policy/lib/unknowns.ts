import * as policySdk from "@pulumi/policy";

/**
 * A value the engine cannot know yet: during `pulumi preview`, inputs computed from other resources' outputs (a SCIM
 * URL, a store id) are unknown. The analyzer wraps props in a proxy that throws `UnknownValueError` when such a value
 * is read, which the pack would turn into an advisory "can't run policy" for the whole policy. Policies read props
 * through `snapshot` instead: every unknown leaf becomes `UNKNOWN`, so the known part is still checked and the rest is
 * checked at `pulumi up`, when the value is known.
 */
export const UNKNOWN: unique symbol = Symbol("unknown during preview");
export type Unknown = typeof UNKNOWN;

/** A plain copy of `T` in which any value, at any depth, may be unknown. */
export type Snapshot<T> = [T] extends [readonly (infer E)[] | undefined]
    ? Snapshot<E>[] | Extract<T, undefined> | Unknown
    : [T] extends [object | undefined]
      ? { [K in keyof T]: Snapshot<T[K]> } | Extract<T, undefined> | Unknown
      : T | Unknown;

/** The props of a resource: the top level itself is always known. */
export type Props<T> = { [K in keyof T]: Snapshot<T[K]> };

// Exported by @pulumi/policy 1.21 at run time, but marked @internal, so missing from its typings.
const { UnknownValueError } = policySdk as unknown as { UnknownValueError: new (...args: never[]) => Error };

function isUnknownValueError(error: unknown): boolean {
    return typeof UnknownValueError === "function" && error instanceof UnknownValueError;
}

/** Reads one value, returning `UNKNOWN` instead of throwing when the engine does not know it yet. */
export function known<T>(read: () => T): T | Unknown {
    try {
        return read();
    } catch (error) {
        if (isUnknownValueError(error)) {
            return UNKNOWN;
        }
        throw error;
    }
}

export function isKnown<T>(value: T | Unknown): value is T {
    return value !== UNKNOWN;
}

function copy(value: unknown): unknown {
    if (value === null || typeof value !== "object") {
        return value;
    }
    if (Array.isArray(value)) {
        const items: unknown[] = [];
        for (let index = 0; index < value.length; index++) {
            items.push(copy(known(() => value[index] as unknown)));
        }
        return items;
    }
    const result: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
        result[key] = copy(known(() => (value as Record<string, unknown>)[key]));
    }
    return result;
}

/** A plain, proxy-free copy of a resource's props with every unknown value replaced by `UNKNOWN`. */
export function snapshot<T extends object>(props: T): Props<T> {
    return copy(props) as Props<T>;
}
