import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { DocuWareError } from "./docuWareError";

export const TokenRequestSchema = z
    .object({
        grant_type: z.string(),
        client_id: z.string(),
        client_secret: z.string(),
        scope: z.string(),
    })
    .partial();
export type TokenRequest = z.infer<typeof TokenRequestSchema>;

export interface ClientCredentials {
    clientId: string;
    secret: string;
    /** RFC 6749 §5.2: a failed Basic authentication is answered with `WWW-Authenticate`. */
    viaBasic: boolean;
}

/**
 * Client authentication by HTTP Basic (RFC 6749 §2.3.1, form-encoded id and secret) or by `client_id`/
 * `client_secret` in the body. When both are sent, Basic wins, as in IdentityServer's secret parsers.
 */
export function clientCredentials(request: FastifyRequest, body: TokenRequest): ClientCredentials {
    const basic = /^Basic\s+(\S+)\s*$/i.exec(request.headers.authorization ?? "")?.[1];
    if (basic) {
        const decoded = Buffer.from(basic, "base64").toString("utf8");
        const separator = decoded.indexOf(":");
        const clientId = separator > 0 ? formDecode(decoded.slice(0, separator)) : undefined;
        const secret = separator > 0 ? formDecode(decoded.slice(separator + 1)) : undefined;
        if (clientId === undefined || secret === undefined) {
            throw invalidClient("The Basic authorization header is malformed.", true);
        }
        return { clientId, secret, viaBasic: true };
    }
    if (!body.client_id) {
        throw invalidClient("No client credentials were sent.", false);
    }
    return { clientId: body.client_id, secret: body.client_secret ?? "", viaBasic: false };
}

export function invalidClient(description: string, viaBasic: boolean): DocuWareError {
    return new DocuWareError(401, description, {
        oauthError: "invalid_client",
        ...(viaBasic ? { headers: { "WWW-Authenticate": 'Basic realm="DocuWare Identity Service"' } } : {}),
    });
}

function formDecode(value: string): string | undefined {
    try {
        return decodeURIComponent(value.replace(/\+/g, " "));
    } catch {
        return undefined;
    }
}
