import { strict as assert } from "node:assert";
import { AppRegistration, ExistingAppRegistration, UserProvisioning } from "../../sdk/docuware";
import { DocuWareClient } from "../../sdk/docuware/api/docuWareClient";
import { type RunningEmulators, startTestEmulators } from "../helpers/emulators";
import { docuwareState } from "../helpers/emulatorState";
import { type TestStack, printEngineVersion, requireEngine } from "../helpers/engine";
import { assertQuietPreview, emulatorStack, refreshPreview, upWithChanges } from "../helpers/lifecycle";

describe("DocuWare resources through the engine", function () {
    this.timeout(600_000);
    let emulators: RunningEmulators;
    const admin = () => DocuWareClient.fromConfig();
    const control = () => emulators.docuware[0]!.control;

    before(async function () {
        requireEngine(this);
        printEngineVersion();
        emulators = await startTestEmulators();
        emulators.useProviderEnvironment();
    });
    after(async () => emulators?.stop());

    describe("docuware.AppRegistration", () => {
        const vars = { lifetime: 3600 };
        let test: TestStack;
        let clientId: string;
        let created: string[];
        const registrations = async () => (await docuwareState(emulators)).AppRegistrations;

        before(async () => {
            test = await emulatorStack(emulators, "app-registration", async () => {
                const registration = new AppRegistration("reg", {
                    name: "Engine registration",
                    accessTokenLifetimeSeconds: vars.lifetime,
                });
                return { clientId: registration.clientId };
            });
            // Each test starts from the deployed registration, made here rather than by another test.
            created = await upWithChanges(test);
            clientId = (await test.stack.outputs()).clientId!.value as string;
        });
        after(async () => test?.dispose());

        it("creates it", async () => {
            assert.deepEqual(created, ["create reg"]);
            assert.ok((await registrations()).some((r) => r.ClientId === clientId));
        });

        it("previews no change without a request", () => assertQuietPreview(test, emulators));

        it("shows a rename in DocuWare Configuration on preview --refresh, and up restores it", async () => {
            await control().patch(`/app-registrations/${clientId}`, { Name: "Renamed in console" });
            assert.deepEqual(await refreshPreview(test), ["update reg [name]"]);
            assert.deepEqual(await upWithChanges(test, true), ["update reg [name]"]);
            assert.equal((await registrations()).find((r) => r.ClientId === clientId)?.Name, "Engine registration");
        });

        it("updates in place", async () => {
            vars.lifetime = 7200;
            assert.deepEqual(await upWithChanges(test), ["update reg [accessTokenLifetimeSeconds]"]);
            const live = (await registrations()).find((r) => r.ClientId === clientId);
            assert.equal(live?.AccessTokenLifetimeSeconds, 7200, "same registration, new lifetime");
        });

        it("adopts an existing registration by name instead of duplicating it", async () => {
            const existing = await admin().createAppRegistration({
                Name: "Made in the console",
                ApplicationType: "Service",
                GrantTypes: ["ClientCredentials"],
                AllowedResources: ["UserProvisioning"],
            });
            const adopting = await emulatorStack(emulators, "adopt-registration", async () => {
                const registration = new AppRegistration("adopted", { name: "Made in the console", adopt: true });
                return { clientId: registration.clientId };
            });
            try {
                await adopting.stack.up();
                assert.equal((await adopting.stack.outputs()).clientId!.value, existing.ClientId);
                assert.equal((await registrations()).filter((r) => r.Name === "Made in the console").length, 1);
            } finally {
                await adopting.dispose();
            }
            assert.ok(!(await registrations()).some((r) => r.Name === "Made in the console"), "destroy deletes it");
        });

        it("destroys it", async () => {
            await test.stack.destroy();
            assert.ok(!(await registrations()).some((r) => r.ClientId === clientId));
        });
    });

    describe("docuware.UserProvisioning", () => {
        const vars = { enabled: true };
        let test: TestStack;
        let settingsBefore: Awaited<ReturnType<typeof settings>>;
        const settings = async () => (await docuwareState(emulators)).UserProvisioning;

        before(async () => {
            test = await emulatorStack(emulators, "user-provisioning", async () => {
                const registration = new AppRegistration("reg", { name: "Provisioning registration" });
                const provisioning = new UserProvisioning("settings", {
                    appRegistrationClientId: registration.id,
                    enabled: vars.enabled,
                });
                return { scimBaseUrl: provisioning.scimBaseUrl, tokenUrl: provisioning.tokenUrl };
            });
            settingsBefore = await settings();
            await test.stack.up();
        });
        after(async () => test?.dispose());

        it("enables provisioning for Ping and outputs the URLs PingOne needs", async () => {
            const outputs = await test.stack.outputs();
            assert.equal(
                outputs.scimBaseUrl!.value,
                `${emulators.docuware[0]!.baseUrl}/DocuWare/Services/UserProvisioningService/ping/scim`,
            );
            assert.equal(outputs.tokenUrl!.value, `${emulators.docuware[0]!.identityServiceUrl}/connect/token`);
            assert.equal((await settings()).IdentityProvider, "Ping");
            assert.equal(settingsBefore.Enabled, false);
        });

        it("previews no change without a request", () => assertQuietPreview(test, emulators));

        it("shows a console change of the identity provider on preview --refresh, and up restores it", async () => {
            await control().patch("/user-provisioning", { IdentityProvider: "Okta" });
            assert.deepEqual(await refreshPreview(test), ["update settings [identityProvider]"]);
            await upWithChanges(test, true);
            assert.equal((await settings()).IdentityProvider, "Ping");
        });

        it("updates in place (disable)", async () => {
            vars.enabled = false;
            assert.deepEqual(await upWithChanges(test), ["update settings [enabled]"]);
            assert.equal((await settings()).Enabled, false);
        });

        it("puts the previous settings back on destroy", async () => {
            await test.stack.destroy();
            const restored = await settings();
            assert.equal(restored.Enabled, false);
            assert.equal(restored.AppRegistrationId, null);
            assert.equal((await docuwareState(emulators)).AppRegistrations.length, 0);
        });
    });

    describe("docuware.ExistingAppRegistration", () => {
        const vars: { secret: string } = { secret: "" };
        let test: TestStack;
        let clientId: string;

        before(async () => {
            // What an administrator does in DocuWare Configuration before using existing-registration mode.
            const registration = await admin().createAppRegistration({
                Name: "Cloud registration",
                ApplicationType: "Service",
                GrantTypes: ["ClientCredentials"],
                AllowedResources: ["UserProvisioning"],
            });
            clientId = registration.ClientId;
            vars.secret = registration.ClientSecret;
            await admin().putProvisioningSettings({
                Enabled: true,
                IdentityProvider: "Ping",
                AppRegistrationId: clientId,
            });
            test = await emulatorStack(emulators, "existing-registration", async () => {
                const existing = new ExistingAppRegistration("existing", { clientId, clientSecret: vars.secret });
                return { scimBaseUrl: existing.scimBaseUrl, accepted: existing.credentialsAccepted };
            });
            await test.stack.up();
        });
        after(async () => test?.dispose());

        it("verifies the credentials and derives the URLs", async () => {
            const outputs = await test.stack.outputs();
            assert.equal(outputs.accepted!.value, true);
            assert.match(
                outputs.scimBaseUrl!.value as string,
                /\/DocuWare\/Services\/UserProvisioningService\/ping\/scim$/,
            );
        });

        it("previews no change without a request", () => assertQuietPreview(test, emulators));

        it("shows a secret rotated in DocuWare as credentialsAccepted drift; up with the new secret fixes it", async () => {
            const rotated = await control().post<{ ClientSecret: string }>(
                `/app-registrations/${clientId}/rotate-secret`,
            );
            assert.deepEqual(await refreshPreview(test), ["update existing [credentialsAccepted]"]);
            await assert.rejects(test.stack.up({ refresh: true }), /DocuWare rejected the client id or secret/);
            vars.secret = rotated.ClientSecret;
            const changes = await upWithChanges(test, true);
            assert.ok(
                changes.some((c) => c.startsWith("update existing")),
                changes.join("; "),
            );
            assert.equal((await test.stack.outputs()).accepted!.value, true);
        });

        it("leaves the registration in DocuWare on destroy", async () => {
            await test.stack.destroy();
            assert.ok((await docuwareState(emulators)).AppRegistrations.some((r) => r.ClientId === clientId));
            await admin().putProvisioningSettings({ Enabled: false, IdentityProvider: null, AppRegistrationId: null });
            await admin().deleteAppRegistration(clientId);
        });
    });
});
