import { parseOAuthError } from "../../core/tokenSource";
import { PlatformErrorSchema, ScimErrorSchema } from "./schemas";

/** Reads any of DocuWare's error bodies: the Platform `Error` object, a SCIM error, or an OAuth error. */
export function parseDocuWareError(body: unknown): { code?: string; message?: string } {
    const platform = PlatformErrorSchema.safeParse(body);
    if (platform.success && platform.data.Message) {
        return {
            code: platform.data.InternalCode === undefined ? undefined : String(platform.data.InternalCode),
            message: platform.data.Message,
        };
    }
    const scim = ScimErrorSchema.safeParse(body);
    if (scim.success && scim.data.detail) {
        return { code: scim.data.scimType, message: scim.data.detail };
    }
    const oauth = parseOAuthError(body);
    if (oauth.code) {
        return oauth;
    }
    return typeof body === "string" && body ? { message: body.slice(0, 300) } : {};
}
