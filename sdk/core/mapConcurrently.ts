/**
 * Runs `work` on every item with at most `limit` in flight; resolves with the results in item order once all have
 * settled, or rejects with the first failure after the ones in flight have settled (none is left running).
 */
export async function mapConcurrently<T, R>(
    items: readonly T[],
    limit: number,
    work: (item: T) => Promise<R>,
): Promise<R[]> {
    const results: R[] = new Array(items.length);
    let next = 0;
    let failure: { error: unknown } | undefined;
    const worker = async () => {
        while (failure === undefined && next < items.length) {
            const index = next++;
            try {
                results[index] = await work(items[index]!);
            } catch (error) {
                failure ??= { error };
            }
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    if (failure) {
        throw failure.error;
    }
    return results;
}
