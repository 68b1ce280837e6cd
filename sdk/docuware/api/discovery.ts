import type { HttpSettings } from "../../config/httpSettings";
import { HttpClient } from "../../core/httpClient";
import { parseDocuWareError } from "./parseDocuWareError";
import { IdentityServiceInfoSchema, OpenIdConfigurationSchema } from "./schemas";

export interface IdentityService {
    identityServiceUrl: string;
    tokenEndpoint: string;
}

/**
 * Finds an organization's OAuth token endpoint the documented way: Platform `IdentityServiceInfo`, then the
 * identity service's OpenID configuration. Never hard-coded: DocuWare Cloud serves it from a separate login host.
 */
export async function discoverIdentityService(organizationUrl: string, http: HttpSettings): Promise<IdentityService> {
    const client = new HttpClient({
        service: "DocuWare",
        baseUrl: organizationUrl.replace(/\/+$/, ""),
        parseErrorEnvelope: parseDocuWareError,
        ...http,
    });
    const info = await client.request({
        method: "GET",
        path: "/DocuWare/Platform/Home/IdentityServiceInfo",
        responseSchema: IdentityServiceInfoSchema,
    });
    const identityServiceUrl = info.IdentityServiceUrl.replace(/\/+$/, "");
    const openId = await client.request({
        method: "GET",
        path: `${identityServiceUrl}/.well-known/openid-configuration`,
        responseSchema: OpenIdConfigurationSchema,
    });
    return { identityServiceUrl, tokenEndpoint: openId.token_endpoint };
}
