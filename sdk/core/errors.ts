/** The service an error came from, as users know it. */
export type ServiceName = "PingOne" | "DocuWare";

/** One field-level problem the service reported (PingOne `details[]`, OAuth `error_description`, …). */
export interface ErrorDetail {
    code?: string;
    target?: string;
    message: string;
}

/**
 * Base of every error this package throws, so callers can tell ours apart with one `instanceof`. An error caused by
 * another keeps it as `cause` (redacted or reduced where the original could carry a secret).
 */
export class ProvisioningError extends Error {
    override name = "ProvisioningError";

    constructor(message: string, options?: ErrorOptions) {
        super(message, options);
    }
}

/** The request was never sent because an argument is invalid. */
export class RequestValidationError extends ProvisioningError {
    override name = "RequestValidationError";

    constructor(
        message: string,
        readonly issues: readonly string[],
        options?: ErrorOptions,
    ) {
        super(message, options);
    }
}

/**
 * A component's arguments are invalid; thrown before any child exists, listing every problem. The CLI attributes it
 * to `resource`, as it does a `pulumi.ResourceError`.
 */
export class InvalidArgumentsError extends RequestValidationError {
    override name = "InvalidArgumentsError";
    /** The brand `pulumi.ResourceError.isInstance` checks (the SDK's spelling); a unit test guards it. */
    readonly __pulumResourceError = true;

    constructor(
        message: string,
        issues: readonly string[],
        readonly resource: object,
        /** Read by the CLI like `pulumi.ResourceError.hideStack`: true when the message alone says what to fix. */
        readonly hideStack = false,
    ) {
        super(message, issues);
    }
}

/** The message of a thrown value, which need not be an `Error`. */
export function messageOf(error: unknown): string {
    return error instanceof Error ? error.message : String(error);
}

/** Credentials or endpoints are missing from stack config and environment, or invalid there. */
export class ConfigurationError extends ProvisioningError {
    override name = "ConfigurationError";
}

/** A required setting is in neither stack config nor the environment. */
export class MissingSettingsError extends ConfigurationError {
    override name = "ConfigurationError";
}

/**
 * Raised by a provider's `create`/`update` when the object exists but a later step failed, so the engine records it
 * in state (no orphan) and the next `up` finishes the job. `cause` is the failure of that step.
 */
export class PartialFailure extends ProvisioningError {
    override name = "PartialFailure";

    constructor(
        readonly id: string,
        readonly properties: object,
        cause: unknown,
    ) {
        super(messageOf(cause), { cause });
    }
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
        options?: ErrorOptions,
    ) {
        super(`${service} ${method} ${url} failed: ${describeFailure(failure)} (${detail})`, options);
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
        options?: ErrorOptions,
    ) {
        super(`${service} ${method} ${url} returned HTTP ${status} with an unexpected body: ${issues}`, options);
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

/** README section that explains recovery after a killed deployment; named by the errors that point there. */
export const INTERRUPTED_DEPLOYMENT_SECTION = 'README section "If a deployment is interrupted"';

/**
 * Create found an object with the resource's natural key (name) that this resource did not make: it carries no
 * marker, or another resource's. It is never taken over silently.
 */
export class UnownedObjectError extends ProvisioningError {
    override name = "UnownedObjectError";

    constructor(
        readonly object: string,
        readonly owner: string | undefined,
        readonly expectedOwner: string | undefined,
    ) {
        const madeBy = owner
            ? `it is marked as managed by ${owner}`
            : "it carries no `managed-by: pulumi …` marker, so this package did not create it for this resource";
        super(
            `${object} already exists and ${madeBy}${expectedOwner ? ` (this resource is ${expectedOwner})` : ""}. ` +
                "If a deployment made with a version of this package older than its markers was interrupted, or the " +
                `object was made by hand or by another stack, see the ${INTERRUPTED_DEPLOYMENT_SECTION}. To manage this ` +
                "object deliberately, set `adopt: true` on the component or the resource; otherwise choose another name.",
        );
    }
}

/**
 * Refresh and destroy run with the provider configuration the last update saved in state, not the stack config:
 * what to do when that configuration no longer works.
 */
export const SAVED_CONFIGURATION_HINT =
    "if credentials or ids changed in stack config since the last `pulumi up`, refresh and destroy still use the " +
    "configuration saved in state: run `pulumi up` without --refresh first";

/**
 * A refresh (`read`) could not tell whether the object exists: the token request, the environment or organization,
 * the credentials or the service failed. State is left as it was; nothing is taken for a deletion.
 */
export class ReadFailedError extends ProvisioningError {
    override name = "ReadFailedError";

    constructor(
        readonly resource: string,
        cause: unknown,
    ) {
        const reason = messageOf(cause);
        super(
            `Could not read ${resource}; state is unchanged and nothing was taken as deleted (${SAVED_CONFIGURATION_HINT}). ` +
                `Cause: ${reason}`,
            { cause },
        );
    }
}

/** The token endpoint refused the credentials or does not know the environment or organization. */
export class TokenRequestError extends ApiError {
    override name = "TokenRequestError";
}

/**
 * A delete failed because the provider configuration does not work (settings, token request, 401, 403): the object
 * stays in state, and the message names the command that makes destroy use the current stack config.
 */
export class DeleteFailedError extends ProvisioningError {
    override name = "DeleteFailedError";

    constructor(
        readonly resource: string,
        cause: unknown,
    ) {
        const reason = messageOf(cause);
        super(`Could not delete ${resource}; state keeps it (${SAVED_CONFIGURATION_HINT}). Cause: ${reason}`, {
            cause,
        });
    }

    /** Whether `error` says the configuration cannot reach or authenticate at the service, rather than the object. */
    static concerns(error: unknown): boolean {
        return (
            error instanceof ConfigurationError ||
            error instanceof TokenRequestError ||
            (error instanceof ApiError && (error.status === 401 || error.status === 403))
        );
    }
}
