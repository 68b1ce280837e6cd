import { z } from "zod";
import { isPlainObject } from "../isPlainObject";
import { deletePlan, deleteRule, deleteStore } from "./cascadingDeletes";
import { timestamp } from "./emulatorState";
import { EDITABLE_COLLECTIONS, type EditableCollection, type Environment } from "./resourceSchemas";

/** A control-API edit that cannot be applied; `status` is the control route's answer. */
export class EditError extends Error {
    constructor(
        readonly status: 400 | 404,
        message: string,
    ) {
        super(message);
    }
}

/** RFC 7396 merge patch: objects merge recursively, `null` removes a key, anything else replaces. */
function mergePatch(target: unknown, patch: unknown): unknown {
    if (!isPlainObject(patch)) {
        return patch;
    }
    const result: Record<string, unknown> = isPlainObject(target) ? { ...target } : {};
    for (const [key, value] of Object.entries(patch)) {
        if (value === null) {
            delete result[key];
        } else {
            result[key] = mergePatch(result[key], value);
        }
    }
    return result;
}

export function isEditableCollection(name: string): name is EditableCollection {
    return Object.hasOwn(EDITABLE_COLLECTIONS, name);
}

function itemsOf(environment: Environment, collection: EditableCollection): Record<string, unknown> {
    return environment[collection] as Record<string, unknown>;
}

function existing(environment: Environment, collection: EditableCollection, id: string): Record<string, unknown> {
    const item = itemsOf(environment, collection)[id];
    if (!isPlainObject(item)) {
        throw new EditError(404, `No ${collection} item ${id} in environment ${environment.id}.`);
    }
    return item;
}

/**
 * An admin's out-of-band change, as made in the console: shallow merge (`configuration` deep-merged, `null`
 * removes), `id` / `environment` kept, `updatedAt` bumped. The result must still be a valid item.
 */
export function editItem(
    environment: Environment,
    collection: EditableCollection,
    id: string,
    patch: Record<string, unknown>,
): Record<string, unknown> {
    const item = existing(environment, collection, id);
    const merged: Record<string, unknown> = { ...item };
    for (const [key, value] of Object.entries(patch)) {
        if (value === null) {
            delete merged[key];
        } else {
            merged[key] = key === "configuration" ? mergePatch(item[key], value) : value;
        }
    }
    Object.assign(merged, { id: item["id"], environment: item["environment"], updatedAt: timestamp() });
    const parsed = EDITABLE_COLLECTIONS[collection].safeParse(merged);
    if (!parsed.success) {
        throw new EditError(400, z.prettifyError(parsed.error));
    }
    itemsOf(environment, collection)[id] = parsed.data;
    return parsed.data;
}

/** An out-of-band delete; stores, plans and rules take their dependent rules and mappings with them. */
export function removeItem(environment: Environment, collection: EditableCollection, id: string): void {
    existing(environment, collection, id);
    switch (collection) {
        case "stores":
            deleteStore(environment, environment.stores[id] as NonNullable<Environment["stores"][string]>);
            return;
        case "plans":
            deletePlan(environment, id);
            return;
        case "rules":
            deleteRule(environment, id);
            return;
        default:
            delete itemsOf(environment, collection)[id];
    }
}
