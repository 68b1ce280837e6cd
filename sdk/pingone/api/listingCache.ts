/**
 * Short-lived listings of one collection (an environment's stores, a plan's rules) shared by every create of one
 * provider process, i.e. one Pulumi operation: 50 connections check their names against one listing, not 50.
 *
 * Off unless `enableListingCaches` was called (the provider runtime does; tests and CLI commands list fresh). The
 * process's own writes are applied to the cached listing, a create whose outcome is unknown drops it (the recovery
 * lists again), and a listing older than `LISTING_TTL_MS` is fetched again. A change made outside this process
 * within that window is seen by the next operation; the create's own conflict answer still applies.
 */
export const LISTING_TTL_MS = 15_000;

const state = { enabled: false };

export function enableListingCaches(enabled = true): void {
    state.enabled = enabled;
}

interface Entry<T> {
    items: Promise<T[]>;
    fetchedAt: number;
}

export class ListingCache<T extends { id: string }> {
    private readonly entries = new Map<string, Entry<T>>();

    /** The listing under `key`, fetched with `fetch` when absent, stale, or caching is off. */
    list(key: string, fetch: () => Promise<T[]>): Promise<T[]> {
        if (!state.enabled) {
            return fetch();
        }
        const entry = this.entries.get(key);
        if (entry && Date.now() - entry.fetchedAt < LISTING_TTL_MS) {
            return entry.items.then((items) => [...items]);
        }
        const items = fetch();
        const fresh = { items, fetchedAt: Date.now() };
        this.entries.set(key, fresh);
        items.catch(() => this.entries.get(key) === fresh && this.entries.delete(key));
        return items.then((list) => [...list]);
    }

    /** Applies a write of this process to the cached listing (if any): created or updated `item`. */
    put(key: string, item: T): void {
        this.update(key, (items) => [...items.filter((i) => i.id !== item.id), item]);
    }

    /** Removes a deleted object from every cached listing. */
    remove(id: string): void {
        for (const key of this.entries.keys()) {
            this.update(key, (items) => items.filter((i) => i.id !== id));
        }
    }

    /** Drops the listing, e.g. after a create whose outcome is unknown. */
    forget(key: string): void {
        this.entries.delete(key);
    }

    /** Runs a write; on failure the listing is dropped (the write may have happened), on success `apply` updates it. */
    async write<R>(key: string, operation: () => Promise<R>, apply: (result: R) => void): Promise<R> {
        try {
            const result = await operation();
            apply(result);
            return result;
        } catch (error) {
            this.forget(key);
            throw error;
        }
    }

    private update(key: string, change: (items: T[]) => T[]): void {
        const entry = this.entries.get(key);
        if (entry) {
            entry.items = entry.items.then(change);
        }
    }
}
