type Holder = { __docuwarePingOneCaches?: Set<Map<unknown, unknown>> };

/** Every process cache, on `globalThis` so that every copy of this module in a process shares the set. */
const caches: Set<Map<unknown, unknown>> = ((globalThis as Holder).__docuwarePingOneCaches ??= new Set());

/**
 * A cache for the life of the provider process, which the engine starts for one operation (`up`, `refresh`, …):
 * lookups that cannot change during an operation (tokens, discovery documents, ids by name) are made once.
 */
export function processCache<K, V>(): Map<K, V> {
    const cache = new Map<K, V>();
    caches.add(cache as Map<unknown, unknown>);
    return cache;
}

/** Forgets every cached value, as a new provider process starts empty: for tests that run operations in one process. */
export function clearProcessCaches(): void {
    for (const cache of caches) {
        cache.clear();
    }
}

/** The promise cached under `key`, else `load()`'s, cached until it rejects (a failed lookup is tried again). */
export function cachedPromise<V>(cache: Map<string, Promise<V>>, key: string, load: () => Promise<V>): Promise<V> {
    let value = cache.get(key);
    if (!value) {
        value = load();
        value.catch(() => cache.delete(key));
        cache.set(key, value);
    }
    return value;
}
