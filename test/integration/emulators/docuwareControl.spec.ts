import { strict as assert } from "node:assert";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AxiosInstance } from "axios";
import { type DocuWareEmulator, startDocuWareEmulator } from "../../../emulators/docuware";
import {
    adminApi,
    bearerClient,
    enableProvisioning,
    http,
    type ProvisioningSetup,
    requestToken,
    tokenEndpoint,
} from "../../helpers/docuwareTestClient";

interface ControlState {
    AppRegistrations: Array<{ ClientId: string; Name: string; SecretRotatedAt: string | null; ModifiedAt: string }>;
    UserProvisioning: { Enabled: boolean; AppRegistrationId: string | null };
    Users: Array<{ Id: string; Name: string; Active: boolean; ExternalIdp: string | null; LastModified: string }>;
}

function tokenForm(clientId: string, clientSecret: string): string {
    return new URLSearchParams({
        grant_type: "client_credentials",
        client_id: clientId,
        client_secret: clientSecret,
    }).toString();
}

describe("DocuWare emulator: control API", () => {
    let emulator: DocuWareEmulator;
    let setup: ProvisioningSetup;
    let admin: AxiosInstance;

    beforeEach(async () => {
        emulator = await startDocuWareEmulator();
        setup = await enableProvisioning(emulator);
        admin = await adminApi(emulator);
    });
    afterEach(async () => emulator.close());

    it("reports the state without any secret", async () => {
        await setup.scim.post("/Users", { userName: "state-user", externalId: "p-1" });
        const state = await emulator.control.get<ControlState>("/state");
        const text = JSON.stringify(state);
        assert.ok(!text.includes(setup.registration.ClientSecret));
        assert.ok(!text.includes(emulator.adminClientSecret));
        assert.ok(!/"ClientSecret"|Hash"/i.test(text));
        assert.equal(state.AppRegistrations[0]?.ClientId, setup.registration.ClientId);
        assert.equal(state.UserProvisioning.Enabled, true);
        const user = state.Users.find((u) => u.Name === "state-user");
        assert.equal(user?.ExternalIdp, "ping");
    });

    it("rotates a secret out of band", async () => {
        const { ClientId, ClientSecret } = setup.registration;
        const rotated = await emulator.control.post<{ ClientSecret: string }>(
            `/app-registrations/${ClientId}/rotate-secret`,
        );
        const old = await http.post(tokenEndpoint(emulator), tokenForm(ClientId, ClientSecret));
        assert.equal(old.status, 401);
        assert.ok(await requestToken(emulator, ClientId, rotated.ClientSecret));
        const state = await emulator.control.get<ControlState>("/state");
        assert.ok(state.AppRegistrations[0]?.SecretRotatedAt);
    });

    it("renames a registration out of band and stamps ModifiedAt", async () => {
        const before = await emulator.control.get<ControlState>("/state");
        const renamed = await emulator.control.patch<{ Name: string; ModifiedAt: string }>(
            `/app-registrations/${setup.registration.ClientId}`,
            { Name: "Renamed in the console" },
        );
        assert.equal(renamed.Name, "Renamed in the console");
        assert.ok(renamed.ModifiedAt > (before.AppRegistrations[0]?.ModifiedAt ?? ""));
        const read = await admin.get(`/AppRegistrations/${setup.registration.ClientId}`);
        assert.equal(read.data.Name, "Renamed in the console");
    });

    it("deletes a selected registration only with force, leaving provisioning without one", async () => {
        const path = `/app-registrations/${setup.registration.ClientId}`;
        await assert.rejects(emulator.control.delete(path), /409/);
        await emulator.control.delete(`${path}?force=true`);
        const settings = await admin.get("/UserProvisioning");
        assert.equal(settings.data.AppRegistrationId, null);
        assert.equal((await setup.scim.get("/Users")).status, 401);
    });

    it("disables provisioning out of band", async () => {
        await emulator.control.patch("/user-provisioning", { Enabled: false });
        assert.equal((await admin.get("/UserProvisioning")).data.Enabled, false);
        assert.equal((await setup.scim.get("/Users")).status, 401);
    });

    it("edits and deletes users out of band", async () => {
        const created = await setup.scim.post("/Users", { userName: "edited", externalId: "p-2" });
        const edited = await emulator.control.patch<{ Active: boolean; EMail: string; LastModified: string }>(
            `/users/${created.data.id}`,
            { Active: false, EMail: "edited@example.com" },
        );
        assert.equal(edited.Active, false);
        assert.equal(edited.EMail, "edited@example.com");
        const scimView = await setup.scim.get(`/Users/${created.data.id}`);
        assert.equal(scimView.data.active, false);
        assert.ok(scimView.data.meta.lastModified > created.data.meta.lastModified);
        await emulator.control.delete(`/users/${created.data.id}`);
        assert.equal((await setup.scim.get(`/Users/${created.data.id}`)).status, 404);
    });

    describe("faults and limits", () => {
        it("injects a status with Retry-After and each surface's own error body", async () => {
            await emulator.control.addFault({
                route: "*",
                kind: "status",
                status: 503,
                retryAfterSeconds: 7,
                times: 3,
            });
            const oauth = await http.post(tokenEndpoint(emulator), tokenForm(emulator.adminClientId, "x"));
            assert.equal(oauth.status, 503);
            assert.equal(oauth.headers["retry-after"], "7");
            assert.equal(oauth.data.error, "temporarily_unavailable");
            const platform = await admin.get("/AppRegistrations");
            assert.equal(platform.status, 503);
            assert.equal(platform.data.StatusCode, 503);
            const scim = await setup.scim.get("/Users");
            assert.equal(scim.status, 503);
            assert.equal(scim.data.status, 503);
            assert.equal((await admin.get("/AppRegistrations")).status, 200);
        });

        it("resets the connection, and drops a response after committing the change", async () => {
            const route = "POST /DocuWare/Platform/Organizations/:organizationId/AppRegistrations";
            const body = { Name: "Dropped", ApplicationType: "Service", GrantTypes: ["ClientCredentials"] };
            await emulator.control.addFault({ route, kind: "reset" });
            await assert.rejects(admin.post("/AppRegistrations", body), /socket hang up|ECONNRESET/);
            await emulator.control.addFault({ route, kind: "drop-response" });
            await assert.rejects(admin.post("/AppRegistrations", body), /socket hang up|ECONNRESET/);
            const names = (await admin.get("/AppRegistrations")).data.AppRegistration.map(
                (r: { Name: string }) => r.Name,
            );
            assert.deepEqual(
                names.filter((n: string) => n === "Dropped"),
                ["Dropped"],
            );
        });

        it("delays a route by the injected latency", async () => {
            await emulator.control.addFault({
                route: "GET /DocuWare/Platform/Organizations/:organizationId/UserProvisioning",
                kind: "latency",
                latencyMs: 300,
            });
            const started = Date.now();
            assert.equal((await admin.get("/UserProvisioning")).status, 200);
            assert.ok(Date.now() - started >= 290);
        });

        it("rate limits with 429 and Retry-After", async () => {
            await emulator.control.setRateLimit({ requestsPerSecond: 1, burst: 1 });
            const responses = [await setup.scim.get("/Users"), await setup.scim.get("/Users")];
            await emulator.control.setRateLimit(undefined);
            const limited = responses.find((r) => r.status === 429);
            assert.ok(limited);
            assert.ok(Number(limited.headers["retry-after"]) >= 1);
            assert.equal(limited.data.status, 429);
        });

        it("counts requests on both listeners", async () => {
            await emulator.control.resetRequests();
            await requestToken(emulator, emulator.adminClientId, emulator.adminClientSecret);
            await admin.get("/UserProvisioning");
            const summary = await emulator.control.requests();
            assert.equal(summary.total, 2);
            assert.equal(summary.byRoute["POST /:organizationId/connect/token"], 1);
        });
    });

    describe("bad requests", () => {
        it("answers malformed JSON and unknown routes in each surface's body shape", async () => {
            const malformed = await admin.post("/AppRegistrations", "{oops", {
                headers: { "Content-Type": "application/json" },
                transformRequest: [(body: string) => body],
            });
            assert.equal(malformed.status, 400);
            assert.equal(malformed.data.StatusCode, 400);
            const notObject = await admin.put("/UserProvisioning", [1, 2]);
            assert.equal(notObject.status, 400);

            const platform = await http.get(`${emulator.baseUrl}/DocuWare/Platform/Nothing`);
            assert.equal(platform.status, 404);
            assert.equal(platform.data.Status, "Not Found");
            const scim = await setup.scim.get("/Nothing");
            assert.equal(scim.status, 404);
            assert.deepEqual(scim.data.schemas, ["urn:ietf:params:scim:api:messages:2.0:Error"]);
            const identity = await http.get(`${emulator.identityServiceUrl}/nothing`);
            assert.equal(identity.status, 404);
            assert.equal(identity.data.error, "invalid_request");

            const hugeId = await admin.get(`/AppRegistrations/${"f".repeat(5000)}`);
            assert.equal(hugeId.status, 404);
            assert.equal(hugeId.data.StatusCode, 404);
            const badEncoding = await http.get(`${emulator.baseUrl}/DocuWare/Platform/Organizations/%E0%A4%A`);
            assert.equal(badEncoding.status, 400);
            assert.equal(badEncoding.data.StatusCode, 400);
        });
    });
});

describe("DocuWare emulator: state file", () => {
    it("survives a restart with the same ids, registrations and users, storing hashes only", async () => {
        const directory = mkdtempSync(join(tmpdir(), "docuware-state-"));
        const stateFile = join(directory, "state.json");
        try {
            const first = await startDocuWareEmulator({ stateFile });
            const { registration, scim } = await enableProvisioning(first);
            const user = (await scim.post("/Users", { userName: "persisted", externalId: "p-9" })).data;
            await first.close();

            const text = readFileSync(stateFile, "utf8");
            assert.ok(!text.includes(registration.ClientSecret));
            assert.ok(!text.includes(first.adminClientSecret));
            assert.ok(text.includes(createHash("sha256").update(registration.ClientSecret).digest("hex")));

            const second = await startDocuWareEmulator({ stateFile });
            try {
                assert.equal(second.organizationId, first.organizationId);
                assert.equal(second.adminClientId, first.adminClientId);
                const token = await requestToken(second, registration.ClientId, registration.ClientSecret);
                const settings = (await (await adminApi(second)).get("/UserProvisioning")).data;
                assert.ok(settings.ScimBaseUrl.startsWith(second.baseUrl));
                const read = await bearerClient(settings.ScimBaseUrl, token).get(`/Users/${user.id}`, {
                    headers: { "Content-Type": "application/scim+json" },
                });
                assert.equal(read.status, 200);
                assert.equal(read.data.userName, "persisted");
            } finally {
                await second.close();
            }
        } finally {
            rmSync(directory, { recursive: true, force: true });
        }
    });
});
