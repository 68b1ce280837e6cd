/**
 * The inputs without the keys whose value is `undefined`. The Node SDK turns every key a resource is given into an
 * output with four tracked promises, each capturing a (source-mapped) stack trace: an unset optional input costs as
 * much program time as a set one, and the component leaves many unset. Dropping them sends the engine the same inputs.
 */
export function definedInputs<T extends object>(args: T): Partial<T> {
    return Object.fromEntries(Object.entries(args).filter(([, value]) => value !== undefined)) as Partial<T>;
}
