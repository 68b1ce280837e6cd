import { createHash } from "node:crypto";
import { z } from "zod";
import { ApiError, type ServiceName, TokenRequestError } from "./errors";
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
    /**
     * `basic` sends the credentials in an Authorization header (client_secret_basic), `post` in the form body
     * (client_secret_post), `auto` tries Basic first and, when the service answers `invalid_client`, the form body once,
     * then remembers what worked for this credential for the rest of the process.
     */
    authStyle: ClientAuthStyle;
}

export type ClientAuthStyle = "auto" | "basic" | "post";

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
/** With `auto`: the style a credential's token endpoint accepted, for the whole process. */
const learnedStyles = processCache<string, "basic" | "post">();

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
        const { authStyle } = this.credentials;
        const style = authStyle === "auto" ? (learnedStyles.get(this.key) ?? "basic") : authStyle;
        let used = style;
        let response: z.infer<typeof TokenResponseSchema>;
        try {
            response = await this.requestToken(style);
        } catch (error) {
            // As Go's oauth2 AuthStyleAutoDetect does (used by the PingOne Go SDK's client and TF-easytofu's provider):
            // header first, then the form body once, and the style that worked is remembered.
            const refused = error instanceof ApiError && error.code === "invalid_client";
            if (authStyle !== "auto" || style !== "basic" || !refused) {
                throw error;
            }
            used = "post";
            response = await this.requestToken(used);
        }
        if (authStyle === "auto") {
            learnedStyles.set(this.key, used);
        }
        registerSecret(response.access_token);
        const lifetimeMs = (response.expires_in ?? 3600) * 1000;
        const margin = Math.min(RENEWAL_MARGIN_MS, lifetimeMs / 2);
        const token = { accessToken: response.access_token, expiresAt: Date.now() + lifetimeMs - margin };
        cache.set(this.key, token);
        return token;
    }

    private requestToken(style: "basic" | "post") {
        const { clientId, clientSecret, scope } = this.credentials;
        const form: Record<string, string> = { grant_type: "client_credentials" };
        if (scope) {
            form.scope = scope;
        }
        const headers: Record<string, string> = {};
        if (style === "basic") {
            const basic = Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`);
            headers.Authorization = `Basic ${basic.toString("base64")}`;
        } else {
            form.client_id = clientId;
            form.client_secret = clientSecret;
        }
        return this.http
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
                throw error instanceof ApiError
                    ? Object.assign(new TokenRequestError({ ...error }), { cause: error })
                    : error;
            });
    }
}
