import { type Filter, parse } from "scim2-parse-filter";

/**
 * The SCIM-style expressions PingOne accepts in `filter=` and in a rule's `populationExpression`: `eq`, `sw`, `ew`,
 * `co`, `pr`, combined with `and` / `or` and parentheses. Attributes are PingOne user (or population) JSON paths.
 */
export type FilterExpression = Filter;

export class FilterSyntaxError extends Error {
    override readonly name = "FilterSyntaxError";
}

const STRING_OPERATORS = new Set(["sw", "ew", "co"]);

function assertSupported(filter: Filter): void {
    switch (filter.op) {
        case "and":
        case "or":
            filter.filters.forEach(assertSupported);
            return;
        case "pr":
            return;
        case "eq":
        case "sw":
        case "ew":
        case "co":
            if (STRING_OPERATORS.has(filter.op) && typeof filter.compValue !== "string") {
                throw new FilterSyntaxError(`Operator "${filter.op}" needs a quoted string value.`);
            }
            return;
        default:
            throw new FilterSyntaxError(`Operator "${filter.op}" is not supported; use eq, sw, ew, co or pr.`);
    }
}

export function parseFilterExpression(text: string): FilterExpression {
    if (text.trim() === "") {
        throw new FilterSyntaxError("The expression is empty.");
    }
    let filter: Filter;
    try {
        filter = parse(text);
    } catch (error) {
        throw new FilterSyntaxError(`The expression "${text}" could not be parsed (${(error as Error).message}).`);
    }
    assertSupported(filter);
    return filter;
}

/** Values at an attribute path; keys match case-insensitively and arrays fan out, as in SCIM. */
function valuesAt(resource: unknown, path: string[]): unknown[] {
    if (path.length === 0) {
        return Array.isArray(resource) ? resource : [resource];
    }
    if (Array.isArray(resource)) {
        return resource.flatMap((item) => valuesAt(item, path));
    }
    if (typeof resource !== "object" || resource === null) {
        return [];
    }
    const [head, ...rest] = path;
    const key = Object.keys(resource).find((candidate) => candidate.toLowerCase() === head?.toLowerCase());
    return key === undefined ? [] : valuesAt((resource as Record<string, unknown>)[key], rest);
}

function compare(op: string, actual: unknown, expected: unknown): boolean {
    if (typeof actual !== "string" || typeof expected !== "string") {
        return op === "eq" && actual === expected;
    }
    // String comparisons are case-insensitive, the SCIM default for caseExact=false attributes.
    const left = actual.toLowerCase();
    const right = expected.toLowerCase();
    switch (op) {
        case "eq":
            return left === right;
        case "sw":
            return left.startsWith(right);
        case "ew":
            return left.endsWith(right);
        default:
            return left.includes(right);
    }
}

export function matchesFilter(filter: FilterExpression, resource: unknown): boolean {
    switch (filter.op) {
        case "and":
            return filter.filters.every((child) => matchesFilter(child, resource));
        case "or":
            return filter.filters.some((child) => matchesFilter(child, resource));
        case "pr":
            return valuesAt(resource, filter.attrPath.split(".")).some(
                (v) => v !== undefined && v !== null && v !== "",
            );
        case "eq":
        case "sw":
        case "ew":
        case "co": {
            const { op, compValue } = filter;
            return valuesAt(resource, filter.attrPath.split(".")).some((value) => compare(op, value, compValue));
        }
        default:
            return false;
    }
}
