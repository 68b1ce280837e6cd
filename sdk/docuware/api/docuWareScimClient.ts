import type { HttpSettings } from "../../config/httpSettings";
import { HttpClient } from "../../core/httpClient";
import { ClientCredentialsTokenSource } from "../../core/tokenSource";
import { parseDocuWareError } from "./parseDocuWareError";
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
 * The package uses it to verify a setup, and the live acceptance suite's sweep to remove the test users it left.
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

    /** Every user of this identity provider, page by page (RFC 7644 §3.4.2.4). */
    async listAllUsers(): Promise<ScimUser[]> {
        const users: ScimUser[] = [];
        for (;;) {
            const page = await this.http.request({
                method: "GET",
                path: "/Users",
                query: { startIndex: users.length + 1, count: 100 },
                accept: SCIM_JSON,
                contentType: SCIM_JSON,
                responseSchema: ScimListResponseSchema,
            });
            const resources = page.Resources ?? [];
            users.push(...resources);
            if (resources.length === 0 || users.length >= page.totalResults) {
                return users;
            }
        }
    }

    async deleteUser(id: string): Promise<void> {
        await this.http.request({
            method: "DELETE",
            path: `/Users/${encodeURIComponent(id)}`,
            accept: SCIM_JSON,
            contentType: SCIM_JSON,
        });
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
