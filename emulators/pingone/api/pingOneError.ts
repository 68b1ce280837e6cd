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
    code: z.string(),
    message: z.string(),
    details: z.array(ErrorDetailSchema).optional(),
});
export type ErrorEnvelope = z.infer<typeof ErrorEnvelopeSchema>;

const MESSAGES = {
    INVALID_DATA: "The request could not be completed. One or more validation errors were in the request.",
    INVALID_REQUEST: "The request could not be completed. The request was malformed or invalid.",
    ACCESS_FAILED: "The request could not be completed. You do not have access to this resource.",
    NOT_FOUND: "The request could not be completed. The requested resource was not found.",
    // inferred: the reference documents 405 but not its code; PingOne names codes after the condition.
    METHOD_NOT_ALLOWED: "The request could not be completed. The HTTP method is not supported for this resource.",
    REQUEST_LIMITED: "The request could not be completed. Too many requests were made.",
    UNEXPECTED_ERROR: "The request could not be completed. An unexpected error occurred.",
} as const;
type TopLevelCode = keyof typeof MESSAGES;

/** Thrown by route handlers; the API error handler turns it into the PingOne error envelope. */
export class PingOneError extends Error {
    override readonly name = "PingOneError";

    constructor(
        readonly statusCode: number,
        readonly code: TopLevelCode,
        message: string = MESSAGES[code],
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

    static notFound(): PingOneError {
        return new PingOneError(404, "NOT_FOUND");
    }

    static accessFailed(statusCode: 401 | 403, message: string = MESSAGES.ACCESS_FAILED): PingOneError {
        return new PingOneError(statusCode, "ACCESS_FAILED", message);
    }

    toEnvelope(): ErrorEnvelope {
        return {
            id: randomUUID(),
            code: this.code,
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
    const code: TopLevelCode =
        status === 404
            ? "NOT_FOUND"
            : status === 405
              ? "METHOD_NOT_ALLOWED"
              : status === 429
                ? "REQUEST_LIMITED"
                : status >= 500
                  ? "UNEXPECTED_ERROR"
                  : "INVALID_REQUEST";
    return new PingOneError(status, code);
}

/** `ErrorBodyFormatter` for the shared ControlPlane. */
export function pingOneErrorBody(status: number): ErrorEnvelope {
    return errorForStatus(status).toEnvelope();
}
