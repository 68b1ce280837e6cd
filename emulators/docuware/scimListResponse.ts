import { projectAttributes } from "./scimAttributeProjection";
import { type ScimListQuery, SCIM_LIST_RESPONSE_SCHEMA } from "./scimSchemas";

/** inferred: the page size when `count` is absent, and the most one page holds (reference §5.3: unknown). */
export const MAX_PAGE_SIZE = 100;

/** RFC 7644 §3.4.2.4: 1-based `startIndex` (values below 1 mean 1), `count` of 0 returns only the total. */
export function scimListResponse<T>(items: readonly T[], query: ScimListQuery, view: (item: T) => object) {
    const startIndex = Math.max(1, query.startIndex ?? 1);
    const count = Math.min(MAX_PAGE_SIZE, Math.max(0, query.count ?? MAX_PAGE_SIZE));
    const page = items.slice(startIndex - 1, startIndex - 1 + count);
    return {
        schemas: [SCIM_LIST_RESPONSE_SCHEMA],
        totalResults: items.length,
        startIndex,
        itemsPerPage: page.length,
        Resources: page.map((item) => projectAttributes(view(item), query)),
    };
}
