import { createHash } from "node:crypto";
import { z } from "zod";
import { ApiError, NotFoundError, type ServiceName } from "./errors";
import { HttpClient, type TokenSource } from "./httpClient";
import { processCache } from "./processCache";
import type { RetryPolicy } from "./retry";
import { registerSecret } from "./secrets";

/** An OAuth 2 client-credentials grant. */
export interface ClientCredentials {
    service: ServiceName;
    tokenUrl: string;
    clientId: string;
    clientSecret: string;
    scope?: string;
    /** `basic` sends the credentials in an Authorization header (client_secret_basic), `post` in the form body. */
    authStyle: "basic" | "post";
}

export const TokenResponseSchema = z.object({
    access_token: z.string().min(1),
    token_type: z.string().optional(),
    expires_in: z.number().positive().optional(),
});

export const OAuthErrorSchema = z.object({
    error: z.string(),
    error_description: z.string().optional(),
});

/** Parses an OAuth 2 error body (`{error, error_description}`). */
export function parseOAuthError(body: unknown): { code?: string; message?: string } {
    const parsed = OAuthErrorSchema.safeParse(body);
    return parsed.success ? { code: parsed.data.error, message: parsed.data.error_description } : {};
}

interface CachedToken {
    accessToken: string;
    expiresAt: number;
}

/** Tokens cached per credential for the whole process, shared by every client built from the same credential. */
const cache: Map<string, CachedToken> = ((
    globalThis as { __docuwarePingOneTokens?: Map<string, CachedToken> }
).__docuwarePingOneTokens ??= processCache<string, CachedToken>());
const inFlight = processCache<string, Promise<CachedToken>>();

/** Renew this long before expiry (or at half the lifetime of short-lived tokens). */
const RENEWAL_MARGIN_MS = 60_000;

/** Client-credentials tokens, cached until shortly before they expire and renewed when the service rejects one. */
export class ClientCredentialsTokenSource implements TokenSource {
    private readonly key: string;
    private readonly http: HttpClient;

    constructor(
        private readonly credentials: ClientCredentials,
        options: { timeoutMs?: number; retry?: Partial<RetryPolicy> } = {},
    ) {
        registerSecret(credentials.clientSecret);
        const secretHash = createHash("sha256").update(credentials.clientSecret).digest("hex");
        this.key = `${credentials.tokenUrl}|${credentials.clientId}|${secretHash}`;
        this.http = new HttpClient({
            service: credentials.service,
            baseUrl: credentials.tokenUrl,
            parseErrorEnvelope: parseOAuthError,
            ...options,
        });
    }

    async token(): Promise<string> {
        const cached = cache.get(this.key);
        if (cached && Date.now() < cached.expiresAt) {
            return cached.accessToken;
        }
        let pending = inFlight.get(this.key);
        if (!pending) {
            pending = this.fetch().finally(() => inFlight.delete(this.key));
            inFlight.set(this.key, pending);
        }
        return (await pending).accessToken;
    }

    invalidate(): void {
        cache.delete(this.key);
    }

    private async fetch(): Promise<CachedToken> {
        const { clientId, clientSecret, scope, authStyle } = this.credentials;
        const form: Record<string, string> = { grant_type: "client_credentials" };
        if (scope) {
            form.scope = scope;
        }
        const headers: Record<string, string> = {};
        if (authStyle === "basic") {
            const basic = Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`);
            headers.Authorization = `Basic ${basic.toString("base64")}`;
        } else {
            form.client_id = clientId;
            form.client_secret = clientSecret;
        }
        const response = await this.http
            .request({
                method: "POST",
                path: "",
                form,
                headers,
                responseSchema: TokenResponseSchema,
                repeatable: true, // asking for a token has no side effect
            })
            .catch((error: unknown) => {
                // A 404 from the token endpoint (unknown environment or organization, wrong URL) says nothing about
                // the object a request was for: it must never read as "the object was deleted".
                throw error instanceof NotFoundError
                    ? Object.assign(new ApiError({ ...error }), { cause: error })
                    : error;
            });
        registerSecret(response.access_token);
        const lifetimeMs = (response.expires_in ?? 3600) * 1000;
        const margin = Math.min(RENEWAL_MARGIN_MS, lifetimeMs / 2);
        const token = { accessToken: response.access_token, expiresAt: Date.now() + lifetimeMs - margin };
        cache.set(this.key, token);
        return token;
    }
}
