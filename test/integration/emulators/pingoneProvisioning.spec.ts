import assert from "node:assert/strict";
import {
    configureOutboundRule,
    expectStatus,
    GUIDE_MAPPINGS,
    type PingOneHarness,
    scimStoreBody,
    startHarness,
} from "./pingoneTestHarness";
import { type ScimTarget, startScimTarget } from "./pingoneScimTarget";

const jane = { username: "jdoe", email: "jdoe@example.com", name: { given: "Jane", family: "Doe" } };

describe("PingOne emulator: provisioning engine", () => {
    let harness: PingOneHarness;
    let target: ScimTarget;
    let storeId: string;
    let ruleId: string;

    const createStore = async (configuration: Record<string, unknown> = {}) =>
        expectStatus(
            await harness.api.post("/propagation/stores", scimStoreBody(target.configuration(configuration))),
            201,
        ).id as string;
    const idle = () => harness.emulator.waitForProvisioningIdle();
    const createUser = async (body: object = jane) => {
        const user = expectStatus(await harness.api.post("/users", body), 201);
        await idle();
        return user as { id: string };
    };
    const syncStatus = async () =>
        expectStatus(await harness.api.get(`/propagation/stores/${storeId}`), 200).syncStatus;
    const syncedRule = async (userId: string) =>
        expectStatus(await harness.api.get(`/users/${userId}/syncedRules/${ruleId}`), 200);
    const targetUser = () => [...target.users.values()][0];

    beforeEach(async () => {
        harness = await startHarness();
        target = await startScimTarget();
    });
    afterEach(async () => {
        await harness.close();
        await target.close();
    });

    describe("with the guide's mappings", () => {
        beforeEach(async () => {
            storeId = await createStore();
            ruleId = await configureOutboundRule(harness, storeId);
            await idle();
            target.requests.length = 0;
        });

        it("creates a new user: token, lookup by USER_FILTER, POST with mapped SCIM attributes", async () => {
            const user = await createUser();
            assert.deepEqual(target.lines(), [
                "POST /token",
                'GET /scim/v2/Users?filter=userName eq "jdoe"',
                "POST /scim/v2/Users",
            ]);
            assert.ok(target.requests.slice(1).every((r) => r.contentType === "application/scim+json"));
            const post = target.requests[2];
            assert.equal(post?.contentType, "application/scim+json");
            assert.match(String(post?.authorization), /^Bearer /);
            assert.deepEqual(post?.body, {
                schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
                userName: "jdoe",
                emails: [{ type: "work", primary: true, value: "jdoe@example.com" }],
                externalId: user.id,
                active: true,
                name: { familyName: "Doe", givenName: "Jane" },
            });
            const status = await syncedRule(user.id);
            assert.equal(status.status, "SUCCESS");
            assert.equal(status.type, "OUTBOUND");
            assert.equal(status.targetStore.type, "scim");
            const list = expectStatus(await harness.api.get(`/users/${user.id}/syncedRules`), 200);
            assert.equal(list._embedded.syncedRules.length, 1);
            const store = await syncStatus();
            assert.equal(store.syncState, "SYNCING");
            assert.equal(store.successCount, 1);
            assert.equal(store.userTotal, 1);
            assert.match(store.lastSyncAt, /Z$/);
        });

        it("updates changed attributes with PATCH replace operations and reuses the cached token", async () => {
            const user = await createUser();
            target.requests.length = 0;
            expectStatus(await harness.api.patch(`/users/${user.id}`, { email: "jane@example.com" }), 200);
            await idle();
            assert.deepEqual(target.lines(), [
                'GET /scim/v2/Users?filter=userName eq "jdoe"',
                `PATCH /scim/v2/Users/${targetUser()?.id}`,
            ]);
            assert.deepEqual(target.requests[1]?.body, {
                schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                Operations: [
                    {
                        op: "replace",
                        path: "emails",
                        value: [{ type: "work", primary: true, value: "jane@example.com" }],
                    },
                ],
            });
            target.requests.length = 0;
            expectStatus(await harness.api.patch(`/users/${user.id}`, { title: "Unmapped" }), 200);
            await idle();
            assert.deepEqual(
                target.lines(),
                ['GET /scim/v2/Users?filter=userName eq "jdoe"'],
                "nothing mapped changed",
            );
        });

        it("disables a disabled user with PATCH active=false", async () => {
            const user = await createUser();
            target.requests.length = 0;
            expectStatus(await harness.api.put(`/users/${user.id}/enabled`, { enabled: false }), 200);
            await idle();
            assert.deepEqual((target.requests[1]?.body as { Operations: unknown[] }).Operations, [
                { op: "replace", path: "active", value: false },
            ]);
            assert.equal(targetUser()?.["active"], false);
        });

        it("deprovisions per REMOVE_ACTION=Disable when the user leaves the population", async () => {
            const user = await createUser();
            const other = expectStatus(await harness.api.post("/populations", { name: "Elsewhere" }), 201);
            expectStatus(await harness.api.put(`/users/${user.id}/population`, { id: other.id }), 200);
            await idle();
            assert.equal(target.users.size, 1);
            assert.equal(targetUser()?.["active"], false);
            const status = await syncStatus();
            assert.equal(status.userTotal, 0);
            assert.equal(status.successCount, 1);
        });

        it("deprovisions a user deleted in PingOne", async () => {
            const user = await createUser();
            expectStatus(await harness.api.delete(`/users/${user.id}`), 204);
            await idle();
            assert.equal(targetUser()?.["active"], false);
        });

        it("provisions existing users when a revision is created", async () => {
            // Out of band: the API refuses to disable a connection under an enabled rule.
            await harness.emulator.control.patch(`/environments/${harness.envId}/stores/${storeId}`, {
                status: "INACTIVE",
            });
            const user = await createUser();
            assert.equal(target.users.size, 0, "an INACTIVE store provisions nothing");
            expectStatus(
                await harness.api.put(`/propagation/stores/${storeId}`, scimStoreBody(target.configuration())),
                200,
            );
            expectStatus(await harness.api.post("/propagation/revisions"), 201);
            await idle();
            assert.equal(targetUser()?.["externalId"], user.id);
        });

        it("fetches a new token once when the target answers 401", async () => {
            await createUser();
            target.revokeTokens();
            target.requests.length = 0;
            expectStatus(
                await harness.api.post("/users", { ...jane, username: "second", email: "s@example.com" }),
                201,
            );
            await idle();
            assert.deepEqual(target.lines(), [
                'GET /scim/v2/Users?filter=userName eq "second"',
                "POST /token",
                'GET /scim/v2/Users?filter=userName eq "second"',
                "POST /scim/v2/Users",
            ]);
        });

        it("shows a failing target as FAILED with a readable 401 detail on the store and the user", async () => {
            await createUser();
            target.rotateSecret("rotated");
            const user = await createUser({ ...jane, username: "second", email: "s@example.com" });
            const status = await syncStatus();
            assert.equal(status.syncState, "FAILED");
            assert.equal(status.failedCount, 1);
            assert.match(status.details, /401/);
            assert.match(status.details, /invalid_client/);
            const perUser = await syncedRule(user.id);
            assert.equal(perUser.status, "FAILED");
            assert.match(perUser.details, /401/);
            const summary = await harness.emulator.control.post<{ failures: { details: string }[] }>(
                "/provisioning/flush",
            );
            assert.equal(summary.failures.length, 1);
        });
    });

    it("honours CREATE_USERS=false and REMOVE_ACTION=Delete", async () => {
        storeId = await createStore({ CREATE_USERS: false, REMOVE_ACTION: "Delete" });
        ruleId = await configureOutboundRule(harness, storeId);
        const user = await createUser();
        assert.equal(target.users.size, 0);
        assert.match((await syncedRule(user.id)).details, /CREATE_USERS/);
        target.users.set("pre", { id: "pre", userName: "jdoe", active: true });
        expectStatus(await harness.api.post("/propagation/revisions"), 201);
        await idle();
        expectStatus(await harness.api.delete(`/users/${user.id}`), 204);
        await idle();
        assert.equal(target.users.size, 0);
        assert.equal(target.requests.at(-1)?.method, "DELETE");
    });

    it("evaluates the supported expression subset and reports unsupported expressions", async () => {
        storeId = await createStore();
        ruleId = await configureOutboundRule(harness, storeId, [
            ...GUIDE_MAPPINGS,
            { expression: 'user.name.given + " " + #root.name.family', targetAttribute: "formattedName" },
            { expression: "'Employee'", targetAttribute: "userType" },
        ]);
        await createUser();
        assert.deepEqual(targetUser()?.["name"], { familyName: "Doe", givenName: "Jane", formatted: "Jane Doe" });
        assert.equal(targetUser()?.["userType"], "Employee");

        const badRule = expectStatus(
            await harness.api.get(`/propagation/rules/${ruleId}/mappings`),
            200,
        )._embedded.mappings.find((m: { targetAttribute: string }) => m.targetAttribute === "userType");
        await harness.emulator.control.patch(`/environments/${harness.envId}/mappings/${badRule.id}`, {
            expression: "#core.switchExpr(x)",
        });
        const user = await createUser({ ...jane, username: "second", email: "s@example.com" });
        const status = await syncedRule(user.id);
        assert.equal(status.status, "FAILED");
        assert.match(status.details, /#core\.switchExpr/);
    });
});
