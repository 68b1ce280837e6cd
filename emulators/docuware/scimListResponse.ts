import { type ScimListQuery, SCIM_LIST_RESPONSE_SCHEMA } from "./scimSchemas";

/** inferred: the page size when `count` is absent, and the most one page holds (reference §5.3: unknown). */
export const MAX_PAGE_SIZE = 100;

/** RFC 7644 §3.4.2.4: 1-based `startIndex` (values below 1 mean 1), `count` of 0 returns only the total. */
export function scimListResponse<T>(items: readonly T[], query: ScimListQuery, view: (item: T) => object) {
    const startIndex = Math.max(1, query.startIndex ?? 1);
    const count = Math.min(MAX_PAGE_SIZE, Math.max(0, query.count ?? MAX_PAGE_SIZE));
    const page = items.slice(startIndex - 1, startIndex - 1 + count);
    const excluded = excludedAttributes(query.excludedAttributes);
    return {
        schemas: [SCIM_LIST_RESPONSE_SCHEMA],
        totalResults: items.length,
        startIndex,
        itemsPerPage: page.length,
        Resources: page.map((item) => withoutAttributes(view(item), excluded)),
    };
}

/** Lower-case top-level names from `excludedAttributes` (Entra sends `excludedAttributes=members`). */
export function excludedAttributes(parameter: string | undefined): Set<string> {
    return new Set(
        (parameter ?? "")
            .split(",")
            .map((name) => name.trim().toLowerCase())
            .filter((name) => name !== ""),
    );
}

/** `id` and `schemas` are `returned: always` and are never removed. */
export function withoutAttributes(resource: object, excluded: Set<string>): object {
    if (excluded.size === 0) {
        return resource;
    }
    return Object.fromEntries(
        Object.entries(resource).filter(
            ([name]) => name === "id" || name === "schemas" || !excluded.has(name.toLowerCase()),
        ),
    );
}
