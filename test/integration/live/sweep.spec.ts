import { strict as assert } from "node:assert";
import { httpSettings } from "../../../sdk/config/httpSettings";
import { DocuWareScimClient } from "../../../sdk/docuware/api/docuWareScimClient";
import { PingOneClient } from "../../../sdk/pingone/api/pingOneClient";
import { PropagationClient } from "../../../sdk/pingone/api/propagationClient";
import { PopulationSchema } from "../../../sdk/pingone/api/schemas";
import { sweep } from "../../live/sweep";
import { enableProvisioning, tokenEndpoint } from "../../helpers/docuwareTestClient";
import { type RunningEmulators, startTestEmulators } from "../../helpers/emulators";
import { ProviderHarness } from "../../helpers/providers";

const SCIM_USER = "urn:ietf:params:scim:schemas:core:2.0:User";

describe("live sweep", function () {
    this.timeout(60_000);
    let emulators: RunningEmulators;

    before(async () => {
        emulators = await startTestEmulators();
        emulators.useProviderEnvironment();
    });
    after(async () => emulators?.stop());

    it("deletes what is named with the prefix, through public APIs, and keeps everything else", async () => {
        const env = emulators.pingone.environmentId;
        const pingone = PingOneClient.fromConfig();
        const propagation = new PropagationClient(pingone, env);
        const stores = new ProviderHarness("pingone:PropagationStore");
        const store = (name: string) =>
            stores.create({
                name,
                scimUrl: "https://acme.docuware.cloud/DocuWare/Services/UserProvisioningService/ping/scim",
                oauthTokenUrl: "https://login.example/connect/token",
                oauthClientId: "client",
                oauthClientSecret: "secret-value",
            });
        const population = (name: string) =>
            pingone.http.request({
                method: "POST",
                path: `/environments/${env}/populations`,
                body: { name },
                responseSchema: PopulationSchema,
            });
        const user = (username: string) => pingone.createUser(env, { username, email: `${username}@example.com` });
        await propagation.createPlan({ name: "dwp-live-abc plan" });
        for (const name of ["dwp-live-abc DocuWare", "Production DocuWare", "x dwp-live-abc"]) {
            await store(name);
        }
        for (const name of ["dwp-live-abc-population", "Staff"]) {
            await population(name);
        }
        for (const name of ["dwp-live-abc-user", "dwp-live-abd-user", "jdoe"]) {
            await user(name);
        }
        const { scim: docuware, registration, scimBaseUrl } = await enableProvisioning(emulators.docuware[0]!, "Ping");
        for (const userName of ["dwp-live-abc-user", "alice"]) {
            await docuware.post("/Users", { schemas: [SCIM_USER], userName, externalId: userName });
        }
        const scim = new DocuWareScimClient(
            {
                scimBaseUrl,
                tokenUrl: tokenEndpoint(emulators.docuware[0]!),
                clientId: registration.ClientId,
                clientSecret: registration.ClientSecret,
            },
            httpSettings(),
        );

        const report = await sweep("dwp-live-abc", { pingone, environmentId: env, scim });

        assert.deepEqual(report.sort(), [
            "DocuWare user dwp-live-abc-user",
            "connection dwp-live-abc DocuWare",
            "plan dwp-live-abc plan",
            "population dwp-live-abc-population",
            "user dwp-live-abc-user",
        ]);
        assert.deepEqual((await propagation.listStores()).map((s) => s.name).sort(), [
            "PingOne Directory",
            "Production DocuWare",
            "x dwp-live-abc",
        ]);
        assert.deepEqual(await propagation.listPlans(), []);
        assert.ok(await pingone.findPopulationByName(env, "Staff"));
        assert.equal(await pingone.findPopulationByName(env, "dwp-live-abc-population"), undefined);
        assert.ok(await pingone.findUserByUsername(env, "dwp-live-abd-user"));
        assert.ok(await pingone.findUserByUsername(env, "jdoe"));
        assert.equal(await pingone.findUserByUsername(env, "dwp-live-abc-user"), undefined);
        assert.deepEqual(
            (await scim.listAllUsers()).map((u) => u.userName),
            ["alice"],
        );
        await assert.rejects(sweep("dw", { pingone, environmentId: env }), /at least 3 characters/);
    });
});
