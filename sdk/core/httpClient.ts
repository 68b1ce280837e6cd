import axios, { type AxiosInstance, type AxiosResponse, isAxiosError } from "axios";
import { z } from "zod";
import { toApiError, toTransportError } from "./errorConversion";
import { RequestValidationError, ResponseValidationError, type ServiceName } from "./errors";
import {
    DEFAULT_RETRY_POLICY,
    type RetryPolicy,
    backoffDelay,
    parseRetryAfter,
    rateLimitDelay,
    retriesStatus,
    retriesTransportFailure,
    sleep,
} from "./retry";
import { notifyRetry } from "./retryObserver";
import { redact } from "./secrets";

/** Supplies bearer tokens; `invalidate` drops a token the service rejected. */
export interface TokenSource {
    token(): Promise<string>;
    invalidate(): void;
}

/** Reads the service's error envelope out of an error response body. */
export type ErrorEnvelopeParser = (body: unknown) => {
    code?: string;
    message?: string;
    details?: { code?: string; target?: string; message: string }[];
    requestId?: string;
};

export interface HttpClientOptions {
    service: ServiceName;
    /** Every relative request path is appended to this URL. */
    baseUrl: string;
    parseErrorEnvelope: ErrorEnvelopeParser;
    tokenSource?: TokenSource;
    /** Per-request timeout. Defaults to 30 s. */
    timeoutMs?: number;
    retry?: Partial<RetryPolicy>;
    /** Error codes (from the error envelope) that mark a failure as transient whatever its status. */
    retryableErrorCodes?: readonly string[];
    /** Called before each retry, e.g. to log progress; never receives secrets. */
    onRetry?: (event: RetryEvent) => void;
}

export interface RetryEvent {
    service: ServiceName;
    method: string;
    url: string;
    /** Retry number (for a 429: the how-manieth wait), from 1. */
    attempt: number;
    delayMs: number;
    /** `HTTP 429`, `HTTP 503`, or the transport failure (`timeout`, `connection-reset`, …). */
    reason: string;
    /** Retries allowed after failures; waits on a 429 do not count against it but against `rateLimitBudgetMs`. */
    maxRetries: number;
    rateLimitBudgetMs: number;
}

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface RequestSpec<T> {
    method: HttpMethod;
    /** Relative to the client's base URL (starting with `/`), or an absolute URL. */
    path: string;
    query?: Record<string, string | number | boolean | undefined>;
    /** JSON body, validated against `bodySchema` (when given) before anything is sent. */
    body?: unknown;
    bodySchema?: z.ZodType;
    /** Form body (`application/x-www-form-urlencoded`), instead of `body`. */
    form?: Record<string, string>;
    contentType?: string;
    accept?: string;
    headers?: Record<string, string>;
    /** Schema of the success body; omit for responses without content. */
    responseSchema?: z.ZodType<T>;
    /**
     * Whether the request may be sent again when its outcome is unknown (timeout, reset, 408, 5xx). Defaults to
     * true for GET, PUT and DELETE, false for POST and PATCH. A 429 is always repeated: the service did not process it.
     */
    repeatable?: boolean;
    /** Send the bearer token. Defaults to true when the client has a token source. */
    authenticate?: boolean;
}

/**
 * The one HTTP core of the package: axios with request and response validation, bearer tokens renewed on 401,
 * retries with backoff and jitter for 429 (honouring `Retry-After`), the other retryable statuses and error codes
 * (`isRetryableResponse`) and transport failures on requests that are safe to repeat, timeouts, and typed errors that
 * never carry a secret.
 */
export class HttpClient {
    private readonly axios: AxiosInstance;
    private readonly retry: RetryPolicy;

    constructor(private readonly options: HttpClientOptions) {
        this.axios = axios.create({
            timeout: options.timeoutMs ?? 30_000,
            validateStatus: () => true,
            maxRedirects: 0,
            // The services' JSON media types (application/scim+json, HAL) are parsed below.
            responseType: "text",
            transformResponse: [(data: unknown) => data],
        });
        this.retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    }

    get service(): ServiceName {
        return this.options.service;
    }

    async request<T = undefined>(spec: RequestSpec<T>): Promise<T> {
        const url = spec.path.startsWith("http") ? spec.path : `${this.options.baseUrl}${spec.path}`;
        const displayUrl = redact(url);
        if (spec.bodySchema) {
            const parsed = spec.bodySchema.safeParse(spec.body);
            if (!parsed.success) {
                const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "(body)"}: ${i.message}`);
                throw new RequestValidationError(
                    `Invalid request to ${this.service} ${spec.method} ${displayUrl}: ${issues.join("; ")}`,
                    issues,
                    { cause: parsed.error },
                );
            }
        }
        const repeatable =
            spec.repeatable ?? (spec.method === "GET" || spec.method === "PUT" || spec.method === "DELETE");
        const authenticate = spec.authenticate ?? this.options.tokenSource !== undefined;
        let renewedToken = false;
        let rateLimitedMs = 0;
        let rateLimitedTimes = 0;

        for (let attempt = 0; ; attempt++) {
            let response: AxiosResponse<string>;
            try {
                response = await this.send(spec, url, authenticate);
            } catch (error) {
                if (!isAxiosError(error)) {
                    throw error; // e.g. the token request failed: already a typed error
                }
                const failure = toTransportError(error, this.service, spec.method, displayUrl);
                if (retriesTransportFailure(failure.failure, repeatable) && attempt < this.retry.maxRetries) {
                    await this.pause(spec, displayUrl, attempt, backoffDelay(this.retry, attempt), failure.failure);
                    continue;
                }
                throw failure;
            }

            if (response.status === 401 && authenticate && !renewedToken) {
                this.options.tokenSource?.invalidate();
                renewedToken = true;
                attempt--; // a renewed token is not a retry
                continue;
            }
            if (response.status === 429) {
                const delay = rateLimitDelay(
                    this.retry,
                    parseRetryAfter(headerValue(response, "retry-after")),
                    rateLimitedTimes,
                );
                if (rateLimitedMs + delay <= this.retry.rateLimitBudgetMs) {
                    await this.pause(spec, displayUrl, rateLimitedTimes++, delay, "HTTP 429");
                    rateLimitedMs += delay;
                    attempt--; // waiting out a rate limit is not a failed attempt
                    continue;
                }
            }
            const code =
                response.status >= 400 ? this.options.parseErrorEnvelope(parseBody(response.data)).code : undefined;
            if (
                retriesStatus(response.status, repeatable, code, this.options.retryableErrorCodes) &&
                attempt < this.retry.maxRetries
            ) {
                const requested = parseRetryAfter(headerValue(response, "retry-after"));
                const delay = Math.min(this.retry.maxDelayMs, requested ?? backoffDelay(this.retry, attempt));
                await this.pause(spec, displayUrl, attempt, delay, `HTTP ${response.status}`);
                continue;
            }
            if (response.status >= 400) {
                throw toApiError({
                    service: this.service,
                    method: spec.method,
                    url: displayUrl,
                    status: response.status,
                    body: parseBody(response.data),
                    requestId: headerValue(response, "correlation-id") ?? headerValue(response, "x-request-id"),
                    parseErrorEnvelope: this.options.parseErrorEnvelope,
                });
            }
            return this.validateResponse(spec, displayUrl, response);
        }
    }

    private async send(spec: RequestSpec<unknown>, url: string, authenticate: boolean): Promise<AxiosResponse<string>> {
        const headers: Record<string, string> = { Accept: spec.accept ?? "application/json", ...spec.headers };
        if (authenticate && this.options.tokenSource) {
            headers.Authorization = `Bearer ${await this.options.tokenSource.token()}`;
        }
        let data: string | undefined;
        if (spec.form) {
            headers["Content-Type"] = "application/x-www-form-urlencoded";
            data = new URLSearchParams(spec.form).toString();
        } else if (spec.body !== undefined) {
            headers["Content-Type"] = spec.contentType ?? "application/json";
            data = JSON.stringify(spec.body);
        } else if (spec.contentType) {
            headers["Content-Type"] = spec.contentType;
        }
        return this.axios.request<string>({ method: spec.method, url, params: spec.query, headers, data });
    }

    private validateResponse<T>(spec: RequestSpec<T>, displayUrl: string, response: AxiosResponse<string>): T {
        if (!spec.responseSchema) {
            return undefined as T;
        }
        const parsed = spec.responseSchema.safeParse(parseBody(response.data));
        if (!parsed.success) {
            throw new ResponseValidationError(
                this.service,
                spec.method,
                displayUrl,
                response.status,
                redact(z.prettifyError(parsed.error)),
                { cause: parsed.error },
            );
        }
        return parsed.data;
    }

    private async pause(spec: RequestSpec<unknown>, url: string, attempt: number, delayMs: number, reason: string) {
        const event: RetryEvent = {
            service: this.service,
            method: spec.method,
            url,
            attempt: attempt + 1,
            delayMs,
            reason,
            maxRetries: this.retry.maxRetries,
            rateLimitBudgetMs: this.retry.rateLimitBudgetMs,
        };
        this.options.onRetry?.(event);
        notifyRetry(event);
        await sleep(delayMs);
    }
}

function parseBody(data: string | undefined): unknown {
    if (data === undefined || data === "") {
        return undefined;
    }
    try {
        return JSON.parse(data) as unknown;
    } catch {
        return data;
    }
}

function headerValue(response: AxiosResponse, name: string): string | undefined {
    const value: unknown = response.headers[name];
    return typeof value === "string" ? value : undefined;
}
