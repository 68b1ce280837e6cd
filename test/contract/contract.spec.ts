import { strict as assert } from "node:assert";
import { ApiError } from "../../sdk/core/errors";
import { pingOneApis } from "../../sdk/pingone/api/environment";
import { toStoreWrite } from "../../sdk/pingone/resources/propagationStoreDefinition";
import { type RunningEmulators, startTestEmulators } from "../helpers/emulators";
import { ProviderHarness } from "../helpers/providers";
import { DEVIATIONS } from "./deviations";
import { OpenApiContract, checkExchanges, matchesDeviation } from "./openApiContract";
import { RecordingProxy } from "./recordingProxy";

const MAPPINGS = [
    { source: "username", target: "userName" },
    { source: "email", target: "workEmail" },
];
const STORE = {
    name: "DocuWare",
    scimUrl: "https://acme.docuware.cloud/DocuWare/Services/UserProvisioningService/ping/scim",
    oauthTokenUrl: "https://login-emea.docuware.cloud/0d5a/connect/token",
    oauthClientId: "client-1",
    oauthClientSecret: "first-secret-value",
};

/**
 * Contract of the PingOne propagation API: the SDK's real requests (through its dynamic providers) and the PingOne
 * emulator's real responses, recorded by a proxy between them, checked against the vendor's OpenAPI with ajv.
 */
describe("contract: PingOne propagation API against the vendor OpenAPI", function () {
    this.timeout(60_000);
    let emulators: RunningEmulators;
    const proxy = new RecordingProxy();

    before(async () => {
        emulators = await startTestEmulators();
        emulators.useProviderEnvironment();
        process.env.PINGONE_API_URL = await proxy.start(emulators.pingone.apiUrl);
    });
    after(async () => {
        await proxy.stop();
        await emulators?.stop();
    });

    it("every request exists in the spec, and store, plan, list and error bodies validate (listed deviations aside)", async () => {
        const env = emulators.pingone.environmentId;
        const plans = new ProviderHarness("pingone:PropagationPlan");
        const stores = new ProviderHarness("pingone:PropagationStore");
        const rules = new ProviderHarness("pingone:PropagationRule");
        const revisions = new ProviderHarness("pingone:PropagationRevision");
        const api = pingOneApis({ environmentId: env }).propagation;

        // The directory store is created by the first rule when the environment has none (A10).
        const state = await emulators.pingone.control.get<{
            environments: Record<string, { stores: Record<string, { type: string }> }>;
        }>("/state");
        for (const [id, store] of Object.entries(state.environments[env]!.stores)) {
            if (store.type === "directory") {
                await emulators.pingone.control.delete(`/environments/${env}/stores/${id}`);
            }
        }

        const plan = await plans.create({});
        await plans.create({ name: "Adopted" });
        await plans.update(plan.id, plan.outs, { name: "Renamed plan" });
        await api.checkConnection(toStoreWrite((await stores.checked(STORE)) as never)).catch(() => undefined);
        const store = await stores.create(STORE);
        const storeOuts = await stores.update(store.id, store.outs, { ...STORE, description: "Outbound" });
        await stores.read(store.id, storeOuts);
        const rule = await rules.create({
            planId: plan.id,
            targetStoreId: store.id,
            name: "PingOne to DocuWare",
            userFilter: { populationName: "Default" },
            mappings: MAPPINGS,
        });
        const updatedRule = await rules.update(rule.id, rule.outs, {
            planId: plan.id,
            targetStoreId: store.id,
            name: "PingOne to DocuWare",
            userFilter: { populationName: "Default" },
            mappings: [MAPPINGS[0]!],
        });
        await rules.read(rule.id, updatedRule);
        await revisions.create({ triggers: { version: 1 } });
        await api.getLatestRevision();
        // Errors: a second plan (400), an unknown store (404).
        await assert.rejects(api.createPlan({ name: "Second" }), (e) => e instanceof ApiError && e.status === 400);
        assert.equal(await stores.read("00000000-0000-4000-8000-000000000000", storeOuts), undefined);
        await rules.delete(rule.id, updatedRule);
        await stores.delete(store.id, storeOuts);
        await plans.delete(plan.id, plan.outs);

        // The vendored spec is the propagation part of the SDK's OpenAPI; populations and users are outside it.
        const exchanges = proxy.exchanges.filter((e) => /^\/environments\/[^/]+\/propagation\//.test(e.path));
        const contract = new OpenApiContract();
        const { findings, responsesChecked } = checkExchanges(contract, exchanges);
        const used = new Set<number>();
        const violations = findings.filter((finding) => {
            const index = DEVIATIONS.findIndex((deviation) => matchesDeviation(finding, deviation));
            if (index >= 0) {
                used.add(index);
                return false;
            }
            return true;
        });
        const stale = DEVIATIONS.filter((_, i) => !used.has(i)).map((d) => `${d.kind} ${d.method} ${d.path}`);
        console.log(
            `      contract: ${exchanges.length} requests, ${responsesChecked} responses checked, ${DEVIATIONS.length} listed deviations, ${violations.length} violations`,
        );
        assert.deepEqual(
            violations.map((v) => `${v.kind} ${v.method} ${v.path}: ${v.message}`),
            [],
            "differences from the vendor spec that test/contract/deviations.ts does not list",
        );
        assert.deepEqual(stale, [], "listed deviations that no longer occur: remove them from deviations.ts");
    });
});
