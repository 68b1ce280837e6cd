import { createHmac, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import type { EmulatorUrls } from "./emulatorUrls";
import type { AllowedResource } from "./stateSchemas";

/**
 * Scope (and audience) per allowed resource. `docuware.platform` is documented; the User Provisioning resource's
 * string is not public (reference §5.2), so this one is inferred.
 */
export const RESOURCE_SCOPES: Record<AllowedResource, string> = {
    Platform: "docuware.platform",
    UserProvisioning: "docuware.userprovisioning",
};

const AccessTokenClaimsSchema = z.object({
    iss: z.string(),
    sub: z.string(),
    client_id: z.string(),
    aud: z.array(z.string()),
    scope: z.array(z.string()),
    iat: z.number(),
    nbf: z.number(),
    exp: z.number(),
    jti: z.string(),
});
export type AccessTokenClaims = z.infer<typeof AccessTokenClaimsSchema>;

export type TokenCheck = { valid: true; claims: AccessTokenClaims } | { valid: false; reason: string };

/**
 * Issues and checks JWT-shaped bearer tokens. The real identity service signs with RS256 and publishes its keys;
 * the emulator signs with HS256 and a key that lives as long as the process, so tokens never survive a restart.
 */
export class AccessTokenIssuer {
    private readonly key = randomBytes(32);

    constructor(private readonly urls: EmulatorUrls) {}

    issue(clientId: string, scopes: readonly string[], lifetimeSeconds: number): string {
        const now = Date.now() / 1000;
        const claims: AccessTokenClaims = {
            iss: this.urls.identityServiceUrl,
            sub: clientId,
            client_id: clientId,
            aud: [...scopes],
            scope: [...scopes],
            iat: Math.floor(now),
            nbf: Math.floor(now),
            // Rounded up, so a token is good for at least the lifetime it announces in `expires_in`.
            exp: Math.ceil(now + lifetimeSeconds),
            jti: randomUUID(),
        };
        const header = encode({ alg: "HS256", typ: "at+jwt" });
        const payload = encode(claims);
        return `${header}.${payload}.${this.sign(`${header}.${payload}`)}`;
    }

    /** No clock skew is allowed: an expired token is rejected at once (ASP.NET would allow 5 minutes). */
    check(token: string): TokenCheck {
        const [header, payload, signature, ...rest] = token.split(".");
        if (!header || !payload || !signature || rest.length > 0) {
            return { valid: false, reason: "The access token is not a JWT." };
        }
        const expected = Buffer.from(this.sign(`${header}.${payload}`));
        const actual = Buffer.from(signature);
        if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
            return { valid: false, reason: "The access token signature is invalid." };
        }
        const claims = AccessTokenClaimsSchema.safeParse(decode(payload));
        if (!claims.success || claims.data.iss !== this.urls.identityServiceUrl) {
            return { valid: false, reason: "The access token was not issued by this identity service." };
        }
        if (Date.now() >= claims.data.exp * 1000) {
            const expiredAt = new Date(claims.data.exp * 1000).toISOString();
            return { valid: false, reason: `The access token expired at '${expiredAt}'.` };
        }
        return { valid: true, claims: claims.data };
    }

    private sign(content: string): string {
        return createHmac("sha256", this.key).update(content).digest("base64url");
    }
}

/** The token of an `Authorization: Bearer ...` header, if there is one. */
export function bearerToken(authorization: string | undefined): string | undefined {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
    return match?.[1];
}

function encode(value: unknown): string {
    return Buffer.from(JSON.stringify(value)).toString("base64url");
}

function decode(segment: string): unknown {
    try {
        return JSON.parse(Buffer.from(segment, "base64url").toString("utf8"));
    } catch {
        return undefined;
    }
}
