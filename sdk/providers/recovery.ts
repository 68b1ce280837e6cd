import { NotFoundError, isOutcomeUnknown } from "../core/errors";

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

/** The value, or undefined when the service says the object does not exist. */
export async function unlessNotFound<T>(read: Promise<T>): Promise<T | undefined> {
    try {
        return await read;
    } catch (error) {
        if (error instanceof NotFoundError) {
            return undefined;
        }
        throw error;
    }
}

/** Deletes, treating "already gone" as done; every other error propagates. */
export async function deleteIdempotent(remove: Promise<void>): Promise<void> {
    await unlessNotFound(remove);
}
