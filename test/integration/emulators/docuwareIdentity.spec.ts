import { strict as assert } from "node:assert";
import { type DocuWareEmulator, startDocuWareEmulator } from "../../../emulators/docuware";
import {
    adminApi,
    bearerClient,
    enableProvisioning,
    http,
    requestToken,
    tokenEndpoint,
} from "../../helpers/docuwareTestClient";

const FORM = { "Content-Type": "application/x-www-form-urlencoded" };

function form(fields: Record<string, string>): string {
    return new URLSearchParams(fields).toString();
}

function jwtPayload(token: string): Record<string, unknown> {
    const [, payload] = token.split(".");
    return JSON.parse(Buffer.from(payload ?? "", "base64url").toString("utf8")) as Record<string, unknown>;
}

describe("DocuWare emulator: discovery and identity service", () => {
    let emulator: DocuWareEmulator;

    before(async () => {
        emulator = await startDocuWareEmulator({ adminClientId: "admin-client", adminClientSecret: "admin-secret" });
    });
    after(async () => emulator.close());

    it("follows the discovery chain from the Platform to the token endpoint", async () => {
        const platform = await http.get(`${emulator.baseUrl}/DocuWare/Platform`);
        assert.equal(platform.status, 200);
        const infoLink = platform.data.Links.find((l: { rel: string }) => l.rel === "identityServiceInfo");
        const info = await http.get(`${emulator.baseUrl}${infoLink.href}`);
        assert.deepEqual(info.data, { IdentityServiceUrl: emulator.identityServiceUrl, RefreshTokenSupported: true });
        assert.notEqual(new URL(emulator.identityServiceUrl).port, new URL(emulator.baseUrl).port);
        assert.equal(new URL(emulator.identityServiceUrl).pathname, `/${emulator.organizationId}`);

        const discovery = await http.get(`${info.data.IdentityServiceUrl}/.well-known/openid-configuration`);
        assert.equal(discovery.status, 200);
        assert.equal(discovery.data.issuer, emulator.identityServiceUrl);
        assert.equal(discovery.data.token_endpoint, `${emulator.identityServiceUrl}/connect/token`);
        assert.ok(discovery.data.authorization_endpoint.startsWith(emulator.identityServiceUrl));
        assert.ok(discovery.data.grant_types_supported.includes("client_credentials"));
    });

    it("issues a JWT for credentials in the form body", async () => {
        const response = await http.post(
            tokenEndpoint(emulator),
            form({ grant_type: "client_credentials", client_id: "admin-client", client_secret: "admin-secret" }),
            { headers: FORM },
        );
        assert.equal(response.status, 200);
        assert.equal(response.data.token_type, "Bearer");
        assert.equal(response.data.expires_in, 3600);
        assert.equal(response.data.scope, "docuware.platform");
        assert.equal(response.headers["cache-control"], "no-store");
        const claims = jwtPayload(response.data.access_token);
        assert.equal(claims.iss, emulator.identityServiceUrl);
        assert.equal(claims.client_id, "admin-client");
        assert.equal(claims.sub, "admin-client");
        assert.deepEqual(claims.scope, ["docuware.platform"]);
        assert.ok(typeof claims.jti === "string");
        assert.ok((claims.exp as number) - (claims.iat as number) >= 3600);
    });

    it("issues a token for HTTP Basic client authentication", async () => {
        const response = await http.post(tokenEndpoint(emulator), form({ grant_type: "client_credentials" }), {
            headers: FORM,
            auth: { username: "admin-client", password: "admin-secret" },
        });
        assert.equal(response.status, 200);
        assert.equal(response.data.token_type, "Bearer");
    });

    it("answers a wrong secret or an unknown client with 401 invalid_client", async () => {
        const body = await http.post(
            tokenEndpoint(emulator),
            form({ grant_type: "client_credentials", client_id: "admin-client", client_secret: "wrong" }),
            { headers: FORM },
        );
        assert.equal(body.status, 401);
        assert.equal(body.data.error, "invalid_client");
        assert.equal(typeof body.data.error_description, "string");

        const basic = await http.post(tokenEndpoint(emulator), form({ grant_type: "client_credentials" }), {
            headers: FORM,
            auth: { username: "nobody", password: "admin-secret" },
        });
        assert.equal(basic.status, 401);
        assert.equal(basic.data.error, "invalid_client");
        assert.match(String(basic.headers["www-authenticate"]), /^Basic/);

        const missing = await http.post(tokenEndpoint(emulator), form({ grant_type: "client_credentials" }), {
            headers: FORM,
        });
        assert.equal(missing.status, 401);
        assert.equal(missing.data.error, "invalid_client");
    });

    it("answers bad token requests with OAuth 400 errors", async () => {
        const credentials = { client_id: "admin-client", client_secret: "admin-secret" };
        const cases: Array<[Record<string, string>, string]> = [
            [{ ...credentials, grant_type: "password" }, "unsupported_grant_type"],
            [credentials, "invalid_request"],
            [{ ...credentials, grant_type: "client_credentials", scope: "docuware.userprovisioning" }, "invalid_scope"],
        ];
        for (const [fields, error] of cases) {
            const response = await http.post(tokenEndpoint(emulator), form(fields), { headers: FORM });
            assert.equal(response.status, 400, error);
            assert.equal(response.data.error, error);
        }
        const json = await http.post(tokenEndpoint(emulator), { grant_type: "client_credentials", ...credentials });
        assert.equal(json.status, 400);
        assert.equal(json.data.error, "invalid_request");
    });

    it("scopes a registration's token to its allowed resources when no scope is sent", async () => {
        const admin = await adminApi(emulator);
        const created = await admin.post("/AppRegistrations", {
            Name: "Both resources",
            ApplicationType: "Service",
            GrantTypes: ["ClientCredentials"],
            AllowedResources: ["Platform", "UserProvisioning"],
        });
        const all = jwtPayload(await requestToken(emulator, created.data.ClientId, created.data.ClientSecret));
        assert.deepEqual(all.scope, ["docuware.platform", "docuware.userprovisioning"]);
        const one = await requestToken(emulator, created.data.ClientId, created.data.ClientSecret, "docuware.platform");
        assert.deepEqual(jwtPayload(one).scope, ["docuware.platform"]);
    });

    it("refuses the client-credentials grant to a registration that does not allow it", async () => {
        const admin = await adminApi(emulator);
        const created = await admin.post("/AppRegistrations", {
            Name: "Web only",
            ApplicationType: "Web",
            GrantTypes: ["AuthorizationCode"],
            RedirectUrls: ["https://app.example/callback"],
        });
        const response = await http.post(
            tokenEndpoint(emulator),
            form({
                grant_type: "client_credentials",
                client_id: created.data.ClientId,
                client_secret: created.data.ClientSecret,
            }),
            { headers: FORM },
        );
        assert.equal(response.status, 400);
        assert.equal(response.data.error, "unauthorized_client");
    });

    it("answers another organization's identity path with 404 and an OAuth body", async () => {
        const root = new URL(emulator.identityServiceUrl).origin;
        const response = await http.get(
            `${root}/00000000-0000-0000-0000-000000000000/.well-known/openid-configuration`,
        );
        assert.equal(response.status, 404);
        assert.equal(response.data.error, "invalid_request");
    });
});

describe("DocuWare emulator: token expiry", () => {
    it("rejects expired tokens with 401 on the Platform and the SCIM service", async () => {
        const emulator = await startDocuWareEmulator({ tokenLifetimeSeconds: 1 });
        try {
            const { scim } = await enableProvisioning(emulator);
            const adminToken = await requestToken(emulator, emulator.adminClientId, emulator.adminClientSecret);
            const platform = bearerClient(`${emulator.baseUrl}/DocuWare/Platform`, adminToken);
            assert.equal((await platform.get("/Organizations")).status, 200);
            assert.equal((await scim.get("/Users")).status, 200);

            await new Promise((resolve) => setTimeout(resolve, 2100));

            const expiredPlatform = await platform.get("/Organizations");
            assert.equal(expiredPlatform.status, 401);
            assert.match(expiredPlatform.data.Message, /expired/);
            assert.match(String(expiredPlatform.headers["www-authenticate"]), /invalid_token/);
            const expiredScim = await scim.get("/Users");
            assert.equal(expiredScim.status, 401);
            assert.match(expiredScim.data.detail, /expired/);
        } finally {
            await emulator.close();
        }
    });
});
