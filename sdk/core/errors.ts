/** The service an error came from, as users know it. */
export type ServiceName = "PingOne" | "DocuWare";

/** One field-level problem the service reported (PingOne `details[]`, OAuth `error_description`, …). */
export interface ErrorDetail {
    code?: string;
    target?: string;
    message: string;
}

/** Base of every error this package throws, so callers can tell ours apart with one `instanceof`. */
export class ProvisioningError extends Error {
    override name = "ProvisioningError";
}

/** The request was never sent because an argument is invalid. */
export class RequestValidationError extends ProvisioningError {
    override name = "RequestValidationError";

    constructor(
        message: string,
        readonly issues: readonly string[],
    ) {
        super(message);
    }
}

/** Credentials or endpoints are missing from stack config and environment. */
export class ConfigurationError extends ProvisioningError {
    override name = "ConfigurationError";
}

export interface ApiErrorInit {
    service: ServiceName;
    method: string;
    url: string;
    status: number;
    code?: string;
    serviceMessage?: string;
    details?: readonly ErrorDetail[];
    requestId?: string;
}

/** The service answered with an error status. */
export class ApiError extends ProvisioningError {
    override name = "ApiError";
    readonly service: ServiceName;
    readonly method: string;
    readonly url: string;
    readonly status: number;
    /** The service's own error code (`INVALID_DATA`, `invalid_client`, `uniqueness`, …). */
    readonly code?: string;
    readonly serviceMessage?: string;
    readonly details: readonly ErrorDetail[];
    readonly requestId?: string;

    constructor(init: ApiErrorInit) {
        const parts = [`${init.service} ${init.method} ${init.url} failed with HTTP ${init.status}`];
        if (init.code) {
            parts.push(init.code);
        }
        const detailText = (init.details ?? []).map((d) => (d.target ? `${d.target}: ${d.message}` : d.message));
        const explanation = [init.serviceMessage, ...detailText].filter(Boolean).join("; ");
        super(
            `${parts.join(" ")}${explanation ? `: ${explanation}` : ""}${init.requestId ? ` (request id ${init.requestId})` : ""}`,
        );
        this.service = init.service;
        this.method = init.method;
        this.url = init.url;
        this.status = init.status;
        this.code = init.code;
        this.serviceMessage = init.serviceMessage;
        this.details = init.details ?? [];
        this.requestId = init.requestId;
    }
}

/** HTTP 404: the object does not exist (any more). Deletes treat it as done. */
export class NotFoundError extends ApiError {
    override name = "NotFoundError";
}

export type TransportFailure = "timeout" | "connection-refused" | "connection-reset" | "dns" | "tls" | "network";

/** No usable HTTP response: timeout, refused or reset connection, DNS or TLS failure. */
export class TransportError extends ProvisioningError {
    override name = "TransportError";

    constructor(
        readonly service: ServiceName,
        readonly method: string,
        readonly url: string,
        readonly failure: TransportFailure,
        detail: string,
    ) {
        super(`${service} ${method} ${url} failed: ${describeFailure(failure)} (${detail})`);
    }
}

/**
 * The service has no API for what was asked (404/405 on the API itself, not on one object): the operation cannot be
 * automated against it. The message says what to use instead.
 */
export class UnsupportedApiError extends ProvisioningError {
    override name = "UnsupportedApiError";

    constructor(
        readonly service: ServiceName,
        readonly url: string,
        readonly status: number,
        message: string,
    ) {
        super(message);
    }
}

/** The service answered, but not with the payload its API documents. */
export class ResponseValidationError extends ProvisioningError {
    override name = "ResponseValidationError";

    constructor(
        readonly service: ServiceName,
        readonly method: string,
        readonly url: string,
        readonly status: number,
        readonly issues: string,
    ) {
        super(`${service} ${method} ${url} returned HTTP ${status} with an unexpected body: ${issues}`);
    }
}

function describeFailure(failure: TransportFailure): string {
    switch (failure) {
        case "timeout":
            return "the request timed out";
        case "connection-refused":
            return "the connection was refused";
        case "connection-reset":
            return "the connection was reset before a response arrived";
        case "dns":
            return "the host name could not be resolved";
        case "tls":
            return "the TLS handshake failed (certificate or protocol)";
        case "network":
            return "a network error occurred";
    }
}

/** True for failures after which the request may or may not have been applied by the service. */
export function isOutcomeUnknown(error: unknown): boolean {
    return (
        (error instanceof TransportError && error.failure !== "connection-refused" && error.failure !== "dns") ||
        (error instanceof ApiError && error.status >= 500)
    );
}
