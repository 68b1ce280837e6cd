import type { HttpSettings } from "../config/httpSettings";
import { HttpClient } from "../core/httpClient";
import { ClientCredentialsTokenSource } from "../core/tokenSource";
import { parseDocuWareError } from "./errors";
import { type ScimUser, ScimListResponseSchema, ScimUserSchema } from "./schemas";

export interface ScimClientOptions {
    scimBaseUrl: string;
    tokenUrl: string;
    clientId: string;
    clientSecret: string;
}

const SCIM_JSON = "application/scim+json";

/**
 * DocuWare's SCIM service as PingOne uses it (client-credentials token, no scope). DocuWare's API
 * integration guide requires `Content-Type: application/scim+json` on every request, bodiless GETs included.
 * The package uses it to verify a setup, never to manage users.
 */
export class DocuWareScimClient {
    private readonly http: HttpClient;

    constructor(
        private readonly options: ScimClientOptions,
        http: HttpSettings,
    ) {
        const tokenSource = new ClientCredentialsTokenSource(
            {
                service: "DocuWare",
                tokenUrl: options.tokenUrl,
                clientId: options.clientId,
                clientSecret: options.clientSecret,
                authStyle: "post",
            },
            http,
        );
        this.http = new HttpClient({
            service: "DocuWare",
            baseUrl: options.scimBaseUrl.replace(/\/+$/, ""),
            parseErrorEnvelope: parseDocuWareError,
            tokenSource,
            ...http,
        });
    }

    /** Users of this identity provider matching a SCIM filter such as `userName eq "jdoe"`. */
    async listUsers(filter?: string, count?: number): Promise<ScimUser[]> {
        const list = await this.http.request({
            method: "GET",
            path: "/Users",
            query: { filter, count },
            accept: SCIM_JSON,
            contentType: SCIM_JSON,
            responseSchema: ScimListResponseSchema,
        });
        return list.Resources ?? [];
    }

    async getUser(id: string): Promise<ScimUser> {
        return this.http.request({
            method: "GET",
            path: `/Users/${encodeURIComponent(id)}`,
            accept: SCIM_JSON,
            contentType: SCIM_JSON,
            responseSchema: ScimUserSchema,
        });
    }
}
