import axios, { type AxiosResponse, type Method } from "axios";
import { createHash } from "node:crypto";
import { z } from "zod";
import type { ScimConfiguration } from "../api/payloads/scimStoreConfiguration";
import { TargetError } from "./provisioningErrors";

const SCIM_MEDIA_TYPE = "application/scim+json";
/** Renew a cached token this long before it expires (at most a tenth of its lifetime). */
const EXPIRY_MARGIN_MS = 30_000;

const TokenResponseSchema = z.object({ access_token: z.string().min(1), expires_in: z.coerce.number().optional() });

export interface TargetResponse {
    status: number;
    data: unknown;
}

/** A short, readable reason out of a target's error body (OAuth, SCIM or DocuWare Platform shapes). */
function reasonOf(response: AxiosResponse): string {
    const body = response.data as Record<string, unknown> | string | undefined;
    const text =
        typeof body === "object" && body !== null
            ? [body["error"], body["error_description"], body["detail"], body["Message"], body["message"]]
                  .filter((part) => typeof part === "string" && part !== "")
                  .join(": ")
            : String(body ?? "").slice(0, 200);
    const status = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ""}`;
    return text ? `${status} (${text})` : status;
}

/** A header scheme from AUTHORIZATION_TYPE; the console's multi-word labels fall back to the method's usual one. */
function headerScheme(configuration: ScimConfiguration, fallback: string): string {
    // inferred: AUTHORIZATION_TYPE is the Authorization header scheme ("Basic", "Bearer") when it is a single word.
    return /^[\w-]+$/.test(configuration.AUTHORIZATION_TYPE) ? configuration.AUTHORIZATION_TYPE : fallback;
}

/**
 * HTTP client of the provisioning engine towards a store's SCIM service. Authenticates as the store says and caches
 * client-credentials tokens until shortly before they expire; a 401 from the SCIM API triggers one token refresh.
 */
export class ScimTargetClient {
    private readonly http = axios.create({ timeout: 10_000, proxy: false, validateStatus: () => true });
    private readonly tokens = new Map<string, { accessToken: string; expiresAt: number }>();

    clearTokenCache(): void {
        this.tokens.clear();
    }

    /**
     * Sends one SCIM request and returns the response; throws a `TargetError` naming the request unless the status
     * is 2xx or listed in `accepted`.
     */
    async send(
        configuration: ScimConfiguration,
        method: Method,
        url: string,
        body?: unknown,
        accepted: number[] = [],
    ): Promise<TargetResponse> {
        let response = await this.attempt(configuration, method, url, body, false);
        if (response.status === 401 && configuration.AUTHENTICATION_METHOD === "OAuth 2 Client Credentials") {
            response = await this.attempt(configuration, method, url, body, true);
        }
        if ((response.status < 200 || response.status > 299) && !accepted.includes(response.status)) {
            throw new TargetError(`SCIM request ${method} ${url} failed: ${reasonOf(response)}`, response.status);
        }
        return { status: response.status, data: response.data };
    }

    /** A client-credentials token from OAUTH_TOKEN_REQUEST (cached unless `fresh`). */
    async accessToken(configuration: ScimConfiguration, fresh = false): Promise<string> {
        const url = configuration.OAUTH_TOKEN_REQUEST ?? "";
        const clientId = configuration.OAUTH_CLIENT_ID ?? "";
        const clientSecret = configuration.OAUTH_CLIENT_SECRET ?? "";
        const key = [url, clientId, createHash("sha256").update(clientSecret).digest("hex")].join("\n");
        const cached = this.tokens.get(key);
        if (!fresh && cached && cached.expiresAt > Date.now()) {
            return cached.accessToken;
        }
        this.tokens.delete(key);
        // inferred: client_secret_post; PingOne's connection form has no scope field, so none is sent.
        const form = new URLSearchParams({
            grant_type: "client_credentials",
            client_id: clientId,
            client_secret: clientSecret,
        });
        const response = await this.call("POST", url, form.toString(), "configuration.OAUTH_TOKEN_REQUEST", {
            "Content-Type": "application/x-www-form-urlencoded",
            Accept: "application/json",
        });
        if (response.status !== 200) {
            const target =
                response.status === 400 || response.status === 401 ? "OAUTH_CLIENT_SECRET" : "OAUTH_TOKEN_REQUEST";
            throw new TargetError(
                `OAuth token request POST ${url} failed: ${reasonOf(response)}`,
                response.status,
                `configuration.${target}`,
            );
        }
        const token = TokenResponseSchema.safeParse(response.data);
        if (!token.success) {
            throw new TargetError(
                `OAuth token response from ${url} has no access_token.`,
                200,
                "configuration.OAUTH_TOKEN_REQUEST",
            );
        }
        const lifetimeMs = (token.data.expires_in ?? 3600) * 1000;
        const expiresAt = Date.now() + lifetimeMs - Math.min(EXPIRY_MARGIN_MS, lifetimeMs / 10);
        this.tokens.set(key, { accessToken: token.data.access_token, expiresAt });
        return token.data.access_token;
    }

    private async authorization(configuration: ScimConfiguration, freshToken: boolean): Promise<string | undefined> {
        switch (configuration.AUTHENTICATION_METHOD) {
            case "Basic Authentication": {
                const credential = `${configuration.BASIC_AUTH_USER ?? ""}:${configuration.BASIC_AUTH_PASSWORD ?? ""}`;
                return `${headerScheme(configuration, "Basic")} ${Buffer.from(credential).toString("base64")}`;
            }
            case "OAuth 2 Bearer Token":
                return `${headerScheme(configuration, "Bearer")} ${configuration.OAUTH_ACCESS_TOKEN ?? ""}`;
            case "OAuth 2 Client Credentials":
                return `${headerScheme(configuration, "Bearer")} ${await this.accessToken(configuration, freshToken)}`;
            default:
                return undefined;
        }
    }

    private async attempt(
        configuration: ScimConfiguration,
        method: Method,
        url: string,
        body: unknown,
        freshToken: boolean,
    ): Promise<AxiosResponse> {
        const authorization = await this.authorization(configuration, freshToken);
        const data = body === undefined ? undefined : JSON.stringify(body);
        return this.call(method, url, data, "configuration.SCIM_URL", {
            Accept: SCIM_MEDIA_TYPE,
            // On every request, bodiless ones included: DocuWare requires the SCIM media type.
            "Content-Type": SCIM_MEDIA_TYPE,
            ...(authorization && { Authorization: authorization }),
        });
    }

    private async call(
        method: Method,
        url: string,
        data: string | undefined,
        setting: string,
        headers: Record<string, string>,
    ): Promise<AxiosResponse> {
        try {
            return await this.http.request({ method, url, data, headers, responseType: "json" });
        } catch (error) {
            const reason = (error as { code?: string; message?: string }).code ?? (error as Error).message;
            throw new TargetError(`${method} ${url} could not be sent: ${reason}`, undefined, setting);
        }
    }
}
