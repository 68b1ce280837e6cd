import { isAxiosError } from "axios";
import { ApiError, NotFoundError, type ServiceName, TransportError, type TransportFailure, messageOf } from "./errors";
import type { ErrorEnvelopeParser } from "./httpClient";
import { redact } from "./secrets";

/** The one place that turns an axios failure without a response into a typed error. */
export function toTransportError(error: unknown, service: ServiceName, method: string, url: string): TransportError {
    const code = isAxiosError(error) ? (error.code ?? "") : "";
    const causeCode = String((error as { cause?: { code?: unknown } }).cause?.code ?? "");
    const detail = redact(messageOf(error));
    // The cause is the network failure without the request: axios errors carry headers and bodies with credentials.
    const cause = Object.assign(new Error(detail), { code: code || causeCode || undefined });
    return new TransportError(service, method, url, classify(code || causeCode, detail), detail, { cause });
}

function classify(code: string, message: string): TransportFailure {
    if (code === "ECONNABORTED" || code === "ETIMEDOUT" || /timeout/i.test(message)) {
        return "timeout";
    }
    if (code === "ECONNREFUSED") {
        return "connection-refused";
    }
    if (code === "ECONNRESET" || code === "EPIPE" || /socket hang up/i.test(message)) {
        return "connection-reset";
    }
    if (code === "ENOTFOUND" || code === "EAI_AGAIN") {
        return "dns";
    }
    if (/CERT|TLS|SSL|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code) || /certificate|tls|ssl/i.test(message)) {
        return "tls";
    }
    return "network";
}

export interface ErrorResponse {
    service: ServiceName;
    method: string;
    url: string;
    status: number;
    body: unknown;
    requestId?: string;
    parseErrorEnvelope: ErrorEnvelopeParser;
}

/** Builds the typed error for an error status, with the service's own code and message. */
export function toApiError(response: ErrorResponse): ApiError {
    const envelope = response.parseErrorEnvelope(response.body);
    const init = {
        service: response.service,
        method: response.method,
        url: response.url,
        status: response.status,
        code: envelope.code,
        serviceMessage: envelope.message === undefined ? undefined : redact(envelope.message),
        details: envelope.details?.map((d) => ({ ...d, message: redact(d.message) })),
        requestId: envelope.requestId ?? response.requestId,
    };
    return response.status === 404 ? new NotFoundError(init) : new ApiError(init);
}
