import { strict as assert } from "node:assert";
import type { AxiosInstance } from "axios";
import { type DocuWareEmulator, startDocuWareEmulator } from "../../../emulators/docuware";
import {
    adminApi,
    bearerClient,
    createRegistration,
    http,
    requestToken,
    tokenEndpoint,
} from "../../helpers/docuwareTestClient";

describe("DocuWare emulator: management API", () => {
    let emulator: DocuWareEmulator;
    let admin: AxiosInstance;

    before(async () => {
        emulator = await startDocuWareEmulator();
        admin = await adminApi(emulator);
    });
    after(async () => emulator.close());

    describe("authorization", () => {
        it("answers 401 with a Platform Error without a valid token", async () => {
            const url = `${emulator.baseUrl}/DocuWare/Platform/Organizations`;
            for (const headers of [{}, { Authorization: "Bearer not-a-jwt" }]) {
                const response = await http.get(url, { headers });
                assert.equal(response.status, 401);
                assert.deepEqual(Object.keys(response.data).sort(), [
                    "Message",
                    "Method",
                    "Status",
                    "StatusCode",
                    "Uri",
                ]);
                assert.equal(response.data.StatusCode, 401);
                assert.equal(response.data.Status, "Unauthorized");
                assert.equal(response.data.Method, "GET");
                assert.equal(response.data.Uri, url);
                assert.match(String(response.headers["www-authenticate"]), /^Bearer/);
            }
        });

        it("answers 403 to a valid token that is not the Organization Administrator's", async () => {
            const registration = await createRegistration(admin, "Platform reader", { AllowedResources: ["Platform"] });
            const token = await requestToken(emulator, registration.ClientId, registration.ClientSecret);
            const response = await bearerClient(emulator.baseUrl, token).get("/DocuWare/Platform/Organizations");
            assert.equal(response.status, 403);
            assert.equal(response.data.StatusCode, 403);
        });
    });

    it("lists the organization and 404s another organization id", async () => {
        const token = await requestToken(emulator, emulator.adminClientId, emulator.adminClientSecret);
        const platform = bearerClient(`${emulator.baseUrl}/DocuWare/Platform`, token);
        const list = await platform.get("/Organizations");
        assert.equal(list.status, 200);
        assert.equal(list.data.Organization.length, 1);
        assert.equal(list.data.Organization[0].Id, emulator.organizationId);
        assert.equal(list.data.Organization[0].Name, "Peters Engineering");
        const self = await admin.get("");
        assert.equal(self.status, 200);
        assert.ok(self.data.Links.some((l: { rel: string }) => l.rel === "users"));
        const other = await platform.get("/Organizations/00000000-0000-0000-0000-000000000000/AppRegistrations");
        assert.equal(other.status, 404);
        assert.equal(other.data.StatusCode, 404);
        assert.match(other.data.Message, /Organization/);
    });

    describe("app registrations", () => {
        it("shows the secret only in the create response", async () => {
            const created = await admin.post("/AppRegistrations", {
                Name: "Provisioning app",
                ApplicationType: "Service",
                GrantTypes: ["ClientCredentials"],
                AllowedResources: ["UserProvisioning"],
            });
            assert.equal(created.status, 201);
            assert.match(created.data.ClientId, /^[0-9a-f-]{36}$/);
            assert.equal(typeof created.data.ClientSecret, "string");
            assert.equal(created.data.AccessTokenLifetimeSeconds, 3600);
            assert.deepEqual(created.data.RedirectUrls, []);
            assert.ok(created.data.CreatedAt);
            assert.ok(String(created.headers.location).endsWith(`/AppRegistrations/${created.data.ClientId}`));

            const read = await admin.get(`/AppRegistrations/${created.data.ClientId}`);
            assert.equal(read.status, 200);
            assert.equal(read.data.ClientSecret, undefined);
            assert.equal(read.data.Name, "Provisioning app");
            const list = await admin.get("/AppRegistrations");
            assert.ok(list.data.AppRegistration.every((r: object) => !("ClientSecret" in r)));
        });

        it("rejects invalid registrations with 400 naming the field, and duplicate names with 409", async () => {
            const cases: Array<[object, string]> = [
                [{ ApplicationType: "Service", GrantTypes: ["ClientCredentials"] }, "Name"],
                [{ Name: "x", ApplicationType: "Daemon", GrantTypes: ["ClientCredentials"] }, "ApplicationType"],
                [{ Name: "x", ApplicationType: "Web", GrantTypes: ["AuthorizationCode"] }, "RedirectUrls"],
                [{ Name: "x", ApplicationType: "Native", GrantTypes: ["ClientCredentials"] }, "GrantTypes"],
                [
                    {
                        Name: "x",
                        ApplicationType: "Service",
                        GrantTypes: ["ClientCredentials"],
                        AllowedResources: ["Files"],
                    },
                    "AllowedResources",
                ],
            ];
            for (const [body, field] of cases) {
                const response = await admin.post("/AppRegistrations", body);
                assert.equal(response.status, 400, field);
                assert.match(response.data.Message, new RegExp(field));
            }
            await createRegistration(admin, "Unique name");
            const duplicate = await admin.post("/AppRegistrations", {
                Name: "UNIQUE NAME",
                ApplicationType: "Service",
                GrantTypes: ["ClientCredentials"],
            });
            assert.equal(duplicate.status, 409);
        });

        it("rotates the secret: the old one stops issuing tokens, the new one works", async () => {
            const registration = await createRegistration(admin, "Rotated");
            const rotated = await admin.post(`/AppRegistrations/${registration.ClientId}/Secret`);
            assert.equal(rotated.status, 200);
            assert.notEqual(rotated.data.ClientSecret, registration.ClientSecret);
            const old = await http.post(
                tokenEndpoint(emulator),
                new URLSearchParams({
                    grant_type: "client_credentials",
                    client_id: registration.ClientId,
                    client_secret: registration.ClientSecret,
                }).toString(),
                { headers: { "Content-Type": "application/x-www-form-urlencoded" } },
            );
            assert.equal(old.status, 401);
            assert.ok(await requestToken(emulator, registration.ClientId, rotated.data.ClientSecret));
        });

        it("updates name, resources and lifetime with PUT, but not the application type", async () => {
            const registration = await createRegistration(admin, "Before rename");
            const updated = await admin.put(`/AppRegistrations/${registration.ClientId}`, {
                Name: "After rename",
                AllowedResources: ["Platform", "UserProvisioning"],
                AccessTokenLifetimeSeconds: 600,
            });
            assert.equal(updated.status, 200);
            assert.equal(updated.data.Name, "After rename");
            assert.deepEqual(updated.data.AllowedResources, ["Platform", "UserProvisioning"]);
            assert.equal(updated.data.AccessTokenLifetimeSeconds, 600);
            assert.equal(updated.data.ClientSecret, undefined);
            const token = await http.post(
                tokenEndpoint(emulator),
                new URLSearchParams({
                    grant_type: "client_credentials",
                    client_id: registration.ClientId,
                    client_secret: registration.ClientSecret,
                }).toString(),
            );
            assert.equal(token.data.expires_in, 600);
            const retype = await admin.put(`/AppRegistrations/${registration.ClientId}`, { ApplicationType: "Web" });
            assert.equal(retype.status, 400);
            assert.match(retype.data.Message, /ApplicationType/);
        });

        it("deletes a registration with 204, but answers 409 while User Provisioning selects it", async () => {
            const spare = await createRegistration(admin, "Spare");
            assert.equal((await admin.delete(`/AppRegistrations/${spare.ClientId}`)).status, 204);
            assert.equal((await admin.get(`/AppRegistrations/${spare.ClientId}`)).status, 404);

            const selected = await createRegistration(admin, "Selected");
            await admin.put("/UserProvisioning", { AppRegistrationId: selected.ClientId });
            const refused = await admin.delete(`/AppRegistrations/${selected.ClientId}`);
            assert.equal(refused.status, 409);
            assert.equal(refused.data.StatusCode, 409);
            const narrowed = await admin.put(`/AppRegistrations/${selected.ClientId}`, {
                AllowedResources: ["Platform"],
            });
            assert.equal(narrowed.status, 409);
            await admin.put("/UserProvisioning", { AppRegistrationId: null });
            assert.equal((await admin.delete(`/AppRegistrations/${selected.ClientId}`)).status, 204);
        });
    });

    describe("user provisioning settings", () => {
        it("starts disabled, with the token endpoint of the identity service", async () => {
            const fresh = await startDocuWareEmulator();
            try {
                const settings = await (await adminApi(fresh)).get("/UserProvisioning");
                assert.equal(settings.status, 200);
                assert.equal(settings.data.Enabled, false);
                assert.equal(settings.data.IdentityProvider, null);
                assert.equal(settings.data.AppRegistrationId, null);
                assert.equal(settings.data.ScimBaseUrl, null);
                assert.equal(settings.data.TokenEndpoint, `${fresh.identityServiceUrl}/connect/token`);
            } finally {
                await fresh.close();
            }
        });

        it("rejects inconsistent settings with 400 naming the field", async () => {
            const plain = await createRegistration(admin, "No provisioning resource", {
                AllowedResources: ["Platform"],
            });
            const cases: Array<[object, string]> = [
                [{ IdentityProvider: "Keycloak" }, "IdentityProvider"],
                [{ IdentityProvider: "Generic", GenericIdentifier: null }, "GenericIdentifier"],
                [{ IdentityProvider: "Generic", GenericIdentifier: "Not Valid!" }, "GenericIdentifier"],
                [{ AppRegistrationId: "00000000-0000-0000-0000-000000000000" }, "AppRegistrationId"],
                [{ Enabled: true, IdentityProvider: "Ping", AppRegistrationId: null }, "AppRegistrationId"],
                [{ AppRegistrationId: plain.ClientId }, "UserProvisioning"],
            ];
            for (const [body, field] of cases) {
                const response = await admin.put("/UserProvisioning", body);
                assert.equal(response.status, 400, JSON.stringify(body));
                assert.match(response.data.Message, new RegExp(field));
            }
        });

        const slugs: Array<[string, string | undefined, string]> = [
            ["Azure", undefined, "azure"],
            ["Okta", undefined, "okta"],
            ["Ping", undefined, "ping"],
            ["OnPremise", undefined, "onpremise"],
            ["Generic", "acme-idp", "generic-acme-idp"],
        ];
        for (const [identityProvider, genericIdentifier, slug] of slugs) {
            it(`computes the SCIM base URL for ${identityProvider} and ignores read-only fields`, async () => {
                const registration = await createRegistration(admin, `For ${identityProvider}`);
                const response = await admin.put("/UserProvisioning", {
                    Enabled: true,
                    IdentityProvider: identityProvider,
                    GenericIdentifier: genericIdentifier,
                    AppRegistrationId: registration.ClientId,
                    ScimBaseUrl: "https://ignored.example",
                    TokenEndpoint: "https://ignored.example/token",
                });
                assert.equal(response.status, 200, JSON.stringify(response.data));
                assert.equal(
                    response.data.ScimBaseUrl,
                    `${emulator.baseUrl}/DocuWare/Services/UserProvisioningService/${slug}/scim`,
                );
                assert.equal(response.data.TokenEndpoint, `${emulator.identityServiceUrl}/connect/token`);
                assert.equal(response.data.GenericIdentifier, genericIdentifier ?? null);
                assert.deepEqual((await admin.get("/UserProvisioning")).data, response.data);
                await admin.put("/UserProvisioning", { Enabled: false, AppRegistrationId: null });
            });
        }
    });

    it("shows the seeded local users in the Platform users view", async () => {
        const users = await admin.get("/Users");
        assert.equal(users.status, 200);
        const local = users.data.User.find((u: { Name: string }) => u.Name === "admin");
        assert.ok(local);
        assert.equal(local.Active, true);
        assert.equal(local.ExternalIdp, null);
        assert.equal(local.ExternalIdpUserId, null);
        assert.match(local.EMail, /^admin@/);
    });
});
