import type * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";
import { ConfigurationError, DeleteFailedError, PartialFailure, ReadFailedError } from "../core/errors";
import { redactError } from "../core/secrets";
import { resourceLabel, withRetryLog } from "./retryLog";
import { containsUnknown, issuesOutsideUnknowns } from "./unknowns";

/** Key under which the engine keeps the serialized provider; never part of a comparison. */
export const PROVIDER_KEY = "__provider";

/**
 * A managed object type: how its inputs are validated, which fields are managed (compared on diff and refresh),
 * which of those force a replacement, and the CRUD calls against the service. `I` is the validated input (zod
 * output, defaults applied); `O` the outputs, which repeat every managed input field with its live value.
 */
export interface ResourceDefinition<I extends object, O extends object> {
    /** `<module>:<Type>`, as in the type token `pulumi-nodejs:dynamic/<module>:<Type>`. */
    kind: string;
    inputs: z.ZodType<I, unknown>;
    /** Fields compared by `diff`: every field the object manages. */
    managedFields: readonly (keyof I & keyof O & string)[];
    /** Output fields that are not inputs (ids, URLs, timestamps); every other output repeats an input. */
    outputOnlyFields: readonly (keyof O & string)[];
    /** Managed fields the API cannot change in place. */
    replaceFields?: readonly (keyof I & string)[];
    /**
     * Field comparison where plain deep equality is wrong (sets, case-insensitive values, fields an adopted object
     * keeps); `olds` is the whole recorded state.
     */
    equals?: Partial<
        Record<keyof I & string, (live: unknown, desired: unknown, olds: Record<string, unknown>) => boolean>
    >;
    /**
     * Checks, without any request, what the operations will need beyond the inputs (credentials in config), so a
     * preview fails early with the fix. Throws a `ConfigurationError`.
     */
    preflight?(inputs: I): void;
    create(inputs: I): Promise<{ id: string; outs: O }>;
    /** Returns the live outputs, or undefined when the object no longer exists. */
    read(id: string, olds: O): Promise<O | undefined>;
    update(id: string, olds: O, news: I): Promise<O>;
    delete(id: string, olds: O): Promise<void>;
}

// Part of the error hierarchy; re-exported for the providers that raise it.
export { PartialFailure };

/** Property values as the engine's protobuf structs carry them: no `undefined` anywhere. */
function plain<T>(value: T): T {
    return JSON.parse(JSON.stringify(value)) as T;
}

export function deepEqual(a: unknown, b: unknown): boolean {
    if (a === b) {
        return true;
    }
    if (Array.isArray(a) && Array.isArray(b)) {
        return a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
    }
    if (a && b && typeof a === "object" && typeof b === "object" && !Array.isArray(a) && !Array.isArray(b)) {
        const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
        return [...keys].every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
    }
    return false;
}

/** The managed fields whose live (old) value differs from the desired (new) one. */
export function changedFields<I extends object, O extends object>(
    definition: ResourceDefinition<I, O>,
    olds: Record<string, unknown>,
    news: Record<string, unknown>,
): string[] {
    return definition.managedFields.filter((field) => {
        if (containsUnknown(news[field])) {
            return true;
        }
        const equals = definition.equals?.[field] ?? deepEqual;
        return !equals(olds[field] ?? undefined, news[field] ?? undefined, olds);
    });
}

/** Turns a definition into the dynamic provider the engine calls: zod `check`, field-by-field `diff`, redacted errors. */
export function toDynamicProvider<I extends object, O extends object>(
    definition: ResourceDefinition<I, O>,
): pulumi.dynamic.ResourceProvider {
    const parse = (raw: Record<string, unknown>): I => {
        const { [PROVIDER_KEY]: _provider, ...inputs } = raw;
        return definition.inputs.parse(inputs);
    };
    /** Errors redacted; for the operations that send requests, their waits logged with the resource. */
    const guarded = <A extends unknown[], R>(
        operation: (...args: A) => Promise<R>,
        resource?: (...args: A) => { properties: Record<string, unknown>; id?: string },
    ) => {
        return async (...args: A): Promise<R> => {
            try {
                if (!resource) {
                    return await operation(...args);
                }
                const { properties, id } = resource(...args);
                return await withRetryLog(resourceLabel(definition.kind, properties, id), () => operation(...args));
            } catch (error) {
                throw redactError(error);
            }
        };
    };

    return {
        check: guarded(async (_olds: Record<string, unknown>, news: Record<string, unknown>) => {
            const { [PROVIDER_KEY]: provider, ...inputs } = news;
            const result = definition.inputs.safeParse(inputs);
            if (result.success) {
                try {
                    definition.preflight?.(result.data);
                } catch (error) {
                    if (!(error instanceof ConfigurationError)) {
                        throw error;
                    }
                    // A failure, not a thrown error: the engine then prints the message once, without a stack trace.
                    return { failures: [{ property: "", reason: error.message }] };
                }
                return { inputs: plain({ ...(result.data as object), [PROVIDER_KEY]: provider }) };
            }
            const failures = issuesOutsideUnknowns(result.error.issues, inputs).map((issue) => ({
                property: issue.path.length > 0 ? issue.path.join(".") : "(resource)",
                reason: issue.message,
            }));
            return failures.length > 0 ? { failures } : { inputs: news };
        }),
        diff: guarded(async (_id: string, olds: Record<string, unknown>, news: Record<string, unknown>) => {
            const changed = changedFields(definition, olds, news);
            const replaces = changed.filter((field) => definition.replaceFields?.includes(field as keyof I & string));
            return { changes: changed.length > 0, replaces };
        }),
        create: guarded(
            async (raw: Record<string, unknown>) => {
                try {
                    const { id, outs } = await definition.create(parse(raw));
                    return { id, outs: plain(outs) };
                } catch (error) {
                    throw withProvider(error, raw);
                }
            },
            (raw) => ({ properties: raw }),
        ),
        read: guarded(
            async (id: string, props: Record<string, unknown>) => {
                let live: O | undefined;
                try {
                    live = await definition.read(id, props as O);
                } catch (error) {
                    throw new ReadFailedError(describeResource(definition.kind, id, props), error);
                }
                if (!live) {
                    return {};
                }
                // The live values mapped back to inputs, so a refresh shows drift as a diff of the input that drifted.
                const outputOnly = new Set<string>(definition.outputOnlyFields);
                const inputs = Object.fromEntries(Object.entries(live).filter(([key]) => !outputOnly.has(key)));
                return { id, props: plain(live), inputs: plain(inputs) };
            },
            (id, props) => ({ properties: props, id }),
        ),
        update: guarded(
            async (id: string, olds: Record<string, unknown>, news: Record<string, unknown>) => {
                try {
                    return { outs: plain(await definition.update(id, olds as O, parse(news))) };
                } catch (error) {
                    throw withProvider(error, news);
                }
            },
            (id, _olds, news) => ({ properties: news, id }),
        ),
        delete: guarded(
            async (id: string, props: Record<string, unknown>) => {
                try {
                    await definition.delete(id, props as O);
                } catch (error) {
                    throw DeleteFailedError.concerns(error)
                        ? new DeleteFailedError(describeResource(definition.kind, id, props), error)
                        : error;
                }
            },
            (id, props) => ({ properties: props, id }),
        ),
    };
}

/** `pingone:PropagationRule "PingOne to DocuWare (acme)" (id …)`, for errors that name the resource. */
export function describeResource(kind: string, id: string, props: Record<string, unknown>): string {
    return typeof props.name === "string" ? `${kind} "${props.name}" (id ${id})` : `${kind} ${id}`;
}

/** A partial failure must carry `__provider`, or later operations on the recorded object could not run. */
function withProvider(error: unknown, raw: Record<string, unknown>): unknown {
    if (error instanceof PartialFailure) {
        return Object.assign(error, {
            properties: plain({ ...error.properties, [PROVIDER_KEY]: raw[PROVIDER_KEY] }),
            reasons: [error.message],
        });
    }
    return error;
}
