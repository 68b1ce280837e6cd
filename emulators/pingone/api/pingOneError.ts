import { randomUUID } from "node:crypto";
import { z } from "zod";

export const ErrorDetailSchema = z.object({
    code: z.string(),
    target: z.string().optional(),
    message: z.string(),
    innerError: z.record(z.string(), z.unknown()).optional(),
});
export type ErrorDetail = z.infer<typeof ErrorDetailSchema>;

export const ErrorEnvelopeSchema = z.object({
    id: z.string(),
    /** Absent only on 405, for which no source documents a code (GoClient's error-code enums have none). */
    code: z.string().optional(),
    message: z.string(),
    details: z.array(ErrorDetailSchema).optional(),
});
export type ErrorEnvelope = z.infer<typeof ErrorEnvelopeSchema>;

const MESSAGES = {
    INVALID_DATA: "The request could not be completed. One or more validation errors were in the request.",
    INVALID_REQUEST: "The request could not be completed. The request was malformed or invalid.",
    ACCESS_FAILED: "The request could not be completed. You do not have access to this resource.",
    NOT_FOUND: "The request could not be completed. The requested resource was not found.",
    REQUEST_LIMITED: "The request could not be completed. Too many requests were made.",
    UNEXPECTED_ERROR: "The request could not be completed. An unexpected error occurred.",
} as const;
type TopLevelCode = keyof typeof MESSAGES;

/** Thrown by route handlers; the API error handler turns it into the PingOne error envelope. */
export class PingOneError extends Error {
    override readonly name = "PingOneError";

    constructor(
        readonly statusCode: number,
        readonly code: TopLevelCode | undefined,
        message: string = code ? MESSAGES[code] : "The request could not be completed.",
        readonly details: ErrorDetail[] = [],
    ) {
        super(message);
    }

    static invalidData(details: ErrorDetail[]): PingOneError {
        return new PingOneError(400, "INVALID_DATA", MESSAGES.INVALID_DATA, details);
    }

    /** One `INVALID_VALUE` detail on `target`. */
    static invalidValue(target: string, message: string, innerError?: ErrorDetail["innerError"]): PingOneError {
        return PingOneError.invalidData([
            { code: "INVALID_VALUE", target, message, ...(innerError && { innerError }) },
        ]);
    }

    static invalidRequest(message: string, details: ErrorDetail[] = []): PingOneError {
        return new PingOneError(400, "INVALID_REQUEST", message, details);
    }

    /** 415: GoClient documents `INVALID_REQUEST` for an unsupported media type. */
    static unsupportedMediaType(message: string): PingOneError {
        return new PingOneError(415, "INVALID_REQUEST", message);
    }

    /** 405: the Docs conventions page documents the status, no source a code, so none is invented. */
    static methodNotAllowed(): PingOneError {
        return new PingOneError(
            405,
            undefined,
            "The request could not be completed. The HTTP method is not supported for this resource.",
        );
    }

    static notFound(): PingOneError {
        return new PingOneError(404, "NOT_FOUND");
    }

    static accessFailed(statusCode: 401 | 403, message: string = MESSAGES.ACCESS_FAILED): PingOneError {
        return new PingOneError(statusCode, "ACCESS_FAILED", message);
    }

    toEnvelope(): ErrorEnvelope {
        return {
            id: randomUUID(),
            ...(this.code !== undefined && { code: this.code }),
            message: this.message,
            // Real responses omit `details` when there is nothing to point at (404, 401...).
            ...(this.details.length > 0 && { details: this.details }),
        };
    }
}

/** The envelope PingOne answers with for a bare HTTP status (injected faults, rate limiting, framework errors). */
export function errorForStatus(status: number): PingOneError {
    if (status === 401 || status === 403) {
        return PingOneError.accessFailed(status);
    }
    if (status === 405) {
        return PingOneError.methodNotAllowed();
    }
    const code: TopLevelCode =
        status === 404
            ? "NOT_FOUND"
            : status === 429
              ? "REQUEST_LIMITED"
              : status >= 500
                ? "UNEXPECTED_ERROR"
                : "INVALID_REQUEST";
    return new PingOneError(status, code);
}

/** `ErrorBodyFormatter` for the shared ControlPlane; an injected fault may name its own `code`. */
export function pingOneErrorBody(status: number, code?: string): ErrorEnvelope {
    const envelope = errorForStatus(status).toEnvelope();
    return code === undefined ? envelope : { ...envelope, code };
}
