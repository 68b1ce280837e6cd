import { strict as assert } from "node:assert";
import type { AxiosInstance } from "axios";
import { type DocuWareEmulator, startDocuWareEmulator } from "../../../emulators/docuware";
import { adminApi, enableProvisioning, type ProvisioningSetup } from "../../helpers/docuwareTestClient";

const PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
const SCIM_ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";

function patchOf(...Operations: object[]) {
    return { schemas: [PATCH_OP], Operations };
}

function newUser(userName: string, externalId = `ext-${userName}`) {
    return {
        schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
        userName,
        externalId,
        name: { givenName: "Given", familyName: userName },
        emails: [{ value: `${userName}@example.com`, type: "work", primary: true }],
        active: true,
    };
}

describe("DocuWare emulator: SCIM users", () => {
    let emulator: DocuWareEmulator;
    let setup: ProvisioningSetup;
    let scim: AxiosInstance;

    before(async () => {
        emulator = await startDocuWareEmulator();
        setup = await enableProvisioning(emulator, "Ping");
        scim = setup.scim;
    });
    after(async () => emulator.close());

    let alice: { id: string };

    before(async () => {
        const created = await scim.post("/Users", newUser("alice"));
        assert.equal(created.status, 201, JSON.stringify(created.data));
        alice = created.data;
        for (const name of ["bob", "carol", "dave"]) {
            assert.equal((await scim.post("/Users", newUser(name))).status, 201);
        }
    });

    it("creates a user with 201, Location and meta, and rejects a duplicate userName with 409", async () => {
        const created = await scim.post("/Users", newUser("erin"));
        assert.equal(created.status, 201);
        assert.match(String(created.headers["content-type"]), /^application\/scim\+json/);
        assert.equal(created.headers.location, `${setup.scimBaseUrl}/Users/${created.data.id}`);
        assert.equal(created.data.meta.resourceType, "User");
        assert.equal(created.data.meta.location, created.headers.location);
        assert.ok(created.data.meta.created && created.data.meta.lastModified);
        const duplicate = await scim.post("/Users", newUser("ERIN", "other"));
        assert.equal(duplicate.status, 409);
        assert.equal(duplicate.data.scimType, "uniqueness");
    });

    it("reads a user and 404s an unknown id", async () => {
        const read = await scim.get(`/Users/${alice.id}`);
        assert.equal(read.status, 200);
        assert.equal(read.data.userName, "alice");
        assert.equal(read.data.externalId, "ext-alice");
        const missing = await scim.get("/Users/00000000-0000-0000-0000-000000000000");
        assert.equal(missing.status, 404);
        assert.deepEqual(missing.data.schemas, [SCIM_ERROR]);
    });

    it("filters with eq on userName and externalId, combined with and", async () => {
        const query = async (filter: string) => (await scim.get("/Users", { params: { filter } })).data;
        assert.deepEqual(
            (await query('username Eq "ALICE"')).Resources.map((u: { id: string }) => u.id),
            [alice.id],
        );
        assert.equal((await query('externalId eq "ext-bob"')).Resources[0].userName, "bob");
        assert.equal((await query('externalId eq "EXT-BOB"')).totalResults, 0);
        assert.equal((await query('userName eq "bob" and externalId eq "ext-bob"')).totalResults, 1);
        assert.equal((await query('userName eq "bob" and externalId eq "ext-alice"')).totalResults, 0);
    });

    it("rejects other filter operators and attributes with 400 invalidFilter", async () => {
        for (const filter of ['userName co "a"', 'userName eq "a" or userName eq "b"', 'title eq "x"', "userName eq"]) {
            const response = await scim.get("/Users", { params: { filter } });
            assert.equal(response.status, 400, filter);
            assert.equal(response.data.scimType, "invalidFilter");
            assert.equal(response.data.status, 400);
        }
    });

    it("lists only this IdP's users unless allDocuWareUsers=true", async () => {
        const own = await scim.get("/Users");
        assert.ok(own.data.Resources.every((u: { userName: string }) => u.userName !== "admin"));
        const all = await scim.get("/Users", { params: { allDocuWareUsers: true, filter: 'userName eq "admin"' } });
        assert.equal(all.data.totalResults, 1);
    });

    it("pages with startIndex and count", async () => {
        const all = (await scim.get("/Users")).data;
        const page = (await scim.get("/Users", { params: { startIndex: 2, count: 2 } })).data;
        assert.deepEqual(page.schemas, ["urn:ietf:params:scim:api:messages:2.0:ListResponse"]);
        assert.equal(page.totalResults, all.totalResults);
        assert.equal(page.startIndex, 2);
        assert.equal(page.itemsPerPage, 2);
        assert.deepEqual(
            page.Resources.map((u: { id: string }) => u.id),
            all.Resources.slice(1, 3).map((u: { id: string }) => u.id),
        );
        const none = (await scim.get("/Users", { params: { count: 0 } })).data;
        assert.equal(none.itemsPerPage, 0);
        assert.equal(none.totalResults, all.totalResults);
        assert.equal((await scim.get("/Users", { params: { count: "many" } })).status, 400);
    });

    it("replaces a user with PUT", async () => {
        const bob = (await scim.get("/Users", { params: { filter: 'userName eq "bob"' } })).data.Resources[0];
        const replaced = await scim.put(`/Users/${bob.id}`, { ...newUser("robert", "ext-bob"), title: "Engineer" });
        assert.equal(replaced.status, 200);
        assert.equal(replaced.data.userName, "robert");
        assert.equal(replaced.data.title, "Engineer");
        assert.equal(replaced.data.meta.created, bob.meta.created);
        assert.ok(replaced.data.meta.lastModified >= bob.meta.lastModified);
    });

    it("applies PATCH with and without a path, with value filters and Entra-style values", async () => {
        const carol = (await scim.get("/Users", { params: { filter: 'userName eq "carol"' } })).data.Resources[0];
        const patch = async (...operations: object[]) => scim.patch(`/Users/${carol.id}`, patchOf(...operations));

        const withPath = await patch({ op: "replace", path: "active", value: false });
        assert.equal(withPath.status, 200);
        assert.equal(withPath.data.active, false);
        assert.equal((await patch({ op: "replace", value: { active: true } })).data.active, true);
        assert.equal((await patch({ op: "Replace", path: "active", value: "False" })).data.active, false);

        const email = await patch({ op: "replace", path: 'emails[type eq "work"].value', value: "c@new.example" });
        assert.deepEqual(email.data.emails, [{ value: "c@new.example", type: "work", primary: true }]);
        const removed = await patch(
            { op: "remove", path: "name.givenName" },
            { op: "add", path: "title", value: "Boss" },
        );
        assert.equal(removed.data.name.givenName, undefined);
        assert.equal(removed.data.title, "Boss");

        const invalid = await patch({ op: "move", path: "active", value: true });
        assert.equal(invalid.status, 400);
        assert.equal(invalid.data.scimType, "invalidSyntax");
        const noSchema = await scim.patch(`/Users/${carol.id}`, {
            Operations: [{ op: "replace", path: "active" }],
        });
        assert.equal(noSchema.status, 400);
    });

    it("deletes a user with 204", async () => {
        const dave = (await scim.get("/Users", { params: { filter: 'userName eq "dave"' } })).data.Resources[0];
        assert.equal((await scim.delete(`/Users/${dave.id}`)).status, 204);
        assert.equal((await scim.get(`/Users/${dave.id}`)).status, 404);
    });

    it("shows provisioned users in the Platform users view with their external identity", async () => {
        await scim.patch(`/Users/${alice.id}`, patchOf({ op: "replace", path: "active", value: false }));
        const users = (await (await adminApi(emulator)).get("/Users")).data.User;
        const platformAlice = users.find((u: { Id: string }) => u.Id === alice.id);
        assert.equal(platformAlice.Name, "alice");
        assert.equal(platformAlice.EMail, "alice@example.com");
        assert.equal(platformAlice.FirstName, "Given");
        assert.equal(platformAlice.LastName, "alice");
        assert.equal(platformAlice.Active, false);
        assert.equal(platformAlice.ExternalIdp, "ping");
        assert.equal(platformAlice.ExternalIdpUserId, "ext-alice");
    });

    it("accepts application/json, rejects other media types, requests without Content-Type and malformed JSON", async () => {
        const json = await scim.post("/Users", newUser("frank"), {
            headers: { "Content-Type": "application/json" },
        });
        assert.equal(json.status, 201);
        const formBody = await scim.post("/Users", "userName=x", {
            headers: { "Content-Type": "application/x-www-form-urlencoded" },
        });
        assert.equal(formBody.status, 415);
        assert.deepEqual(formBody.data.schemas, [SCIM_ERROR]);
        const text = await scim.post("/Users", "hello", { headers: { "Content-Type": "text/plain" } });
        assert.equal(text.status, 415);
        const malformed = await scim.post("/Users", '{"userName":', { transformRequest: [(body: string) => body] });
        assert.equal(malformed.status, 400);
        assert.equal(malformed.data.scimType, "invalidSyntax");
        const withoutType = await scim.get("/Users", { headers: { "Content-Type": null } });
        assert.equal(withoutType.status, 415, "a GET without Content-Type is refused too (inferred)");
        assert.deepEqual(withoutType.data.schemas, [SCIM_ERROR]);
        assert.match(withoutType.data.detail, /application\/scim\+json/);
        assert.equal((await scim.get("/Users")).status, 200, "the same GET with application/scim+json passes");
        const missing = await scim.post("/Users", { name: { givenName: "No user name" } });
        assert.equal(missing.status, 400);
        assert.match(missing.data.detail, /userName/);
    });
});
