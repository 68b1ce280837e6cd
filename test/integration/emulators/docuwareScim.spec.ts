import { strict as assert } from "node:assert";
import type { AxiosInstance } from "axios";
import { type DocuWareEmulator, startDocuWareEmulator } from "../../../emulators/docuware";
import {
    adminApi,
    bearerClient,
    createRegistration,
    enableProvisioning,
    http,
    type ProvisioningSetup,
    requestToken,
} from "../../helpers/docuwareTestClient";

const PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
const SCIM_ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";

function patchOf(...Operations: object[]) {
    return { schemas: [PATCH_OP], Operations };
}

describe("DocuWare emulator: SCIM service", () => {
    let emulator: DocuWareEmulator;
    let setup: ProvisioningSetup;
    let scim: AxiosInstance;

    before(async () => {
        emulator = await startDocuWareEmulator();
        setup = await enableProvisioning(emulator, "Ping");
        scim = setup.scim;
    });
    after(async () => emulator.close());

    describe("authorization", () => {
        it("answers 401 with a SCIM error without a token, to the admin and to another registration", async () => {
            const admin = await adminApi(emulator);
            const other = await createRegistration(admin, "Not selected");
            const tokens = [
                undefined,
                await requestToken(emulator, emulator.adminClientId, emulator.adminClientSecret),
                await requestToken(emulator, other.ClientId, other.ClientSecret),
            ];
            for (const token of tokens) {
                const headers = token ? { Authorization: `Bearer ${token}` } : {};
                const response = await http.get(`${setup.scimBaseUrl}/Users`, { headers });
                assert.equal(response.status, 401);
                assert.deepEqual(response.data.schemas, [SCIM_ERROR]);
                assert.equal(response.data.status, 401);
                assert.match(String(response.headers["content-type"]), /^application\/scim\+json/);
            }
        });

        it("answers 404 on an identity provider path other than the selected one", async () => {
            const okta = await scim.get(`${setup.scimBaseUrl.replace("/ping/", "/okta/")}/Users`);
            assert.equal(okta.status, 404);
            assert.equal(okta.data.status, 404);
        });

        it("answers 403 to the selected registration's token without the provisioning scope", async () => {
            const admin = await adminApi(emulator);
            await admin.put(`/AppRegistrations/${setup.registration.ClientId}`, {
                AllowedResources: ["Platform", "UserProvisioning"],
            });
            const { ClientId, ClientSecret } = setup.registration;
            const token = await requestToken(emulator, ClientId, ClientSecret, "docuware.platform");
            const response = await bearerClient(setup.scimBaseUrl, token).get("/Users");
            assert.equal(response.status, 403);
        });

        it("answers 401 while provisioning is disabled", async () => {
            await emulator.control.patch("/user-provisioning", { Enabled: false });
            try {
                const response = await scim.get("/Users");
                assert.equal(response.status, 401);
                assert.match(response.data.detail, /disabled/);
            } finally {
                await emulator.control.patch("/user-provisioning", { Enabled: true });
            }
        });

        it("keeps tokens issued before a secret rotation valid until they expire", async () => {
            const admin = await adminApi(emulator);
            const rotated = await admin.post(`/AppRegistrations/${setup.registration.ClientId}/Secret`);
            assert.equal((await scim.get("/Users")).status, 200);
            setup.registration.ClientSecret = rotated.data.ClientSecret;
        });

        it("serves the health endpoint without auth", async () => {
            const health = await http.get(`${setup.scimBaseUrl}/health`);
            assert.equal(health.status, 200);
            assert.equal(health.data, "Healthy");
            const unknown = await http.get(`${setup.scimBaseUrl.replace("/ping/", "/nope/")}/health`);
            assert.equal(unknown.status, 404);
            assert.deepEqual(unknown.data.schemas, [SCIM_ERROR]);
        });
    });

    describe("groups", () => {
        it("creates, filters, patches members (204) and deletes groups", async () => {
            const members: string[] = [];
            for (const userName of ["member-1", "member-2"]) {
                members.push((await scim.post("/Users", { userName })).data.id);
            }
            const created = await scim.post("/Groups", {
                schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"],
                displayName: "Engineering",
                members: [{ value: members[0] }],
            });
            assert.equal(created.status, 201);
            assert.equal(created.data.members[0].value, members[0]);
            assert.equal((await scim.post("/Groups", { displayName: "engineering" })).status, 409);

            const found = await scim.get("/Groups", { params: { filter: 'displayName eq "ENGINEERING"' } });
            assert.equal(found.data.totalResults, 1);
            const slim = await scim.get("/Groups", { params: { excludedAttributes: "members" } });
            assert.equal(slim.data.Resources[0].members, undefined);

            const patched = await scim.patch(
                `/Groups/${created.data.id}`,
                patchOf(
                    { op: "Add", path: "members", value: [{ value: members[1] }] },
                    { op: "remove", path: `members[value eq "${members[0]}"]` },
                ),
            );
            assert.equal(patched.status, 204);
            const read = await scim.get(`/Groups/${created.data.id}`);
            assert.deepEqual(
                read.data.members.map((m: { value: string }) => m.value),
                [members[1]],
            );

            const unknown = await scim.patch(
                `/Groups/${created.data.id}`,
                patchOf({ op: "add", path: "members", value: [{ value: "no-such-user" }] }),
            );
            assert.equal(unknown.status, 400);
            const renamed = await scim.put(`/Groups/${created.data.id}`, { displayName: "Eng", members: [] });
            assert.equal(renamed.data.displayName, "Eng");
            assert.equal((await scim.delete(`/Groups/${created.data.id}`)).status, 204);
            assert.equal((await scim.get(`/Groups/${created.data.id}`)).status, 404);
        });
    });

    describe("discovery", () => {
        it("serves Schemas, ResourceTypes and ServiceProviderConfig", async () => {
            const schemas = await scim.get("/Schemas");
            assert.equal(schemas.status, 200);
            const ids = schemas.data.Resources.map((s: { id: string }) => s.id);
            assert.ok(ids.includes("urn:ietf:params:scim:schemas:core:2.0:User"));
            assert.ok(ids.includes("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"));
            const user = await scim.get("/Schemas/urn:ietf:params:scim:schemas:core:2.0:User");
            assert.ok(user.data.attributes.some((a: { name: string }) => a.name === "userName"));
            const types = await scim.get("/ResourceTypes");
            assert.deepEqual(
                types.data.Resources.map((t: { id: string }) => t.id),
                ["User", "Group"],
            );
            const config = await scim.get("/ServiceProviderConfig");
            assert.equal(config.data.patch.supported, true);
            assert.equal(config.data.bulk.supported, false);
        });
    });
    describe("RFC 7643/7644 conformance", () => {
        const user = (userName: string) => ({
            schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
            userName,
            externalId: `ext-${userName}`,
            name: { givenName: "Given", familyName: userName },
            emails: [{ value: `${userName}@example.com`, type: "work", primary: true }],
        });

        it("declares the Group members sub-attribute type in /Schemas (RFC 7643 §8.7.1)", async () => {
            const group = (await scim.get("/Schemas/urn:ietf:params:scim:schemas:core:2.0:Group")).data;
            const members = group.attributes.find((a: { name: string }) => a.name === "members");
            const type = members.subAttributes.find((a: { name: string }) => a.name === "type");
            assert.deepEqual(type.canonicalValues, ["User", "Group"]);
        });

        it("never re-enables a disabled user on PATCH remove of active (RFC 7644 §3.5.2.2)", async () => {
            const created = (await scim.post("/Users", { ...user("disabled-user"), active: false })).data;
            assert.equal(created.active, false);
            const patched = await scim.patch(`/Users/${created.id}`, patchOf({ op: "remove", path: "active" }));
            assert.equal(patched.status, 200, JSON.stringify(patched.data));
            assert.equal(patched.data.active, false);
            assert.equal((await scim.get(`/Users/${created.id}`)).data.active, false);
        });

        it("honours the attributes query parameter (RFC 7644 §3.4.2.5), with sub-attributes and URNs", async () => {
            const created = (await scim.post("/Users", user("projected"))).data;
            const one = (await scim.get(`/Users/${created.id}`, { params: { attributes: "userName,name.givenName" } }))
                .data;
            assert.deepEqual(Object.keys(one).sort(), ["id", "name", "schemas", "userName"]);
            assert.deepEqual(one.name, { givenName: "Given" });
            const listed = (
                await scim.get("/Users", {
                    params: {
                        filter: 'userName eq "projected"',
                        attributes: "urn:ietf:params:scim:schemas:core:2.0:User:emails.value",
                    },
                })
            ).data;
            assert.deepEqual(listed.Resources[0].emails, [{ value: "projected@example.com" }]);
            assert.deepEqual(Object.keys(listed.Resources[0]).sort(), ["emails", "id", "schemas"]);
        });

        it("answers 501 with a SCIM error on endpoints it does not implement (RFC 7644 §3.12)", async () => {
            for (const [method, path] of [
                ["POST", "/.search"],
                ["POST", "/Users/.search"],
                ["POST", "/Bulk"],
                ["GET", "/Me"],
            ] as const) {
                const response = await scim.request({ method, url: path, data: method === "POST" ? {} : undefined });
                assert.equal(response.status, 501, `${method} ${path}`);
                assert.deepEqual(response.data.schemas, [SCIM_ERROR]);
                assert.equal(response.data.status, 501);
            }
        });
    });
});
