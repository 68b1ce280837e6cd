import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { PingOneError } from "./pingOneError";
import { parseQuery } from "./validation";

export type Links = Record<string, { href: string }>;

/** Origin of the API listener as the client addressed it. */
export function apiOrigin(request: FastifyRequest): string {
    return `${request.protocol}://${request.host}`;
}

/** `http://host:port/v1/environments/{envId}`. */
export function environmentHref(request: FastifyRequest, envId: string): string {
    return `${apiOrigin(request)}/v1/environments/${envId}`;
}

export function links(self: string, others: Record<string, string> = {}): Links {
    const result: Links = { self: { href: self } };
    for (const [rel, href] of Object.entries(others)) {
        result[rel] = { href };
    }
    return result;
}

function requestHref(request: FastifyRequest): string {
    return `${apiOrigin(request)}${request.url}`;
}

/** An unpaged HAL collection (propagation lists are small and unpaged — inferred). */
export function collection<T>(request: FastifyRequest, key: string, items: T[]) {
    return {
        _links: links(requestHref(request)),
        _embedded: { [key]: items },
        count: items.length,
        size: items.length,
    };
}

export const ListQuerySchema = z.looseObject({
    filter: z.string().optional(),
    limit: z.coerce.number().int().min(1).optional(),
    cursor: z.string().optional(),
});

const CursorSchema = z.object({ offset: z.number().int().min(0) });

function decodeCursor(cursor: string | undefined): number {
    if (cursor === undefined) {
        return 0;
    }
    try {
        return CursorSchema.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"))).offset;
    } catch {
        throw PingOneError.invalidRequest("The request could not be completed. The cursor is invalid.", [
            { code: "INVALID_PARAMETER", target: "cursor", message: "cursor is not a value this API returned." },
        ]);
    }
}

function encodeCursor(offset: number): string {
    return Buffer.from(JSON.stringify({ offset })).toString("base64url");
}

/**
 * A cursor-paged HAL collection: `limit` sets the page size (capped at `maxLimit`, as PingOne caps user pages),
 * `_links.next.href` carries an opaque `cursor=`. `count` is the number of matches, `size` the page's length.
 */
export function pagedCollection<T>(
    request: FastifyRequest,
    key: string,
    items: T[],
    paging: { defaultLimit: number; maxLimit: number },
) {
    const query = parseQuery(ListQuerySchema, request.query);
    const limit = Math.min(query.limit ?? paging.defaultLimit, paging.maxLimit);
    const offset = decodeCursor(query.cursor);
    const page = items.slice(offset, offset + limit);
    const self = requestHref(request);
    const others: Record<string, string> = {};
    if (offset + limit < items.length) {
        const next = new URL(self);
        next.searchParams.set("limit", String(limit));
        next.searchParams.set("cursor", encodeCursor(offset + limit));
        others["next"] = next.toString();
    }
    return {
        _links: links(self, others),
        _embedded: { [key]: page },
        count: items.length,
        size: page.length,
    };
}
