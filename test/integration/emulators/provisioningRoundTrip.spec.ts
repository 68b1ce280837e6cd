import assert from "node:assert/strict";
import { type DocuWareEmulator, startDocuWareEmulator } from "../../../emulators/docuware";
import {
    configureOutboundRule,
    expectStatus,
    http,
    type PingOneHarness,
    scimStoreBody,
    startHarness,
} from "./pingoneTestHarness";

/** DocuWare tokens live this long, so a rotated secret shows within the test instead of after an hour. */
const DOCUWARE_TOKEN_LIFETIME_SECONDS = 2;

type ScimUser = {
    id: string;
    userName: string;
    externalId?: string;
    active: boolean;
    name?: { givenName?: string; familyName?: string };
    emails?: { type?: string; value: string; primary?: boolean }[];
};

/**
 * PingOne → DocuWare provisioning end to end, through public endpoints only: DocuWare's admin API sets up the app
 * registration and User Provisioning, PingOne's management API the SCIM connection, rule and mappings of the
 * DocuWare guide; users then flow over real HTTP from the PingOne engine into DocuWare's SCIM service.
 */
describe("provisioning round trip: PingOne emulator → DocuWare emulator", () => {
    let pingOne: PingOneHarness;
    let docuWare: DocuWareEmulator;
    let registration: { ClientId: string; ClientSecret: string };
    let provisioning: { ScimBaseUrl: string; TokenEndpoint: string };
    let storeId: string;
    let ruleId: string;
    let userId: string;

    const clientCredentialsToken = async (tokenUrl: string, clientId: string, secret: string, scope?: string) => {
        const form = new URLSearchParams({
            grant_type: "client_credentials",
            client_id: clientId,
            client_secret: secret,
        });
        if (scope) {
            form.set("scope", scope);
        }
        const response = await http.post(tokenUrl, form.toString(), {
            headers: { "Content-Type": "application/x-www-form-urlencoded" },
        });
        return expectStatus(response, 200).access_token as string;
    };
    /** DocuWare's admin API, with a fresh admin token per call (they are short-lived here). */
    const docuWareAdmin = async (method: "GET" | "POST" | "PUT", path: string, data?: unknown) => {
        const tokenUrl = `${docuWare.identityServiceUrl}/connect/token`;
        const token = await clientCredentialsToken(
            tokenUrl,
            docuWare.adminClientId,
            docuWare.adminClientSecret,
            "docuware.platform",
        );
        return http.request({
            method,
            url: `${docuWare.baseUrl}/DocuWare/Platform/Organizations/${docuWare.organizationId}${path}`,
            data,
            headers: { Authorization: `Bearer ${token}`, Accept: "application/json" },
        });
    };
    /** What DocuWare's SCIM service holds for a userName, read with the registration PingOne uses. */
    const docuWareScimUser = async (userName: string): Promise<ScimUser | undefined> => {
        const token = await clientCredentialsToken(
            provisioning.TokenEndpoint,
            registration.ClientId,
            registration.ClientSecret,
        );
        const response = await http.get(`${provisioning.ScimBaseUrl}/Users`, {
            params: { filter: `userName eq "${userName}"` },
            headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/scim+json" },
        });
        return expectStatus(response, 200).Resources[0];
    };
    const syncAndRead = async () => {
        await pingOne.emulator.waitForProvisioningIdle();
        return docuWareScimUser("jdoe");
    };

    before(async () => {
        docuWare = await startDocuWareEmulator({ tokenLifetimeSeconds: DOCUWARE_TOKEN_LIFETIME_SECONDS });
        pingOne = await startHarness();

        // DocuWare Configuration > General > User Provisioning: registration, Ping, the two URLs.
        registration = expectStatus(
            await docuWareAdmin("POST", "/AppRegistrations", {
                Name: "PingOne User Provisioning",
                ApplicationType: "Web",
                GrantTypes: ["ClientCredentials"],
                AllowedResources: ["UserProvisioning"],
            }),
            201,
        );
        provisioning = expectStatus(
            await docuWareAdmin("PUT", "/UserProvisioning", {
                Enabled: true,
                IdentityProvider: "Ping",
                AppRegistrationId: registration.ClientId,
            }),
            200,
        );

        // PingOne Integrations > Provisioning: the SCIM Outbound connection with those four values.
        const store = scimStoreBody(
            {
                SCIM_URL: provisioning.ScimBaseUrl,
                OAUTH_TOKEN_REQUEST: provisioning.TokenEndpoint,
                OAUTH_CLIENT_ID: registration.ClientId,
                OAUTH_CLIENT_SECRET: registration.ClientSecret,
            },
            { name: "DocuWare" },
        );
        const check = await pingOne.api.post("/propagation/stores/connection/status", store, {
            headers: { "Content-Type": "application/vnd.pingidentity.connection.check+json" },
        });
        expectStatus(check, 200);
        storeId = expectStatus(await pingOne.api.post("/propagation/stores", store), 201).id;
        ruleId = await configureOutboundRule(pingOne, storeId);
    });
    after(async () => {
        await pingOne?.close();
        await docuWare?.close();
    });

    it("provisions a new Default-population user into DocuWare with the mapped attributes", async () => {
        const created = await pingOne.api.post("/users", {
            username: "jdoe",
            email: "jane.doe@example.com",
            name: { given: "Jane", family: "Doe" },
        });
        userId = expectStatus(created, 201).id;
        const scim = await syncAndRead();
        assert.ok(scim, "the user exists in DocuWare's SCIM /Users");
        assert.equal(scim.userName, "jdoe");
        assert.equal(scim.externalId, userId);
        assert.equal(scim.active, true);
        assert.deepEqual([scim.name?.givenName, scim.name?.familyName], ["Jane", "Doe"]);
        assert.equal(scim.emails?.find((e) => e.type === "work")?.value, "jane.doe@example.com");

        const platform = expectStatus(await docuWareAdmin("GET", "/Users"), 200).User as Record<string, unknown>[];
        const user = platform.find((u) => u["Name"] === "jdoe");
        assert.deepEqual(
            [user?.["FirstName"], user?.["LastName"], user?.["EMail"], user?.["Active"], user?.["ExternalIdpUserId"]],
            ["Jane", "Doe", "jane.doe@example.com", true, userId],
        );
        const status = expectStatus(await pingOne.api.get(`/users/${userId}/syncedRules/${ruleId}`), 200);
        assert.equal(status.status, "SUCCESS");
    });

    it("deactivates the DocuWare user when the PingOne user is disabled", async () => {
        expectStatus(await pingOne.api.put(`/users/${userId}/enabled`, { enabled: false }), 200);
        assert.equal((await syncAndRead())?.active, false);
        expectStatus(await pingOne.api.put(`/users/${userId}/enabled`, { enabled: true }), 200);
        assert.equal((await syncAndRead())?.active, true);
    });

    it("deprovisions per REMOVE_ACTION=Disable when the user moves out of the Default population", async () => {
        const other = expectStatus(await pingOne.api.post("/populations", { name: "Contractors" }), 201);
        expectStatus(await pingOne.api.put(`/users/${userId}/population`, { id: other.id }), 200);
        const scim = await syncAndRead();
        assert.ok(scim, "the user is kept in DocuWare");
        assert.equal(scim.active, false);
        const store = expectStatus(await pingOne.api.get(`/propagation/stores/${storeId}`), 200);
        assert.equal(store.syncStatus.syncState, "SYNCING");
        assert.equal(store.syncStatus.userTotal, 0);
    });

    it("shows FAILED with a 401 detail after the DocuWare secret is rotated out of band", async () => {
        const rotated = await docuWareAdmin("POST", `/AppRegistrations/${registration.ClientId}/Secret`);
        const newSecret = expectStatus(rotated, 200).ClientSecret as string;
        assert.notEqual(newSecret, registration.ClientSecret);
        // PingOne keeps using its cached DocuWare token until it expires; only then does the old secret fail.
        await new Promise((resolve) => setTimeout(resolve, DOCUWARE_TOKEN_LIFETIME_SECONDS * 1000 + 200));

        const defaultPopulation = { id: pingOne.defaultPopulationId };
        expectStatus(await pingOne.api.put(`/users/${userId}/population`, defaultPopulation), 200);
        await pingOne.emulator.waitForProvisioningIdle();

        const store = expectStatus(await pingOne.api.get(`/propagation/stores/${storeId}`), 200);
        assert.equal(store.syncStatus.syncState, "FAILED");
        assert.match(store.syncStatus.details, /401/);
        assert.match(store.syncStatus.details, /invalid_client/);
        assert.equal(store.syncStatus.failedCount, 1);
        const perUser = expectStatus(await pingOne.api.get(`/users/${userId}/syncedRules/${ruleId}`), 200);
        assert.equal(perUser.status, "FAILED");
        registration = { ...registration, ClientSecret: newSecret };
        assert.equal((await docuWareScimUser("jdoe"))?.active, false, "DocuWare did not receive the change");
    });
});
