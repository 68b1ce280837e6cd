import { randomUUID } from "node:crypto";
import { PingOneError } from "../api/pingOneError";
import type { EmulatorStateData, Environment, Population } from "./resourceSchemas";
import { maskSecrets } from "./storeSecrets";

export const newId = (): string => randomUUID();

/** ISO-8601 UTC with milliseconds, as PingOne writes `createdAt` / `updatedAt`. */
let lastTimestamp = 0;

/** Now, strictly after the previous call: objects created in the same millisecond still list in creation order. */
export function timestamp(): string {
    lastTimestamp = Math.max(Date.now(), lastTimestamp + 1);
    return new Date(lastTimestamp).toISOString();
}

/** Looks an id up in one of an environment's collections; unknown ids are the API's 404. */
export function findIn<T>(collection: Record<string, T>, id: string): T {
    const item = Object.hasOwn(collection, id) ? collection[id] : undefined;
    if (item === undefined) {
        throw PingOneError.notFound();
    }
    return item;
}

/** Orders resources the way list endpoints return them: oldest first. */
export function byCreation<T extends { createdAt: string; id: string }>(items: Iterable<T>): T[] {
    return [...items].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

export function defaultPopulation(environment: Environment): Population {
    const population = Object.values(environment.populations).find((p) => p.default);
    if (!population) {
        throw PingOneError.invalidValue("population.id", "The environment has no default population; set one.");
    }
    return population;
}

/** The emulator's whole state; every mutation calls `changed()` so the optional state file follows. */
export class EmulatorState {
    constructor(
        readonly data: EmulatorStateData,
        private readonly onChange: () => void,
    ) {}

    get environmentIds(): string[] {
        return Object.keys(this.data.environments);
    }

    environment(envId: string): Environment {
        return findIn(this.data.environments, envId);
    }

    changed(): void {
        this.onChange();
    }

    /** Everything, with write-only secrets masked (for the test-control API). */
    maskedSnapshot(): EmulatorStateData {
        const environments = Object.fromEntries(
            Object.entries(this.data.environments).map(([id, environment]) => [id, maskEnvironment(environment)]),
        );
        return { ...this.data, signingKey: "***", worker: { ...this.data.worker, clientSecret: "***" }, environments };
    }
}

function maskEnvironment(environment: Environment): Environment {
    const stores = Object.fromEntries(
        Object.entries(environment.stores).map(([id, store]) => [
            id,
            { ...store, configuration: maskSecrets(store.configuration) },
        ]),
    );
    const pendingDeprovisions = environment.pendingDeprovisions.map((pending) => ({
        ...pending,
        store: { ...pending.store, configuration: maskSecrets(pending.store.configuration) },
    }));
    return { ...environment, stores, pendingDeprovisions };
}
