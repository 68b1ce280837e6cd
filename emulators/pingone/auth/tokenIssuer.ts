import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import { z } from "zod";

export const AccessTokenClaimsSchema = z.object({
    iss: z.string(),
    sub: z.string(),
    aud: z.array(z.string()),
    env: z.string(),
    client_id: z.string(),
    iat: z.number(),
    exp: z.number(),
    jti: z.string(),
});
export type AccessTokenClaims = z.infer<typeof AccessTokenClaimsSchema>;

export type TokenCheck = { valid: true; claims: AccessTokenClaims } | { valid: false; reason: "malformed" | "expired" };

const HEADER = Buffer.from(JSON.stringify({ alg: "HS256", typ: "JWT", kid: "emulator" })).toString("base64url");

/** Issues and checks the worker app's access tokens: HS256 JWTs bound to one environment. */
export class TokenIssuer {
    constructor(
        private readonly signingKey: string,
        readonly lifetimeSeconds: number,
    ) {}

    issue(envId: string, clientId: string, issuer: string): string {
        const now = Date.now();
        const claims: AccessTokenClaims = {
            iss: issuer,
            sub: clientId,
            aud: ["https://api.pingone.com"],
            env: envId,
            client_id: clientId,
            iat: Math.floor(now / 1000),
            // Rounded up so a token is never valid for less than its advertised `expires_in`.
            exp: Math.ceil((now + this.lifetimeSeconds * 1000) / 1000),
            jti: randomUUID(),
        };
        const body = `${HEADER}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}`;
        return `${body}.${this.sign(body)}`;
    }

    check(token: string): TokenCheck {
        const [header, payload, signature, ...rest] = token.split(".");
        if (header === undefined || payload === undefined || signature === undefined || rest.length > 0) {
            return { valid: false, reason: "malformed" };
        }
        const expected = Buffer.from(this.sign(`${header}.${payload}`));
        const actual = Buffer.from(signature);
        if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
            return { valid: false, reason: "malformed" };
        }
        const claims = AccessTokenClaimsSchema.safeParse(safeJson(Buffer.from(payload, "base64url").toString("utf8")));
        if (!claims.success) {
            return { valid: false, reason: "malformed" };
        }
        if (Date.now() >= claims.data.exp * 1000) {
            return { valid: false, reason: "expired" };
        }
        return { valid: true, claims: claims.data };
    }

    private sign(body: string): string {
        return createHmac("sha256", this.signingKey).update(body).digest("base64url");
    }
}

function safeJson(text: string): unknown {
    try {
        return JSON.parse(text);
    } catch {
        return undefined;
    }
}
