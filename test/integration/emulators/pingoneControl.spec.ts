import assert from "node:assert/strict";
import {
    configureOutboundRule,
    expectStatus,
    http,
    type PingOneHarness,
    scimStoreBody,
    startHarness,
} from "./pingoneTestHarness";
import { type ScimTarget, startScimTarget } from "./pingoneScimTarget";

const CHECK = { "Content-Type": "application/vnd.pingidentity.connection.check+json" };
type State = { environments: Record<string, Record<string, Record<string, Record<string, unknown>>>> };

describe("PingOne emulator: connection check and test-control API", () => {
    let harness: PingOneHarness;
    let target: ScimTarget;
    let control: PingOneHarness["emulator"]["control"];

    beforeEach(async () => {
        harness = await startHarness();
        target = await startScimTarget();
        control = harness.emulator.control;
    });
    afterEach(async () => {
        await harness.close();
        await target.close();
    });

    describe("POST /propagation/stores/connection/status", () => {
        const check = (configuration: Record<string, unknown>, headers = CHECK) =>
            harness.api.post(
                "/propagation/stores/connection/status",
                scimStoreBody(target.configuration(configuration)),
                {
                    headers,
                },
            );

        it("really calls the target and answers 200 when it works", async () => {
            expectStatus(await check({}), 200);
            assert.deepEqual(target.lines(), ["POST /token", "GET /scim/v2/Users?count=1"]);
        });

        it("names the failing setting when the token request or the SCIM call fails", async () => {
            const badSecret = expectStatus(await check({ OAUTH_CLIENT_SECRET: "wrong" }), 400);
            assert.equal(badSecret.code, "INVALID_DATA");
            assert.equal(badSecret.details[0].target, "configuration.OAUTH_CLIENT_SECRET");
            assert.match(badSecret.details[0].message, /401/);
            const badPath = expectStatus(await check({ USERS_RESOURCE: "/Nope" }), 400);
            assert.equal(badPath.details[0].target, "configuration.USERS_RESOURCE");
            const unreachable = expectStatus(await check({ SCIM_URL: "http://127.0.0.1:9/scim" }), 400);
            assert.equal(unreachable.details[0].target, "configuration.SCIM_URL");
            assert.match(unreachable.details[0].message, /ECONNREFUSED/);
        });

        it("validates the proposed store and requires the connection-check content type", async () => {
            const invalid = expectStatus(await check({ SCIM_VERSION: "3.0" }), 400);
            assert.equal(invalid.details[0].target, "configuration.SCIM_VERSION");
            const plainJson = expectStatus(await check({}, { "Content-Type": "application/json" }), 415);
            assert.equal(plainJson.code, "INVALID_REQUEST");
        });
    });

    describe("/__emulator", () => {
        let storeId: string;
        let ruleId: string;
        let userId: string;

        beforeEach(async () => {
            const store = await harness.api.post("/propagation/stores", scimStoreBody(target.configuration()));
            storeId = expectStatus(store, 201).id;
            ruleId = await configureOutboundRule(harness, storeId);
            userId = expectStatus(
                await harness.api.post("/users", { username: "jdoe", email: "j@example.com" }),
                201,
            ).id;
            await harness.emulator.waitForProvisioningIdle();
        });

        it("shows the whole state with secrets masked", async () => {
            const state = await control.get<State & { worker: { clientSecret: string } }>("/state");
            const environment = state.environments[harness.envId];
            assert.equal(
                environment?.["stores"]?.[storeId]?.["configuration"]?.["OAUTH_CLIENT_SECRET" as never],
                "***",
            );
            assert.equal(state.worker.clientSecret, "***");
            assert.ok(environment?.["users"]?.[userId]);
        });

        it("applies console-like edits: a rule's filter change deprovisions, a user change provisions", async () => {
            const rule = await control.patch<{ populationExpression: string; updatedAt: string }>(
                `/environments/${harness.envId}/rules/${ruleId}`,
                { populationExpression: 'population.name eq "Nobody"' },
            );
            assert.equal(rule.populationExpression, 'population.name eq "Nobody"');
            const summary = await control.post<{ operations: Record<string, number> }>("/provisioning/flush");
            assert.equal(summary.operations["disable"], 1);
            assert.equal([...target.users.values()][0]?.["active"], false);

            await control.patch(`/environments/${harness.envId}/rules/${ruleId}`, {
                populationExpression: 'population.name eq "Default"',
            });
            await control.patch(`/environments/${harness.envId}/users/${userId}`, { name: { given: "Janet" } });
            await control.post("/provisioning/flush");
            const provisioned = [...target.users.values()][0];
            assert.equal(provisioned?.["active"], true);
            assert.deepEqual(provisioned?.["name"], { givenName: "Janet" });
        });

        it("deep-merges configuration, validates edits and masks secrets in the answer", async () => {
            const edited = await control.patch<{ configuration: Record<string, unknown> }>(
                `/environments/${harness.envId}/stores/${storeId}`,
                { configuration: { OAUTH_CLIENT_SECRET: "rotated", REMOVE_ACTION: "Delete" } },
            );
            assert.equal(edited.configuration["OAUTH_CLIENT_SECRET"], "***");
            assert.equal(edited.configuration["REMOVE_ACTION"], "Delete");
            assert.equal(edited.configuration["SCIM_URL"], target.configuration()["SCIM_URL"]);
            const base = `${harness.emulator.apiUrl.replace(/\/v1$/, "")}/__emulator/environments/${harness.envId}`;
            assert.equal((await http.patch(`${base}/users/${userId}`, { enabled: "yes" })).status, 400);
            assert.equal((await http.patch(`${base}/widgets/${userId}`, {})).status, 404);
            assert.equal((await http.patch(`${base}/users/nope`, {})).status, 404);
        });

        it("deletes out of band, taking a store's rules and mappings with it", async () => {
            await control.delete(`/environments/${harness.envId}/stores/${storeId}`);
            expectStatus(await harness.api.get(`/propagation/stores/${storeId}`), 404);
            expectStatus(await harness.api.get(`/propagation/rules/${ruleId}`), 404);
            const state = await control.get<State>("/state");
            assert.deepEqual(state.environments[harness.envId]?.["mappings"], {});
        });

        it("clears the engine's token cache on request", async () => {
            target.requests.length = 0;
            await control.delete("/provisioning/token-cache");
            expectStatus(await harness.api.patch(`/users/${userId}`, { email: "new@example.com" }), 200);
            await harness.emulator.waitForProvisioningIdle();
            assert.equal(target.lines()[0], "POST /token");
        });
    });
});
