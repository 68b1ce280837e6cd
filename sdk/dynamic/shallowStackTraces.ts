/**
 * Turns off stack capture until the returned function is called; for the synchronous part of a resource's
 * registration (its `super(...)` call).
 *
 * The Node SDK gives every property of a resource four tracked promises, each capturing `new Error().stack`, which
 * source-map-support (loaded with TypeScript programs) maps frame by frame: with the properties of this package's
 * resources that was most of the program's own CPU time at 50 components. Those stacks are only ever printed with
 * `PULUMI_DEBUG_PROMISE_LEAKS` set, which keeps them. The resource's source position is unaffected: the SDK captures
 * it with its own stack-trace limit.
 */
export function shallowStackTraces(): () => void {
    if (process.env.PULUMI_DEBUG_PROMISE_LEAKS) {
        return () => undefined;
    }
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    return () => {
        Error.stackTraceLimit = limit;
    };
}
