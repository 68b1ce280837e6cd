/** Runs `operation` and returns its result with the wall time it took, in seconds. */
export async function timed<T>(operation: () => Promise<T>): Promise<{ seconds: number; value: T }> {
    const start = performance.now();
    const value = await operation();
    return { seconds: (performance.now() - start) / 1000, value };
}
