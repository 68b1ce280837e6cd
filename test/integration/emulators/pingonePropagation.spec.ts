import assert from "node:assert/strict";
import { expectStatus, type PingOneHarness, scimStoreBody, startHarness } from "./pingoneTestHarness";

type Detail = { code: string; target: string; message: string; innerError?: { allowedValues?: string[] } };
const targets = (body: { details: Detail[] }) => body.details.map((d) => d.target).sort();

describe("PingOne emulator: propagation configuration", () => {
    let harness: PingOneHarness;

    beforeEach(async () => {
        harness = await startHarness();
    });
    afterEach(() => harness.close());

    const createStore = async (configuration: Record<string, unknown> = {}, fields: Record<string, unknown> = {}) =>
        expectStatus(await harness.api.post("/propagation/stores", scimStoreBody(configuration, fields)), 201);
    const createPlan = async () =>
        expectStatus(await harness.api.post("/propagation/plans", { name: "Default Plan" }), 201);
    const ruleBody = (storeId: string, extra: Record<string, unknown> = {}) => ({
        name: "Rule",
        sourceStore: { id: harness.directoryStoreId },
        targetStore: { id: storeId },
        populationExpression: `population.id eq "${harness.defaultPopulationId}"`,
        ...extra,
    });

    describe("stores", () => {
        it("lists the PingOne Directory source store and refuses a second one", async () => {
            const body = expectStatus(await harness.api.get("/propagation/stores"), 200);
            assert.deepEqual(
                body._embedded.stores.map((s: { name: string; type: string }) => [s.name, s.type]),
                [["PingOne Directory", "directory"]],
            );
            const second = await harness.api.post("/propagation/stores", { name: "Dir", type: "directory" });
            assert.equal(expectStatus(second, 400).details[0].target, "type");
        });

        it("refuses status and configuration on a directory store, outside its documented request model", async () => {
            const body = { name: "Dir", type: "directory", status: "ACTIVE", configuration: {} };
            const error = expectStatus(await harness.api.post("/propagation/stores", body), 400);
            assert.deepEqual(targets(error), ["configuration", "status"]);
        });

        it("names missing keys, bad enums, string booleans and unknown keys as configuration.X", async () => {
            const body = scimStoreBody({
                SCIM_URL: undefined,
                REMOVE_ACTION: "Archive",
                CREATE_USERS: "true",
                RATE_LIMIT: 5,
            });
            const error = expectStatus(await harness.api.post("/propagation/stores", body), 400);
            assert.equal(error.code, "INVALID_DATA");
            assert.deepEqual(targets(error), [
                "configuration.CREATE_USERS",
                "configuration.RATE_LIMIT",
                "configuration.REMOVE_ACTION",
                "configuration.SCIM_URL",
            ]);
            const byTarget = Object.fromEntries(error.details.map((d: Detail) => [d.target, d]));
            assert.equal(byTarget["configuration.SCIM_URL"].code, "REQUIRED_VALUE");
            assert.deepEqual(byTarget["configuration.REMOVE_ACTION"].innerError.allowedValues, ["Disable", "Delete"]);
            assert.match(byTarget["configuration.CREATE_USERS"].message, /boolean/);
        });

        it("requires the client-credentials keys for that method and validates top-level fields", async () => {
            const missingSecret = scimStoreBody({ OAUTH_CLIENT_SECRET: undefined });
            const error = expectStatus(await harness.api.post("/propagation/stores", missingSecret), 400);
            assert.deepEqual(targets(error), ["configuration.OAUTH_CLIENT_SECRET"]);
            const basic = scimStoreBody({ AUTHENTICATION_METHOD: "Basic Authentication", AUTHORIZATION_TYPE: "Basic" });
            assert.deepEqual(targets(expectStatus(await harness.api.post("/propagation/stores", basic), 400)), [
                "configuration.BASIC_AUTH_PASSWORD",
                "configuration.BASIC_AUTH_USER",
            ]);
            const badType = expectStatus(
                await harness.api.post("/propagation/stores", { name: "x", type: "SCIM" }),
                400,
            );
            assert.equal(badType.details[0].target, "type");
            assert.ok(badType.details[0].innerError.allowedValues.includes("scim"));
        });

        it("omits write-only secrets on read, defaults status to INACTIVE and keeps secrets on PUT without them", async () => {
            const created = await createStore({ OAUTH_CLIENT_SECRET: "s3cret" }, { status: undefined });
            assert.equal(created.status, "INACTIVE");
            assert.equal(created.configuration.OAUTH_CLIENT_SECRET, undefined);
            assert.equal(created.configuration.OAUTH_CLIENT_ID, "client");
            const read = expectStatus(await harness.api.get(`/propagation/stores/${created.id}`), 200);
            assert.equal(read.configuration.OAUTH_CLIENT_SECRET, undefined);
            assert.equal(read.syncStatus, undefined);

            const { OAUTH_CLIENT_SECRET: _omitted, ...withoutSecret } = scimStoreBody().configuration;
            const put = await harness.api.put(`/propagation/stores/${created.id}`, {
                ...scimStoreBody(),
                configuration: { ...withoutSecret, REMOVE_ACTION: "Delete" },
            });
            assert.equal(expectStatus(put, 200).configuration.REMOVE_ACTION, "Delete");
            const state = await harness.emulator.control.get<{
                environments: Record<string, { stores: Record<string, { configuration: Record<string, unknown> }> }>;
            }>("/state");
            const stored = state.environments[harness.envId]?.stores[created.id];
            assert.equal(stored?.configuration["OAUTH_CLIENT_SECRET"], "***", "kept, and masked in the control state");
        });

        it("refuses to delete a store while a rule references it", async () => {
            const store = await createStore();
            const plan = await createPlan();
            const rule = expectStatus(
                await harness.api.post(`/propagation/plans/${plan.id}/rules`, ruleBody(store.id)),
                201,
            );
            const refused = expectStatus(await harness.api.delete(`/propagation/stores/${store.id}`), 400);
            assert.equal(refused.code, "INVALID_DATA");
            assert.deepEqual(refused.details[0].innerError.referencedValues, [rule.id]);
            expectStatus(await harness.api.delete(`/propagation/rules/${rule.id}`), 204);
            expectStatus(await harness.api.delete(`/propagation/stores/${store.id}`), 204);
        });

        it("returns static SCIM metadata with the flat target attribute names", async () => {
            const metadata = expectStatus(await harness.api.post("/propagation/storeMetadata/scim", {}), 200);
            const names = metadata.attributeMetadata.userAttributes.map((a: { name: string }) => a.name);
            for (const name of ["userName", "workEmail", "externalId", "active", "givenName", "familyName"]) {
                assert.ok(names.includes(name), name);
            }
            assert.ok(metadata.connectionProfiles.length > 0);
            expectStatus(await harness.api.post("/propagation/storeMetadata/scim"), 400);
            expectStatus(await harness.api.post("/propagation/storeMetadata/Nope", {}), 404);
        });
    });

    describe("plans", () => {
        it("allows one plan per environment", async () => {
            await createPlan();
            const second = expectStatus(await harness.api.post("/propagation/plans", { name: "Another" }), 400);
            assert.equal(second.code, "INVALID_DATA");
            assert.equal(second.details[0].target, "environment");
            assert.equal(second.details[0].message, "environment contains an existing plan");
        });

        it("defaults a plan to INACTIVE and refuses status ACTIVE, which no source shows (inferred)", async () => {
            assert.equal((await createPlan()).status, "INACTIVE");
            const plans = expectStatus(await harness.api.get("/propagation/plans"), 200)._embedded.plans;
            const put = await harness.api.put(`/propagation/plans/${plans[0].id}`, { name: "P", status: "ACTIVE" });
            assert.equal(expectStatus(put, 400).details[0].target, "status");
        });

        it("cascades a plan delete to its rules and mappings", async () => {
            const store = await createStore();
            const plan = await createPlan();
            const rule = expectStatus(
                await harness.api.post(`/propagation/plans/${plan.id}/rules`, ruleBody(store.id)),
                201,
            );
            const mappingBody = { sourceAttribute: "username", targetAttribute: "userName" };
            const mapping = expectStatus(
                await harness.api.post(`/propagation/rules/${rule.id}/mappings`, mappingBody),
                201,
            );
            expectStatus(await harness.api.delete(`/propagation/plans/${plan.id}`), 204);
            expectStatus(await harness.api.get(`/propagation/rules/${rule.id}`), 404);
            expectStatus(await harness.api.get(`/propagation/mappings/${mapping.id}`), 404);
        });
    });

    describe("rules", () => {
        it("creates through both paths, lists per plan and in total", async () => {
            const store = await createStore();
            const plan = await createPlan();
            const scoped = expectStatus(
                await harness.api.post(`/propagation/plans/${plan.id}/rules`, ruleBody(store.id)),
                201,
            );
            assert.equal(scoped.active, false);
            assert.equal(scoped.deprovision, false);
            assert.equal(scoped.plan.id, plan.id);
            assert.match(scoped._links.create.href, new RegExp(`/propagation/plans/${plan.id}/rules$`));
            const withoutPlan = expectStatus(await harness.api.post("/propagation/rules", ruleBody(store.id)), 400);
            assert.equal(withoutPlan.details[0].target, "plan.id");
            const older = ruleBody(store.id, { name: "Older path", plan: { id: plan.id } });
            expectStatus(await harness.api.post("/propagation/rules", older), 201);
            const all = expectStatus(await harness.api.get("/propagation/rules"), 200);
            const ofPlan = expectStatus(await harness.api.get(`/propagation/plans/${plan.id}/rules`), 200);
            assert.equal(all._embedded.rules.length, 2);
            assert.equal(ofPlan._embedded.rules.length, 2);
        });

        it("refuses activation without mappings, and an active outbound rule without a scope", async () => {
            const store = await createStore();
            const plan = await createPlan();
            const activeNow = await harness.api.post(
                `/propagation/plans/${plan.id}/rules`,
                ruleBody(store.id, { active: true }),
            );
            assert.equal(expectStatus(activeNow, 400).details[0].target, "active");
            const rule = expectStatus(
                await harness.api.post(`/propagation/plans/${plan.id}/rules`, ruleBody(store.id)),
                201,
            );
            const mappingBody = { sourceAttribute: "username", targetAttribute: "userName" };
            expectStatus(await harness.api.post(`/propagation/rules/${rule.id}/mappings`, mappingBody), 201);
            const unscoped = ruleBody(store.id, { active: true, populationExpression: undefined });
            assert.deepEqual(
                targets(expectStatus(await harness.api.put(`/propagation/rules/${rule.id}`, unscoped), 400)),
                ["populationExpression"],
            );
            const activated = expectStatus(
                await harness.api.put(`/propagation/rules/${rule.id}`, ruleBody(store.id, { active: true })),
                200,
            );
            assert.equal(activated.active, true);
            assert.equal(activated.createdAt, rule.createdAt);
        });

        it("parses populationExpression and rejects malformed or unsupported ones", async () => {
            const store = await createStore();
            const plan = await createPlan();
            const path = `/propagation/plans/${plan.id}/rules`;
            const good = `(population.id eq "a" or population.name sw "Def") and email ew "@example.com" and username pr`;
            expectStatus(await harness.api.post(path, ruleBody(store.id, { populationExpression: good })), 201);
            for (const bad of [
                "population.id eq",
                'population.id gt "x"',
                'population.id eq "x" and',
                "((population.id",
            ]) {
                const error = expectStatus(
                    await harness.api.post(path, ruleBody(store.id, { populationExpression: bad })),
                    400,
                );
                assert.equal(error.details[0].target, "populationExpression", bad);
            }
        });

        it("takes the documented update model on PUT (no plan or stores), and the full body when it matches", async () => {
            const store = await createStore();
            const plan = await createPlan();
            const rule = expectStatus(
                await harness.api.post(`/propagation/plans/${plan.id}/rules`, ruleBody(store.id)),
                201,
            );
            const { sourceStore: _source, targetStore: _target, ...update } = ruleBody(store.id);
            const renamed = expectStatus(
                await harness.api.put(`/propagation/rules/${rule.id}`, { ...update, name: "Renamed" }),
                200,
            );
            assert.equal(renamed.name, "Renamed");
            assert.equal(renamed.targetStore.id, store.id);
            assert.equal(renamed.plan.id, plan.id);
            const full = { ...ruleBody(store.id), plan: { id: plan.id } };
            expectStatus(await harness.api.put(`/propagation/rules/${rule.id}`, full), 200);
        });

        it("enables a rule only on an enabled connection, and disables a connection only under no enabled rule", async () => {
            const store = await createStore({}, { status: "INACTIVE" });
            const plan = await createPlan();
            const rule = expectStatus(
                await harness.api.post(`/propagation/plans/${plan.id}/rules`, ruleBody(store.id)),
                201,
            );
            const mappingBody = { sourceAttribute: "username", targetAttribute: "userName" };
            expectStatus(await harness.api.post(`/propagation/rules/${rule.id}/mappings`, mappingBody), 201);
            const refused = expectStatus(
                await harness.api.put(`/propagation/rules/${rule.id}`, ruleBody(store.id, { active: true })),
                400,
            );
            assert.equal(refused.code, "INVALID_DATA");
            assert.equal(refused.details[0].target, "active");
            assert.match(
                refused.details[0].message,
                /while its connection .* is disabled; enable the connection first/,
            );
            const storeBody = scimStoreBody({}, {});
            expectStatus(await harness.api.put(`/propagation/stores/${store.id}`, storeBody), 200);
            expectStatus(
                await harness.api.put(`/propagation/rules/${rule.id}`, ruleBody(store.id, { active: true })),
                200,
            );
            const disabling = expectStatus(
                await harness.api.put(`/propagation/stores/${store.id}`, { ...storeBody, status: "INACTIVE" }),
                400,
            );
            assert.equal(disabling.details[0].target, "status");
            expectStatus(await harness.api.put(`/propagation/rules/${rule.id}`, ruleBody(store.id)), 200);
            expectStatus(
                await harness.api.put(`/propagation/stores/${store.id}`, { ...storeBody, status: "INACTIVE" }),
                200,
            );
        });

        it("deletes with ?deprovision=true only a rule whose target store is managed", async () => {
            const store = await createStore();
            const plan = await createPlan();
            const path = `/propagation/plans/${plan.id}/rules`;
            const rule = expectStatus(await harness.api.post(path, ruleBody(store.id)), 201);
            const refused = expectStatus(
                await harness.api.delete(`/propagation/rules/${rule.id}?deprovision=true`),
                400,
            );
            assert.equal(refused.details[0].target, "deprovision");
            expectStatus(await harness.api.delete(`/propagation/rules/${rule.id}`), 204);
            const managed = await createStore({}, { name: "Managed", managed: true });
            const second = expectStatus(await harness.api.post(path, ruleBody(managed.id)), 201);
            expectStatus(await harness.api.delete(`/propagation/rules/${second.id}?deprovision=true`), 204);
        });

        it("keeps plan and stores immutable on PUT", async () => {
            const store = await createStore();
            const other = await createStore({}, { name: "Other" });
            const plan = await createPlan();
            const rule = expectStatus(
                await harness.api.post(`/propagation/plans/${plan.id}/rules`, ruleBody(store.id)),
                201,
            );
            const moved = expectStatus(await harness.api.put(`/propagation/rules/${rule.id}`, ruleBody(other.id)), 400);
            assert.equal(moved.details[0].target, "targetStore.id");
        });
    });

    describe("mappings", () => {
        let ruleId: string;
        beforeEach(async () => {
            const store = await createStore();
            const plan = await createPlan();
            ruleId = expectStatus(
                await harness.api.post(`/propagation/plans/${plan.id}/rules`, ruleBody(store.id)),
                201,
            ).id;
        });

        it("serves single mappings under both /mappings/{id} and /mapping/{id}", async () => {
            const body = { sourceAttribute: "email", targetAttribute: "workEmail" };
            const created = expectStatus(await harness.api.post(`/propagation/rules/${ruleId}/mappings`, body), 201);
            assert.equal(created.rule.id, ruleId);
            expectStatus(await harness.api.get(`/propagation/mappings/${created.id}`), 200);
            expectStatus(await harness.api.get(`/propagation/mapping/${created.id}`), 200);
            const replaced = await harness.api.put(`/propagation/mapping/${created.id}`, {
                rule: { id: ruleId },
                expression: "#root.email",
                targetAttribute: "workEmail",
            });
            assert.equal(expectStatus(replaced, 200).sourceAttribute, undefined);
            assert.equal(replaced.data.expression, "#root.email");
            const list = expectStatus(await harness.api.get(`/propagation/rules/${ruleId}/mappings`), 200);
            assert.equal(list._embedded.mappings.length, 1);
            expectStatus(await harness.api.delete(`/propagation/mapping/${created.id}`), 204);
            expectStatus(await harness.api.delete(`/propagation/mappings/${created.id}`), 404);
        });

        it("requires exactly one of sourceAttribute and expression, and a known targetAttribute", async () => {
            const post = (body: object) => harness.api.post(`/propagation/rules/${ruleId}/mappings`, body);
            assert.deepEqual(targets(expectStatus(await post({ targetAttribute: "userName" }), 400)), [
                "sourceAttribute",
            ]);
            const both = { sourceAttribute: "username", expression: "#root.username", targetAttribute: "userName" };
            assert.deepEqual(targets(expectStatus(await post(both), 400)), ["expression"]);
            assert.deepEqual(targets(expectStatus(await post({ sourceAttribute: "username" }), 400)), [
                "targetAttribute",
            ]);
            const unknown = expectStatus(await post({ sourceAttribute: "email", targetAttribute: "email" }), 400);
            assert.ok(unknown.details[0].innerError.allowedValues.includes("workEmail"));
            expectStatus(await post({ sourceAttribute: "username", targetAttribute: "userName" }), 201);
            const twice = expectStatus(await post({ sourceAttribute: "email", targetAttribute: "userName" }), 400);
            assert.equal(twice.details[0].code, "UNIQUENESS_VIOLATION");
        });

        it("keeps rule.id immutable and required on PUT", async () => {
            const body = { sourceAttribute: "email", targetAttribute: "workEmail" };
            const created = expectStatus(await harness.api.post(`/propagation/rules/${ruleId}/mappings`, body), 201);
            const withoutRule = expectStatus(await harness.api.put(`/propagation/mappings/${created.id}`, body), 400);
            assert.equal(withoutRule.details[0].code, "REQUIRED_VALUE");
            const moved = await harness.api.put(`/propagation/mappings/${created.id}`, {
                ...body,
                rule: { id: "other" },
            });
            assert.equal(expectStatus(moved, 400).details[0].target, "rule.id");
        });
    });

    describe("revisions", () => {
        it("creates revisions without a body and reads id:latest in both encodings", async () => {
            expectStatus(await harness.api.get("/propagation/revisions/id:latest"), 404);
            const first = expectStatus(await harness.api.post("/propagation/revisions"), 201);
            const second = expectStatus(
                await harness.api.post("/propagation/revisions", "", {
                    headers: { "Content-Type": "application/json" },
                }),
                201,
            );
            assert.equal(second.previousRevision.id, first.id);
            assert.equal(typeof second.createdBy, "string", "the actor id (Docs: a string)");
            assert.equal(second.snapshot, undefined);
            assert.equal(expectStatus(await harness.api.get("/propagation/revisions/id:latest"), 200).id, second.id);
            assert.equal(expectStatus(await harness.api.get("/propagation/revisions/id%3Alatest"), 200).id, second.id);
            assert.equal(expectStatus(await harness.api.get(`/propagation/revisions/${first.id}`), 200).id, first.id);
        });
    });
});
