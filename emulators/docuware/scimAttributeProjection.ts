import type { ScimListQuery } from "./scimSchemas";

/** Attributes a response always carries (RFC 7643 §2.4 `returned: always`, and the resource's `schemas`). */
const ALWAYS_RETURNED = new Set(["id", "schemas"]);

/** Comma-separated attribute names, lower-cased (Entra sends `excludedAttributes=members`). */
function names(parameter: string | undefined): string[] {
    return (parameter ?? "")
        .split(",")
        .map((name) => name.trim().toLowerCase())
        .filter((name) => name !== "");
}

/**
 * `urn:ietf:params:scim:schemas:core:2.0:User:name.givenName` → `["name", "givenName"]`; an extension's attributes
 * live under the extension's URN key (`[urn…:enterprise:2.0:User, "department"]`).
 */
function pathOf(name: string, schemas: readonly string[]): string[] {
    const schema = schemas.find((urn) => name.startsWith(`${urn.toLowerCase()}:`));
    if (!schema) {
        return name.split(".");
    }
    const rest = name.slice(schema.length + 1).split(".");
    return schema === schemas[0] ? rest : [schema.toLowerCase(), ...rest];
}

type Tree = Map<string, Tree | true>;

function treeOf(paths: string[][]): Tree {
    const tree: Tree = new Map();
    for (const path of paths) {
        let node = tree;
        for (const [i, key] of path.entries()) {
            const existing = node.get(key);
            if (existing === true) {
                break;
            }
            if (i === path.length - 1) {
                node.set(key, true);
                break;
            }
            const next: Tree = existing ?? new Map();
            node.set(key, next);
            node = next;
        }
    }
    return tree;
}

function keep(value: unknown, tree: Tree): unknown {
    if (Array.isArray(value)) {
        return value.map((item) => keep(item, tree));
    }
    if (value === null || typeof value !== "object") {
        return value;
    }
    return Object.fromEntries(
        Object.entries(value).flatMap(([key, entry]) => {
            const selected = tree.get(key.toLowerCase());
            if (selected === undefined) {
                return [];
            }
            return [[key, selected === true ? entry : keep(entry, selected)]];
        }),
    );
}

/**
 * RFC 7644 §3.4.2.5 / §3.9: `attributes` returns only the named attributes (sub-attributes with a dotted path,
 * extension attributes with their URN), `excludedAttributes` removes top-level ones; `id` and `schemas` stay.
 */
export function projectAttributes(
    resource: object,
    query: Pick<ScimListQuery, "attributes" | "excludedAttributes">,
): object {
    const schemas = (resource as { schemas?: string[] }).schemas ?? [];
    const wanted = names(query.attributes);
    const excluded = new Set(names(query.excludedAttributes));
    let projected = resource;
    if (wanted.length > 0) {
        const tree = treeOf(wanted.map((name) => pathOf(name, schemas)));
        for (const name of ALWAYS_RETURNED) {
            tree.set(name, true);
        }
        projected = keep(resource, tree) as object;
    }
    if (excluded.size === 0) {
        return projected;
    }
    return Object.fromEntries(
        Object.entries(projected).filter(([name]) => ALWAYS_RETURNED.has(name) || !excluded.has(name.toLowerCase())),
    );
}
