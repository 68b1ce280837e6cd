import { strict as assert } from "node:assert";
import { clearProcessCaches } from "../../../sdk/core/processCache";
import { sleep } from "../../../sdk/core/retry";
import { type RunningEmulators, startTestEmulators } from "../../helpers/emulators";
import { ProviderHarness } from "../../helpers/providers";
import { waitFor } from "../../helpers/waitFor";

interface PingOneState {
    environments: Record<
        string,
        {
            plans: Record<string, { name: string }>;
            stores: Record<string, { name: string; status: string; configuration: Record<string, unknown> }>;
            rules: Record<string, { name: string; active: boolean }>;
            mappings: Record<string, { rule: { id: string }; targetAttribute: string; sourceAttribute?: string }>;
        }
    >;
}

const GUIDE_MAPPINGS = [
    { source: "username", target: "userName" },
    { source: "email", target: "workEmail" },
    { source: "id", target: "externalId" },
    { source: "enabled", target: "active" },
];

describe("PingOne dynamic providers against the emulator", function () {
    this.timeout(60_000);
    let emulators: RunningEmulators;
    const plans = new ProviderHarness("pingone:PropagationPlan");
    const stores = new ProviderHarness("pingone:PropagationStore");
    const rules = new ProviderHarness("pingone:PropagationRule");
    const revisions = new ProviderHarness("pingone:PropagationRevision");
    const environment = async () => {
        const snapshot = await emulators.pingone.control.get<PingOneState>("/state");
        return snapshot.environments[emulators.pingone.environmentId]!;
    };
    const storeInputs = () => ({
        name: "DocuWare",
        scimUrl: "https://acme.docuware.cloud/DocuWare/Services/UserProvisioningService/ping/scim",
        oauthTokenUrl: "https://login-emea.docuware.cloud/0d5a/connect/token",
        oauthClientId: "client-1",
        oauthClientSecret: "first-secret-value",
    });

    before(async () => {
        emulators = await startTestEmulators();
        emulators.useProviderEnvironment();
    });
    after(async () => emulators?.stop());

    let planId: string;
    let storeId: string;
    let store: Record<string, unknown>;

    it("PropagationPlan creates the environment's plan, or adopts the one that exists", async () => {
        const created = await plans.create({});
        planId = created.id;
        assert.equal(created.outs.name, "Default Plan");
        assert.equal(created.outs.adopted, false);
        const live = (await environment()).plans[planId] as { name: string; status?: string };
        assert.equal(live.status, "INACTIVE", "the plan body carries no status (A4)");
        await emulators.pingone.control.resetRequests();
        const second = await plans.create({ name: "Another Plan" });
        assert.equal(second.id, planId, "one plan per environment");
        assert.equal(second.outs.adopted, true);
        assert.equal(second.outs.name, "Default Plan", "an adopted plan keeps its name");
        assert.deepEqual(await plans.diff(planId, second.outs, { name: "Another Plan" }), {
            changes: false,
            replaces: [],
        });
        assert.equal((await emulators.pingone.control.requests()).writes, 0, "adopting sends no write");
        assert.equal((await environment()).plans[planId]!.name, "Default Plan");
    });

    it("PropagationStore check names each invalid field and says how to fix it, without requests", async () => {
        await emulators.pingone.control.resetRequests();
        assert.deepEqual(
            await stores.failures({
                name: "DocuWare",
                scimUrl: "ftp://x",
                userFilter: 'userName eq "x"',
                removeAction: "Purge",
            }),
            [
                'scimUrl: scimUrl must be an absolute https URL such as https://acme.docuware.cloud/DocuWare/Services/UserProvisioningService/ping/scim, got "ftp://x"',
                'userFilter: userFilter must contain %s for the user\'s identifier, e.g. userName eq "%s"',
                'removeAction: Invalid option: expected one of "Disable"|"Delete"',
            ],
        );
        assert.deepEqual(await stores.failures({ name: "DocuWare", scimUrl: "https://x.example/scim" }), [
            'oauthTokenUrl: oauthTokenUrl is required when authenticationMethod is "OAuth 2 Client Credentials"',
            'oauthClientId: oauthClientId is required when authenticationMethod is "OAuth 2 Client Credentials"',
            'oauthClientSecret: oauthClientSecret is required when authenticationMethod is "OAuth 2 Client Credentials"',
        ]);
        assert.equal((await emulators.pingone.control.requests()).total, 0);
    });

    it("PropagationStore creates a SCIM connection with the console's DocuWare defaults", async () => {
        ({ id: storeId, outs: store } = await stores.create(storeInputs()));
        const live = (await environment()).stores[storeId]!;
        assert.equal(live.status, "ACTIVE");
        assert.deepEqual(live.configuration, {
            SCIM_URL: storeInputs().scimUrl,
            SCIM_VERSION: "2.0",
            USERS_RESOURCE: "/Users",
            AUTHENTICATION_METHOD: "OAuth 2 Client Credentials",
            AUTHORIZATION_TYPE: "Bearer",
            OAUTH_TOKEN_REQUEST: storeInputs().oauthTokenUrl,
            OAUTH_CLIENT_ID: "client-1",
            OAUTH_CLIENT_SECRET: "***",
            UNIQUE_USER_IDENTIFIER: "userName",
            USER_FILTER: 'userName eq "%s"',
            CREATE_USERS: true,
            UPDATE_USERS: true,
            DISABLE_USERS: true,
            REMOVE_ACTION: "Disable",
        });
        assert.equal(store.oauthClientSecret, "first-secret-value");
    });

    it("PropagationStore keeps the write-only secret out of drift, and shows a console change of one field", async () => {
        const live = await stores.read(storeId, store);
        assert.equal(live!.oauthClientSecret, "first-secret-value", "kept from state, never read back");
        assert.deepEqual(await stores.diff(storeId, live!, storeInputs()), { changes: false, replaces: [] });
        await emulators.pingone.control.patch(`/environments/${emulators.pingone.environmentId}/stores/${storeId}`, {
            configuration: { REMOVE_ACTION: "Delete" },
        });
        const drifted = await stores.read(storeId, store);
        assert.equal(drifted!.removeAction, "Delete");
        assert.deepEqual(await stores.diff(storeId, drifted!, storeInputs()), { changes: true, replaces: [] });
        store = await stores.update(storeId, drifted!, { ...storeInputs(), oauthClientSecret: "second-secret-value" });
        assert.equal(store.removeAction, "Disable");
        assert.equal(store.oauthClientSecret, "second-secret-value");
    });

    it("PropagationStore refuses a duplicate name unless adopting", async () => {
        await assert.rejects(
            stores.create(storeInputs()),
            /PingOne SCIM connection "DocuWare" \(id .+\) already exists and it carries no `managed-by: pulumi …` marker.*set `adopt: true` on the component or the resource; otherwise choose another name\./,
        );
        const adopted = await stores.create({ ...storeInputs(), adopt: true });
        assert.equal(adopted.id, storeId);
        assert.equal(Object.keys((await environment()).stores).length, 2, "directory store + this one, no duplicate");
    });

    let ruleId: string;
    let rule: Record<string, unknown>;
    const ruleInputs = (mappings = GUIDE_MAPPINGS) => ({
        planId,
        targetStoreId: storeId,
        name: "PingOne to DocuWare",
        userFilter: { populationName: "Default" },
        mappings,
    });

    it("PropagationRule rejects an active rule without mappings and duplicate targets", async () => {
        assert.deepEqual(await rules.failures({ ...ruleInputs([]) }), [
            "mappings: an active rule needs at least one attribute mapping; add mappings or set `active: false`",
        ]);
        assert.deepEqual(
            await rules.failures({
                ...ruleInputs([...GUIDE_MAPPINGS, { source: "name.given", target: "userName" }]),
            }),
            ['mappings.4.target: target "userName" is mapped twice; map each target attribute once'],
        );
        assert.deepEqual(await rules.failures({ ...ruleInputs(), userFilter: {} }), [
            "userFilter: userFilter must set exactly one of `populationName`, `populationId` and `expression`",
        ]);
    });

    it("PropagationRule creates the rule inactive, adds the mappings, then activates it", async () => {
        await emulators.pingone.control.resetRequests();
        ({ id: ruleId, outs: rule } = await rules.create(ruleInputs()));
        assert.equal(rule.active, true);
        assert.match(rule.populationExpression as string, /^population\.id eq ".+"$/);
        assert.deepEqual(rule.userFilter, { populationName: "Default" });
        const log = (await emulators.pingone.control.requests()).log.map((r) => `${r.method} ${r.route}`);
        const writes = log.filter((r) => !r.startsWith("GET"));
        assert.equal(writes[0], "POST /v1/environments/:envId/propagation/plans/:planId/rules");
        assert.equal(writes.filter((w) => w.includes("mappings")).length, 4);
        assert.equal(writes.at(-1), "PUT /v1/environments/:envId/propagation/rules/:ruleId");
        const mappings = Object.values((await environment()).mappings).filter((m) => m.rule.id === ruleId);
        assert.deepEqual(mappings.map((m) => `${m.sourceAttribute}->${m.targetAttribute}`).sort(), [
            "email->workEmail",
            "enabled->active",
            "id->externalId",
            "username->userName",
        ]);
    });

    it("PropagationRule shows a rule switched off in the console, and an edited mapping, as drift", async () => {
        const env = emulators.pingone.environmentId;
        await emulators.pingone.control.patch(`/environments/${env}/rules/${ruleId}`, { active: false });
        const mapping = Object.entries((await environment()).mappings).find(
            ([, m]) => m.rule.id === ruleId && m.targetAttribute === "workEmail",
        )!;
        await emulators.pingone.control.patch(`/environments/${env}/mappings/${mapping[0]}`, {
            sourceAttribute: "username",
        });
        const live = await rules.read(ruleId, rule);
        assert.equal(live!.active, false);
        assert.ok(
            (live!.mappings as { source: string; target: string }[]).some(
                (m) => m.source === "username" && m.target === "workEmail",
            ),
        );
        assert.deepEqual(await rules.diff(ruleId, live!, ruleInputs()), { changes: true, replaces: [] });

        await emulators.pingone.control.resetRequests();
        rule = await rules.update(ruleId, live!, ruleInputs());
        assert.equal(rule.active, true);
        const mappingWrites = (await emulators.pingone.control.requests()).log.filter(
            (r) => r.method !== "GET" && r.route.includes("mapping"),
        );
        assert.equal(mappingWrites.length, 1, "only the mapping that differs is changed");
        assert.deepEqual(await rules.diff(ruleId, (await rules.read(ruleId, rule))!, ruleInputs()), {
            changes: false,
            replaces: [],
        });
    });

    it("PropagationRule reads the rule and its mappings at once (one round trip, not two in a row)", async () => {
        const control = emulators.pingone.control;
        await control.resetRequests();
        await control.addFault({ route: "GET /v1/environments/:envId/propagation/rules/:ruleId", kind: "hold" });
        const read = rules.read(ruleId, rule);
        const mappingsListed = async () =>
            (await control.requests()).log.some(
                (r) => r.method === "GET" && r.route === "/v1/environments/:envId/propagation/rules/:ruleId/mappings",
            );
        let held = await control.holds();
        await waitFor(async () => (held = await control.holds()).length > 0 && (await mappingsListed()));
        assert.equal(held.length, 1, "the rule's GET is held");
        assert.ok(await mappingsListed(), "the mappings were listed while the rule's GET was still pending");
        await control.release(held[0]!.id, "complete");
        assert.deepEqual((await read)!.mappings, rule.mappings);
    });

    it("PropagationRule lists plan and stores in replaces, mappings and filters in place", async () => {
        assert.deepEqual(
            await rules.diff(ruleId, rule, { ...ruleInputs(), targetStoreId: "5d6e7f80-9a1b-4c2d-8e3f-4a5b6c7d8e9f" }),
            {
                changes: true,
                replaces: ["targetStoreId"],
            },
        );
        assert.deepEqual(
            await rules.diff(ruleId, rule, { ...ruleInputs(), userFilter: { expression: "population.id pr" } }),
            {
                changes: true,
                replaces: [],
            },
        );
    });

    it("PropagationRevision publishes a revision and a new one when its triggers change", async () => {
        const created = await revisions.create({ triggers: { ruleId } });
        const updated = await revisions.update(created.id, created.outs, { triggers: { ruleId, version: 2 } });
        assert.notEqual(updated.revisionId, created.outs.revisionId);
        assert.deepEqual(await revisions.diff(created.id, updated, { triggers: { ruleId, version: 2 } }), {
            changes: false,
            replaces: [],
        });
    });

    it("adopts a live plan, rule and revision that match without writing anything", async () => {
        const latest = (await revisions.create({ triggers: { ruleId } })).outs.revisionId;
        await emulators.pingone.control.resetRequests();
        assert.equal((await plans.create({ name: "Default Plan" })).id, planId);
        const adopted = await rules.create({ ...ruleInputs(), adopt: true });
        assert.equal(adopted.id, ruleId);
        assert.equal(adopted.outs.active, true);
        assert.equal((await revisions.create({ triggers: { ruleId }, adopt: true })).outs.revisionId, latest);
        const writes = (await emulators.pingone.control.requests()).log.filter(
            (r) => r.method !== "GET" && !r.route.endsWith("/as/token"),
        );
        assert.deepEqual(writes, [], "adopting what matches sends no write");
    });

    it("PropagationRule limits the rule to groups, reads them back and shows a change as drift", async () => {
        const grouped = { ...ruleInputs(), groupIds: ["group-2", "group-1"] };
        rule = await rules.update(ruleId, rule, grouped);
        const live = (await rules.read(ruleId, rule))!;
        assert.deepEqual([...(live.groupIds as string[])].sort(), ["group-1", "group-2"]);
        assert.deepEqual(await rules.diff(ruleId, live, grouped), { changes: false, replaces: [] });
        assert.deepEqual(await rules.diff(ruleId, live, ruleInputs()), { changes: true, replaces: [] });
        rule = await rules.update(ruleId, live, ruleInputs());
        assert.equal((await rules.read(ruleId, rule))!.groupIds, undefined);
    });

    it("deletes nothing of a rule whose switch-off fails (its reads overlap the switch-off)", async () => {
        const mappingsOf = async () =>
            Object.values((await environment()).mappings).filter((m) => m.rule.id === ruleId).length;
        const before = await mappingsOf();
        await emulators.pingone.control.addFault({
            route: "PUT /v1/environments/:envId/propagation/rules/:ruleId",
            kind: "status",
            status: 400,
        });
        await emulators.pingone.control.resetRequests();
        await assert.rejects(rules.delete(ruleId, rule));
        const deletes = (await emulators.pingone.control.requests()).log.filter((r) => r.method === "DELETE");
        assert.deepEqual(deletes, [], "no delete before the rule is off");
        assert.ok((await environment()).rules[ruleId], "the rule is still there");
        assert.equal(await mappingsOf(), before);
        assert.ok(before > 0);
    });

    it("a rule's delete starts signing in to its connection's DocuWare organization (when configured), at its token URL", async () => {
        const docuware = emulators.docuware[0]!;
        const target = await stores.create({
            ...storeInputs(),
            name: "DocuWare (emulated)",
            scimUrl: `${docuware.baseUrl}/DocuWare/Services/UserProvisioningService/ping/scim`,
            oauthTokenUrl: `${docuware.identityServiceUrl}/connect/token`,
        });
        const routes = async () => (await docuware.control.requests()).log.map((r) => `${r.method} ${r.route}`);
        const toDocuWare = { ...ruleInputs(), name: "To the emulated DocuWare", targetStoreId: target.id };

        // An organization the stack's configuration does not name gets no sign-in, even with a default credential.
        const unnamed = await rules.create(toDocuWare);
        const configured = process.env.DOCUWARE_ORGANIZATION_URL;
        process.env.DOCUWARE_ORGANIZATION_URL = "https://another.docuware.cloud";
        try {
            clearProcessCaches();
            await docuware.control.resetRequests();
            await rules.delete(unnamed.id, unnamed.outs);
            await sleep(300); // what a prefetch would have sent by then
            assert.deepEqual(await routes(), []);
        } finally {
            process.env.DOCUWARE_ORGANIZATION_URL = configured;
        }

        const other = await rules.create(toDocuWare);
        clearProcessCaches(); // a new operation: nothing signed in yet
        await docuware.control.resetRequests();
        await rules.delete(other.id, other.outs);
        await waitFor(async () => (await routes()).length >= 2);
        assert.deepEqual(await routes(), [
            "POST /:organizationId/connect/token",
            "GET /DocuWare/Platform/Organizations",
        ]);
        await stores.delete(target.id, target.outs);
    });

    it("deletes the rule (deactivated first), the store and the plan, leaving nothing behind", async () => {
        await emulators.pingone.control.resetRequests();
        await rules.delete(ruleId, rule);
        const writes = (await emulators.pingone.control.requests()).log.filter((r) => r.method !== "GET");
        assert.equal(
            `${writes[0]!.method} ${writes[0]!.route}`,
            "PUT /v1/environments/:envId/propagation/rules/:ruleId",
        );
        await stores.delete(storeId, store);
        await plans.delete(planId, { environmentId: emulators.pingone.environmentId, adopted: false });
        const env = await environment();
        assert.deepEqual(Object.keys(env.rules), []);
        assert.deepEqual(Object.keys(env.mappings), []);
        assert.deepEqual(Object.keys(env.plans), []);
        assert.deepEqual(
            Object.values(env.stores).map((s) => s.name),
            ["PingOne Directory"],
        );
        await rules.delete(ruleId, rule); // already gone: done
        await stores.delete(storeId, store);
    });
});

describe("PingOne Directory store created by a rule", function () {
    this.timeout(60_000);
    let emulators: RunningEmulators;

    before(async () => {
        emulators = await startTestEmulators();
        emulators.useProviderEnvironment();
    });
    after(async () => emulators?.stop());

    it("is created with the documented request model only (no status, no configuration)", async () => {
        const env = emulators.pingone.environmentId;
        const initial = await emulators.pingone.control.get<PingOneState>("/state");
        const [directoryId] = Object.entries(initial.environments[env]!.stores).find(
            ([, s]) => s.name === "PingOne Directory",
        )!;
        await emulators.pingone.control.delete(`/environments/${env}/stores/${directoryId}`);
        const plan = await new ProviderHarness("pingone:PropagationPlan").create({});
        const target = await new ProviderHarness("pingone:PropagationStore").create({
            name: "DocuWare",
            scimUrl: "https://acme.docuware.cloud/DocuWare/Services/UserProvisioningService/ping/scim",
            oauthTokenUrl: "https://login-emea.docuware.cloud/0d5a/connect/token",
            oauthClientId: "client-1",
            oauthClientSecret: "first-secret-value",
        });
        const rule = await new ProviderHarness("pingone:PropagationRule").create({
            planId: plan.id,
            targetStoreId: target.id,
            name: "PingOne to DocuWare",
            userFilter: { populationName: "Default" },
            mappings: GUIDE_MAPPINGS,
        });
        const stores = (await emulators.pingone.control.get<PingOneState>("/state")).environments[env]!.stores;
        const directory = stores[rule.outs.effectiveSourceStoreId as string]!;
        assert.equal(directory.name, "PingOne Directory");
        assert.notEqual(rule.outs.effectiveSourceStoreId, directoryId, "a new directory store was created");
        assert.deepEqual(directory.configuration, {});
    });
});
