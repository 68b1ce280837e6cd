import type { Environment } from "./resourceSchemas";
import { newId, timestamp } from "./emulatorState";

/** A fresh environment as PingOne provisions one: a default population named "Default" and the directory store. */
export function newEnvironment(name: string): Environment {
    const id = newId();
    const now = timestamp();
    const populationId = newId();
    const directoryStoreId = newId();
    return {
        id,
        name,
        createdAt: now,
        updatedAt: now,
        populations: {
            [populationId]: {
                id: populationId,
                environment: { id },
                name: "Default",
                description: "Default population",
                default: true,
                createdAt: now,
                updatedAt: now,
            },
        },
        users: {},
        stores: {
            [directoryStoreId]: {
                id: directoryStoreId,
                environment: { id },
                name: "PingOne Directory",
                type: "directory",
                status: "ACTIVE",
                managed: false,
                image: {},
                configuration: {},
                createdAt: now,
                updatedAt: now,
            },
        },
        plans: {},
        rules: {},
        mappings: {},
        revisions: {},
        syncRecords: {},
        pendingDeprovisions: [],
    };
}
