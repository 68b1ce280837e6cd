import type { z } from "zod";

export interface DocuWareErrorDetails {
    /** SCIM `scimType` when the error is rendered by the SCIM service. */
    scimType?: string;
    /** OAuth `error` code when the error is rendered by the identity service. */
    oauthError?: string;
    headers?: Record<string, string>;
}

/**
 * An expected failure with its HTTP status. Routes throw it; the error handler renders it in the body shape of the
 * surface that was called (Platform, SCIM, OAuth or the control API).
 */
export class DocuWareError extends Error {
    constructor(
        readonly statusCode: number,
        message: string,
        readonly details: DocuWareErrorDetails = {},
    ) {
        super(message);
        this.name = "DocuWareError";
    }
}

/** A 400 naming every offending field, e.g. `Name: must not be empty; GrantTypes: ...`. */
export function invalidRequest(error: z.ZodError, scimType = "invalidValue"): DocuWareError {
    const problems = error.issues.map((issue) => {
        const field = issue.path.map(String).join(".");
        return field ? `${field}: ${issue.message}` : issue.message;
    });
    return new DocuWareError(400, `The request is invalid. ${problems.join("; ")}`, {
        scimType,
        oauthError: "invalid_request",
    });
}

/** Parses a request body or query with a schema, turning failures into a 400 that names the fields. */
export function parseRequest<T extends z.ZodType>(schema: T, value: unknown, scimType?: string): z.output<T> {
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
        throw invalidRequest(parsed.error, scimType);
    }
    return parsed.data;
}

export function notFound(message: string): DocuWareError {
    return new DocuWareError(404, message);
}

/** RFC 6750: a missing or bad bearer token. */
export function unauthorized(description: string): DocuWareError {
    const escaped = description.replace(/"/g, "'");
    return new DocuWareError(401, description, {
        headers: { "WWW-Authenticate": `Bearer error="invalid_token", error_description="${escaped}"` },
    });
}
