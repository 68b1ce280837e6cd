import { strict as assert } from "node:assert";
import * as http from "node:http";
import { toStoreWrite } from "../../../sdk/pingone/resources/propagationStoreDefinition";
import { ProviderHarness } from "../../helpers/providers";
import { type RunningEmulators, startTestEmulators } from "../../helpers/emulators";
import { waitFor } from "../../helpers/waitFor";

const STORES = "POST /v1/environments/:envId/propagation/stores";

describe("Emulator control API: the `hold` fault", function () {
    this.timeout(30_000);
    let emulators: RunningEmulators;
    const stores = new ProviderHarness("pingone:PropagationStore");
    const inputs = (name: string) => ({
        name,
        scimUrl: "https://acme.docuware.cloud/DocuWare/Services/UserProvisioningService/ping/scim",
        authenticationMethod: "None",
    });
    const storeNames = async () => {
        const state = await emulators.pingone.control.get<{
            environments: Record<string, { stores: Record<string, { name: string }> }>;
        }>("/state");
        return Object.values(state.environments[emulators.pingone.environmentId]!.stores).map((s) => s.name);
    };
    const heldOnce = async () => {
        let holds = await emulators.pingone.control.holds();
        assert.ok(await waitFor(async () => (holds = await emulators.pingone.control.holds()).length > 0), "held");
        return holds[0]!;
    };

    before(async () => {
        emulators = await startTestEmulators();
        emulators.useProviderEnvironment();
        process.env.DOCUWARE_PINGONE_MAX_RETRIES = "0";
    });
    after(async () => {
        delete process.env.DOCUWARE_PINGONE_MAX_RETRIES;
        await emulators?.stop();
    });

    it("holds the n-th matching request until released; `complete` makes the change and answers", async () => {
        await stores.create(inputs("first"));
        await emulators.pingone.control.addFault({ route: STORES, kind: "hold", skip: 1 });
        await stores.create(inputs("second")); // the first matching request after the fault passes (skip: 1)
        const pending = stores.create(inputs("third"));
        const held = await heldOnce();
        assert.equal(`${held.method} ${held.route}`, STORES);
        assert.ok(!(await storeNames()).includes("third"), "nothing happens while held");
        await emulators.pingone.control.release(held.id, "complete");
        assert.equal((await pending).outs.name, "third");
        assert.ok((await storeNames()).includes("third"));
    });

    it("`complete` makes the change even when the client is gone (killed) while the request is held", async () => {
        const pingone = emulators.connection().pingone;
        const tokenResponse = await fetch(`${pingone.authUrl}/${pingone.environmentId}/as/token`, {
            method: "POST",
            headers: {
                authorization: `Basic ${Buffer.from(`${pingone.workerClientId}:${pingone.workerClientSecret}`).toString("base64")}`,
                "content-type": "application/x-www-form-urlencoded",
            },
            body: "grant_type=client_credentials",
        });
        const { access_token: token } = (await tokenResponse.json()) as { access_token: string };
        await emulators.pingone.control.addFault({ route: STORES, kind: "hold" });
        const request = http.request(`${pingone.apiUrl}/environments/${pingone.environmentId}/propagation/stores`, {
            method: "POST",
            headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        });
        request.on("error", () => undefined);
        request.end(JSON.stringify({ ...toStoreWrite((await stores.checked(inputs("orphaned"))) as never) }));
        const held = await heldOnce();
        request.destroy(); // the deployment is killed
        await new Promise((resolve) => setTimeout(resolve, 100));
        await emulators.pingone.control.release(held.id, "complete");
        assert.ok((await storeNames()).includes("orphaned"), "the change is made; nobody reads the answer");
    });

    it("`drop` closes the connection without making the change", async () => {
        await emulators.pingone.control.addFault({ route: STORES, kind: "hold" });
        await emulators.pingone.control.resetRequests();
        const pending = stores.create(inputs("dropped"));
        await emulators.pingone.control.release((await heldOnce()).id, "drop");
        // The provider finds no store after the reset (the drop made no change) and creates it once more.
        await pending;
        const posts = (await emulators.pingone.control.requests()).log.filter(
            (r) => `${r.method} ${r.route}` === STORES,
        );
        assert.equal(posts.length, 2);
        assert.equal((await storeNames()).filter((n) => n === "dropped").length, 1);
    });
});
