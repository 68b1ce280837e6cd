import { type Filter, parse } from "scim2-parse-filter";
import { DocuWareError } from "./docuWareError";
import { SCIM_GROUP_SCHEMA, SCIM_USER_SCHEMA } from "./scimSchemas";

/** An attribute a list endpoint can be filtered on, keyed by its lower-case name. */
export interface FilterableAttribute<T> {
    value: (item: T) => string | undefined;
    /** SCIM `caseExact`: userName and displayName compare case-insensitively, externalId exactly. */
    caseExact: boolean;
}

/**
 * inferred (reference §2.4, from Microsoft's reference provider): only `eq` on the documented attributes, combined
 * with `and`. Anything else is a 400 `invalidFilter`. Attribute names and operators are case-insensitive (RFC 7644),
 * which matters for PingOne's default `username Eq "%s"`.
 */
export function compileScimFilter<T>(
    expression: string | undefined,
    attributes: Record<string, FilterableAttribute<T>>,
): (item: T) => boolean {
    if (expression === undefined || expression.trim() === "") {
        return () => true;
    }
    let filter: Filter;
    try {
        filter = parse(expression);
    } catch (error) {
        throw invalidFilter(`The filter '${expression}' cannot be parsed: ${(error as Error).message}`);
    }
    return compile(filter, attributes);
}

function compile<T>(filter: Filter, attributes: Record<string, FilterableAttribute<T>>): (item: T) => boolean {
    if (filter.op === "and") {
        const parts = filter.filters.map((part) => compile(part, attributes));
        return (item) => parts.every((part) => part(item));
    }
    if (filter.op !== "eq") {
        throw invalidFilter(`The filter operator '${filter.op}' is not supported; use 'eq', optionally with 'and'.`);
    }
    const name = withoutSchemaPrefix(filter.attrPath).toLowerCase();
    const attribute = attributes[name];
    if (!attribute) {
        const supported = Object.keys(attributes).join(", ");
        throw invalidFilter(`Filtering on '${filter.attrPath}' is not supported; supported: ${supported}.`);
    }
    const wanted = String(filter.compValue);
    return (item) => {
        const actual = attribute.value(item);
        if (actual === undefined) {
            return false;
        }
        return attribute.caseExact ? actual === wanted : actual.toLowerCase() === wanted.toLowerCase();
    };
}

function withoutSchemaPrefix(attrPath: string): string {
    for (const schema of [SCIM_USER_SCHEMA, SCIM_GROUP_SCHEMA]) {
        if (attrPath.toLowerCase().startsWith(`${schema.toLowerCase()}:`)) {
            return attrPath.slice(schema.length + 1);
        }
    }
    return attrPath;
}

function invalidFilter(detail: string): DocuWareError {
    return new DocuWareError(400, detail, { scimType: "invalidFilter" });
}
