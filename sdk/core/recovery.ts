import { NotFoundError, isOutcomeUnknown } from "./errors";

/**
 * Creates an object exactly once even when the response is lost: after a failure whose outcome is unknown
 * (timeout, reset, 5xx), looks the object up by its natural key and takes it if the create did happen, otherwise
 * creates it again. Anything else is rethrown.
 */
export async function createOnce<T>(create: () => Promise<T>, findExisting: () => Promise<T | undefined>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
        try {
            return await create();
        } catch (error) {
            if (!isOutcomeUnknown(error) || attempt >= 2) {
                throw error;
            }
            const existing = await findExisting();
            if (existing !== undefined) {
                return existing;
            }
        }
    }
}

/** The value, or undefined when the service says the object does not exist (`isServiceNotFound`). */
export async function unlessNotFound<T>(read: Promise<T>): Promise<T | undefined> {
    try {
        return await read;
    } catch (error) {
        if (isServiceNotFound(error)) {
            return undefined;
        }
        throw error;
    }
}

/** Deletes, treating "already gone" as done; every other error propagates. */
export async function deleteIdempotent(remove: Promise<void>): Promise<void> {
    await unlessNotFound(remove);
}

/**
 * True only for the service's own "no such object" answer: PingOne's `NOT_FOUND` error, or a DocuWare error body.
 * A 404 from a proxy or a wrong host is not a deletion, nor one from a token endpoint (never a `NotFoundError`).
 */
export function isServiceNotFound(error: unknown): boolean {
    if (!(error instanceof NotFoundError)) {
        return false;
    }
    return error.service === "PingOne" ? error.code === "NOT_FOUND" : error.serviceMessage !== undefined;
}

/**
 * For `read`: the object, or undefined when its own GET says it does not exist and its container (PingOne
 * environment, DocuWare organization) still does — `containerExists` throws otherwise. Every other failure
 * propagates, so a refresh never takes an error for a deletion.
 */
export async function readUnlessDeleted<T>(
    read: () => Promise<T>,
    containerExists: () => Promise<unknown>,
): Promise<T | undefined> {
    try {
        return await read();
    } catch (error) {
        if (!isServiceNotFound(error)) {
            throw error;
        }
        await containerExists();
        return undefined;
    }
}
