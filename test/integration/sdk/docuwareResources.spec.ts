import { strict as assert } from "node:assert";
import { UnsupportedApiError } from "../../../sdk/core/errors";
import { clearProcessCaches } from "../../../sdk/core/processCache";
import { ROTATED_OUTSIDE_PULUMI } from "../../../sdk/docuware/resources/appRegistrationDefinition";
import { EXISTING_REGISTRATION_README_URL } from "../../../sdk/docuware/api/docuWareClient";
import { type RunningEmulators, startTestEmulators } from "../../helpers/emulators";
import { ProviderHarness } from "../../helpers/providers";

interface DocuWareState {
    AppRegistrations: { ClientId: string; Name: string }[];
    UserProvisioning: { Enabled: boolean; IdentityProvider: string | null; AppRegistrationId: string | null };
}

describe("DocuWare dynamic providers against the emulator", function () {
    this.timeout(60_000);
    let emulators: RunningEmulators;
    const registrations = new ProviderHarness("docuware:AppRegistration");
    const provisioning = new ProviderHarness("docuware:UserProvisioning");
    const existing = new ProviderHarness("docuware:ExistingAppRegistration");
    const state = () => emulators.docuware[0]!.control.get<DocuWareState>("/state");

    before(async () => {
        emulators = await startTestEmulators();
        emulators.useProviderEnvironment();
    });
    after(async () => emulators?.stop());

    describe("AppRegistration", () => {
        it("checks inputs without any request, applying defaults and naming bad fields", async () => {
            await emulators.docuware[0]!.control.resetRequests();
            const inputs = await registrations.checked({ name: "PingOne provisioning" });
            assert.equal(inputs.organizationUrl, emulators.docuware[0]!.baseUrl);
            assert.deepEqual(inputs.allowedResources, ["UserProvisioning"]);
            assert.equal(inputs.accessTokenLifetimeSeconds, 3600);
            assert.equal(inputs.secretVersion, "1");
            assert.deepEqual(await registrations.failures({ name: "", accessTokenLifetimeSeconds: 10 }), [
                "name: name must not be empty",
                "accessTokenLifetimeSeconds: accessTokenLifetimeSeconds must be at least 300 (5 minutes)",
            ]);
            assert.deepEqual(await registrations.failures({ name: "x", organizationUrl: "acme.docuware.cloud" }), [
                'organizationUrl: organizationUrl must be an absolute https URL such as https://acme.docuware.cloud, got "acme.docuware.cloud"',
            ]);
            assert.equal((await emulators.docuware[0]!.control.requests()).total, 0);
        });

        let id: string;
        let outs: Record<string, unknown>;

        it("creates a registration whose secret obtains tokens", async () => {
            ({ id, outs } = await registrations.create({ name: "PingOne provisioning" }));
            assert.equal(outs.clientId, id);
            assert.equal(typeof outs.clientSecret, "string");
            assert.ok((outs.clientSecret as string).length > 10);
            const names = (await state()).AppRegistrations.map((r) => r.Name);
            assert.ok(names.includes("PingOne provisioning"));
        });

        it("reads back no drift, then exactly the field changed out of band", async () => {
            const live = await registrations.read(id, outs);
            assert.deepEqual(await registrations.diff(id, live!, { name: "PingOne provisioning" }), {
                changes: false,
                replaces: [],
            });
            await emulators.docuware[0]!.control.patch(`/app-registrations/${id}`, { Name: "Renamed in console" });
            const drifted = await registrations.read(id, outs);
            assert.equal(drifted!.name, "Renamed in console");
            assert.equal(drifted!.clientSecret, outs.clientSecret, "the write-only secret is kept from state");
            assert.deepEqual(await registrations.diff(id, drifted!, { name: "PingOne provisioning" }), {
                changes: true,
                replaces: [],
            });
            outs = await registrations.update(id, drifted!, { name: "PingOne provisioning" });
            assert.equal(outs.name, "PingOne provisioning");
        });

        it("reports an out-of-band secret rotation as secretVersion drift, and rotates in place on update", async () => {
            await emulators.docuware[0]!.control.post(`/app-registrations/${id}/rotate-secret`);
            const live = await registrations.read(id, outs);
            assert.equal(live!.secretVersion, `1 ${ROTATED_OUTSIDE_PULUMI}`);
            const rotated = await registrations.update(id, live!, { name: "PingOne provisioning" });
            assert.equal(rotated.clientId, id, "rotation keeps the registration");
            assert.notEqual(rotated.clientSecret, outs.clientSecret);
            assert.equal((await registrations.read(id, rotated))!.secretVersion, "1");
            outs = rotated;
        });

        it("refuses to duplicate a registration by name unless adopting it", async () => {
            await assert.rejects(registrations.create({ name: "PingOne provisioning" }), (error: Error) => {
                assert.match(
                    error.message,
                    /DocuWare app registration "PingOne provisioning" \(client id .+\) already exists .*set `adopt: true`/,
                );
                return true;
            });
            const adopted = await registrations.create({ name: "PingOne provisioning", adopt: true });
            assert.equal(adopted.id, id);
            assert.notEqual(adopted.outs.clientSecret, outs.clientSecret, "adopting rotates the secret to learn it");
            outs = adopted.outs;
        });

        it("signs in at the token URL in state, without discovery; discovers when that URL stops working", async () => {
            const control = emulators.docuware[0]!.control;
            const discoveryRoutes = async () =>
                (await control.requests()).log
                    .map((r) => r.route)
                    .filter((route) => /IdentityServiceInfo|openid-configuration/.test(route));
            const tokenUrl = `${emulators.docuware[0]!.identityServiceUrl}/connect/token`;
            assert.equal(outs.tokenUrl, tokenUrl, "the registration keeps the organization's token endpoint");

            clearProcessCaches(); // a new operation, as a new provider process
            await control.resetRequests();
            assert.equal((await registrations.read(id, outs))!.name, "PingOne provisioning");
            assert.deepEqual(await discoveryRoutes(), []);

            clearProcessCaches();
            await control.resetRequests();
            const moved = `${emulators.docuware[0]!.identityServiceUrl}/moved/connect/token`;
            const live = await registrations.read(id, { ...outs, tokenUrl: moved });
            assert.equal(live!.name, "PingOne provisioning");
            assert.equal(live!.secretVersion, outs.secretVersion, "the stored secret still works");
            assert.equal(live!.tokenUrl, tokenUrl, "state gets the endpoint discovery found");
            assert.equal((await discoveryRoutes()).length, 2);
        });

        describe("UserProvisioning", () => {
            let settingsId: string;
            let settings: Record<string, unknown>;

            it("enables provisioning for Ping and returns the SCIM base URL and token URL", async () => {
                ({ id: settingsId, outs: settings } = await provisioning.create({ appRegistrationClientId: id }));
                const base = emulators.docuware[0]!.baseUrl;
                assert.equal(settings.scimBaseUrl, `${base}/DocuWare/Services/UserProvisioningService/ping/scim`);
                assert.equal(settings.tokenUrl, `${emulators.docuware[0]!.identityServiceUrl}/connect/token`);
                assert.deepEqual((await state()).UserProvisioning, {
                    ...(await state()).UserProvisioning,
                    Enabled: true,
                    IdentityProvider: "Ping",
                    AppRegistrationId: id,
                });
            });

            it("shows a console change of the identity provider as drift of that field", async () => {
                await emulators.docuware[0]!.control.patch("/user-provisioning", { IdentityProvider: "Okta" });
                const live = await provisioning.read(settingsId, settings);
                assert.equal(live!.identityProvider, "okta");
                assert.deepEqual(await provisioning.diff(settingsId, live!, { appRegistrationClientId: id }), {
                    changes: true,
                    replaces: [],
                });
                settings = await provisioning.update(settingsId, live!, { appRegistrationClientId: id });
                assert.equal(settings.identityProvider, "ping");
            });

            it("ExistingAppRegistration verifies working credentials and reports when they stop working", async () => {
                const created = await existing.create({ clientId: id, clientSecret: outs.clientSecret });
                assert.equal(created.outs.credentialsAccepted, true);
                assert.equal(created.outs.scimBaseUrl, settings.scimBaseUrl);
                assert.equal(created.outs.tokenUrl, settings.tokenUrl);
                assert.ok(!created.id.includes(id), "the resource id does not reveal the client id");

                await emulators.docuware[0]!.control.post(`/app-registrations/${id}/rotate-secret`);
                const live = await existing.read(created.id, created.outs);
                assert.equal(live!.credentialsAccepted, false);
                assert.match(
                    live!.checkFailure as string,
                    /^token: .*invalid_client.*\(fix: DocuWare rejected the client id or secret/,
                );
                assert.deepEqual(
                    await existing.diff(created.id, live!, { clientId: id, clientSecret: outs.clientSecret }),
                    {
                        changes: true,
                        replaces: [],
                    },
                );
                await assert.rejects(
                    existing.create({ clientId: id, clientSecret: outs.clientSecret }),
                    /The DocuWare app registration cannot be used for provisioning: token: .*invalid_client/,
                );
                outs = await registrations.update(id, outs, { name: "PingOne provisioning", secretVersion: 2 });
            });

            it("restores the settings it found when deleted, then the registration can go", async () => {
                await provisioning.delete(settingsId, settings);
                const restored = (await state()).UserProvisioning;
                assert.equal(restored.Enabled, false);
                assert.equal(restored.AppRegistrationId, null);
                await registrations.delete(id, outs);
                assert.ok(!(await state()).AppRegistrations.some((r) => r.ClientId === id));
                assert.equal(await registrations.read(id, outs), undefined, "a deleted registration reads as gone");
                await registrations.delete(id, outs); // already gone: done, no error
            });
        });
    });
});

describe("DocuWare without a management API (as DocuWare Cloud)", function () {
    this.timeout(60_000);
    let emulators: RunningEmulators;
    const registrations = new ProviderHarness("docuware:AppRegistration");
    const provisioning = new ProviderHarness("docuware:UserProvisioning");

    before(async () => {
        emulators = await startTestEmulators({ docuwareManagementApi: false });
        emulators.useProviderEnvironment();
    });
    after(async () => emulators?.stop());

    const expectUnsupported = (thrown: unknown) => {
        // A failed read is reported as ReadFailedError (state unchanged) with the unsupported API as its cause.
        const error = thrown instanceof UnsupportedApiError ? thrown : (thrown as Error).cause;
        assert.ok(error instanceof UnsupportedApiError, String(thrown));
        assert.equal(error.status, 404);
        assert.match(error.message, /DocuWare publishes none/);
        assert.match(error.message, /`existingRegistration`/);
        assert.ok(error.message.includes(EXISTING_REGISTRATION_README_URL));
        assert.doesNotMatch(error.message, /failed with HTTP/, "one message, not the raw HTTP error");
        return true;
    };

    it("fails the first call with one message pointing to existingRegistration, not a raw HTTP error", async () => {
        await assert.rejects(registrations.create({ name: "PingOne provisioning" }), expectUnsupported);
        await assert.rejects(
            provisioning.read("settings", { appRegistrationClientId: "x", enabled: true }),
            expectUnsupported,
        );
    });

    it("never takes the missing API for a deleted registration", async () => {
        await assert.rejects(
            registrations.read("some-client-id", {
                name: "x",
                clientId: "some-client-id",
                clientSecret: "secret-value",
            }),
            expectUnsupported,
        );
        await assert.rejects(
            registrations.delete("some-client-id", { name: "x", clientId: "some-client-id" }),
            expectUnsupported,
        );
    });
});
