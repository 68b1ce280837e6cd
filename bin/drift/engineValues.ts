/** Key the engine puts on a secret value in events and state (`{ [SECRET_SIGNATURE]: "1b47…", ciphertext }`). */
const SECRET_SIGNATURE_KEY = "4dabf18193072939515e22adb298388d";
/** The engine's placeholder for a value that is only known once the deployment runs. */
const UNKNOWN_VALUE = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export const SECRET_MASK = "[secret]";
export const UNKNOWN_LABEL = "(known after deployment)";

function isPlainObject(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A value from an engine event as it may be shown: secrets become `[secret]`, unknowns a label. */
export function displayable(value: unknown): unknown {
    if (value === UNKNOWN_VALUE) {
        return UNKNOWN_LABEL;
    }
    if (Array.isArray(value)) {
        return value.map(displayable);
    }
    if (isPlainObject(value)) {
        if (SECRET_SIGNATURE_KEY in value) {
            return SECRET_MASK;
        }
        return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, displayable(item)]));
    }
    return value;
}

export function containsUnknown(value: unknown): boolean {
    if (value === UNKNOWN_VALUE || value === UNKNOWN_LABEL) {
        return true;
    }
    if (Array.isArray(value)) {
        return value.some(containsUnknown);
    }
    return isPlainObject(value) && Object.values(value).some(containsUnknown);
}

export interface ValueDifference {
    /** `active`, `userFilter.populationName`, `mappings[2].source`. */
    path: string;
    expected: unknown;
    actual: unknown;
}

/**
 * Where two displayable values differ, down to the leaf: objects key by key, arrays of equal length item by item,
 * anything else as a whole. Secrets compare equal (both are `[secret]`): their values are never known here.
 */
export function valueDifferences(expected: unknown, actual: unknown, path = ""): ValueDifference[] {
    if (JSON.stringify(expected) === JSON.stringify(actual)) {
        return [];
    }
    if (isPlainObject(expected) && isPlainObject(actual)) {
        const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort();
        return keys.flatMap((key) => valueDifferences(expected[key], actual[key], path ? `${path}.${key}` : key));
    }
    if (Array.isArray(expected) && Array.isArray(actual) && expected.length === actual.length) {
        return expected.flatMap((item, index) => valueDifferences(item, actual[index], `${path}[${index}]`));
    }
    return [{ path, expected, actual }];
}
