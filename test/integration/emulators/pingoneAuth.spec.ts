import assert from "node:assert/strict";
import { startPingOneEmulator, type PingOneEmulator } from "../../../emulators/pingone";
import { apiClient, expectStatus, fetchToken, http, type PingOneHarness, startHarness } from "./pingoneTestHarness";

const FORM = { "Content-Type": "application/x-www-form-urlencoded" };

function assertEnvelope(body: { id?: unknown; code?: unknown; message?: unknown }, code: string): void {
    assert.equal(typeof body.id, "string");
    assert.equal(body.code, code);
    assert.match(String(body.message), /^The request could not be completed\./);
}

describe("PingOne emulator: authentication and errors", () => {
    let harness: PingOneHarness;
    let emulator: PingOneEmulator;
    let tokenUrl: string;

    before(async () => {
        harness = await startHarness({ workerClientId: "worker-id", workerClientSecret: "worker-secret" });
        emulator = harness.emulator;
        tokenUrl = `${emulator.authUrl}/${emulator.environmentId}/as/token`;
    });
    after(() => harness.close());
    afterEach(async () => {
        await emulator.control.clearFaults();
        await emulator.control.setRateLimit(undefined);
    });

    describe("token endpoint", () => {
        it("issues a JWT-shaped bearer token with client_secret_basic", async () => {
            const response = await http.post(tokenUrl, "grant_type=client_credentials", {
                auth: { username: "worker-id", password: "worker-secret" },
                headers: FORM,
            });
            const body = expectStatus(response, 200);
            assert.equal(body.token_type, "Bearer");
            assert.equal(body.expires_in, 3600);
            assert.match(body.access_token, /^[\w-]+\.[\w-]+\.[\w-]+$/);
            assert.equal(response.headers["cache-control"], "no-store");
        });

        it("issues a token with client_secret_post", async () => {
            const form = "grant_type=client_credentials&client_id=worker-id&client_secret=worker-secret";
            expectStatus(await http.post(tokenUrl, form, { headers: FORM }), 200);
        });

        it("answers invalid_client 401 for a wrong secret or no credentials", async () => {
            const wrong = await http.post(tokenUrl, "grant_type=client_credentials", {
                auth: { username: "worker-id", password: "nope" },
                headers: FORM,
            });
            assert.equal(expectStatus(wrong, 401).error, "invalid_client");
            assert.match(String(wrong.headers["www-authenticate"]), /^Basic/);
            const anonymous = await http.post(tokenUrl, "grant_type=client_credentials", { headers: FORM });
            assert.equal(expectStatus(anonymous, 401).error, "invalid_client");
        });

        it("answers unsupported_grant_type and invalid_request with 400", async () => {
            const auth = { username: "worker-id", password: "worker-secret" };
            const password = await http.post(tokenUrl, "grant_type=password", { auth, headers: FORM });
            assert.equal(expectStatus(password, 400).error, "unsupported_grant_type");
            const missing = await http.post(tokenUrl, "scope=x", { auth, headers: FORM });
            assert.equal(expectStatus(missing, 400).error, "invalid_request");
            const json = await http.post(tokenUrl, { grant_type: "client_credentials" }, { auth });
            assert.equal(expectStatus(json, 400).error, "invalid_request");
            const both = await http.post(tokenUrl, "grant_type=client_credentials&client_secret=worker-secret", {
                auth,
                headers: FORM,
            });
            assert.equal(expectStatus(both, 400).error, "invalid_request");
        });

        it("refuses the other method with invalid_client when the worker app is limited to one", async () => {
            for (const method of ["client_secret_basic", "client_secret_post"] as const) {
                const limited = await startPingOneEmulator({
                    workerClientId: "worker-id",
                    workerClientSecret: "worker-secret",
                    tokenAuthMethod: method,
                });
                try {
                    const url = `${limited.authUrl}/${limited.environmentId}/as/token`;
                    const basic = await http.post(url, "grant_type=client_credentials", {
                        auth: { username: "worker-id", password: "worker-secret" },
                        headers: FORM,
                    });
                    const post = await http.post(
                        url,
                        "grant_type=client_credentials&client_id=worker-id&client_secret=worker-secret",
                        { headers: FORM },
                    );
                    const [accepted, refused] = method === "client_secret_basic" ? [basic, post] : [post, basic];
                    expectStatus(accepted, 200);
                    assert.equal(expectStatus(refused, 401).error, "invalid_client", method);
                } finally {
                    await limited.close();
                }
            }
        });

        it("answers OAuth errors for unknown environments and routes on the auth listener", async () => {
            const unknownEnv = await http.post(`${emulator.authUrl}/nope/as/token`, "grant_type=client_credentials", {
                headers: FORM,
            });
            assert.equal(expectStatus(unknownEnv, 404).error, "invalid_request");
            assert.equal(expectStatus(await http.get(`${emulator.authUrl}/whatever`), 404).error, "invalid_request");
        });

        it("rejects expired tokens with 401 ACCESS_FAILED", async () => {
            const shortLived = await startPingOneEmulator({ tokenLifetimeSeconds: 1 });
            try {
                const token = await fetchToken(shortLived);
                const api = apiClient(shortLived, shortLived.environmentId, token);
                expectStatus(await api.get(""), 200);
                await new Promise((resolve) => setTimeout(resolve, 2100));
                const expired = expectStatus(await api.get(""), 401);
                assertEnvelope(expired, "ACCESS_FAILED");
                assert.match(expired.message, /expired/);
            } finally {
                await shortLived.close();
            }
        });
    });

    describe("management API access", () => {
        it("answers 401 ACCESS_FAILED without a bearer token or with a forged one", async () => {
            const url = `${emulator.apiUrl}/environments/${emulator.environmentId}/users`;
            const missing = await http.get(url);
            assertEnvelope(expectStatus(missing, 401), "ACCESS_FAILED");
            assert.match(String(missing.headers["www-authenticate"]), /^Bearer/);
            const forged = await http.get(url, { headers: { Authorization: `Bearer ${harness.token}x` } });
            assertEnvelope(expectStatus(forged, 401), "ACCESS_FAILED");
        });

        it("lets a worker token manage every environment where the worker holds a role, 403 elsewhere", async () => {
            const two = await startPingOneEmulator({ environments: [{ name: "A" }, { name: "B" }] });
            try {
                const [first, second] = two.environmentIds as [string, string];
                const token = await fetchToken(two, first);
                expectStatus(await apiClient(two, first, token).get(""), 200);
                const other = expectStatus(await apiClient(two, second, token).get("/propagation/stores"), 200);
                assert.equal(other._embedded.stores[0].environment.id, second);
                await two.control.put("/worker/roles", { environmentIds: [first] });
                assertEnvelope(expectStatus(await apiClient(two, second, token).get(""), 403), "ACCESS_FAILED");
                expectStatus(await apiClient(two, first, token).get(""), 200);
                await two.control.put("/worker/roles", { environmentIds: null });
                expectStatus(await apiClient(two, second, token).get(""), 200);
            } finally {
                await two.close();
            }
        });

        it("returns the environment with HAL links", async () => {
            const environment = expectStatus(await harness.api.get(""), 200);
            assert.equal(environment.id, emulator.environmentId);
            assert.equal(environment._links.self.href, `${emulator.apiUrl}/environments/${emulator.environmentId}`);
        });

        it("answers unknown routes with 404 NOT_FOUND and wrong methods with 405", async () => {
            assertEnvelope(expectStatus(await harness.api.get("/nothing-here"), 404), "NOT_FOUND");
            assertEnvelope(expectStatus(await harness.api.get("/users/4b4f8b9e-unknown"), 404), "NOT_FOUND");
            const wrongMethod = await harness.api.patch("/propagation/revisions/id:latest", {});
            const body = expectStatus(wrongMethod, 405);
            assert.equal(typeof body.id, "string");
            assert.equal(body.code, undefined, "no source documents a code for 405");
            assert.match(String(wrongMethod.headers["allow"]), /GET/);
        });

        it("answers malformed JSON and non-object bodies with 400, unknown content types with 415 INVALID_REQUEST", async () => {
            const headers = { "Content-Type": "application/json" };
            assertEnvelope(
                expectStatus(await harness.api.post("/users", "{oops", { headers }), 400),
                "INVALID_REQUEST",
            );
            assertEnvelope(expectStatus(await harness.api.post("/users", "[1]", { headers }), 400), "INVALID_REQUEST");
            const xml = await harness.api.post("/users", "<user/>", { headers: { "Content-Type": "application/xml" } });
            assertEnvelope(expectStatus(xml, 415), "INVALID_REQUEST");
            const form = await harness.api.post("/users", "username=x", {
                headers: { "Content-Type": "application/x-www-form-urlencoded" },
            });
            assertEnvelope(expectStatus(form, 415), "INVALID_REQUEST");
        });
    });

    describe("fault injection and rate limiting", () => {
        it("answers an injected status with the PingOne envelope and Retry-After", async () => {
            await emulator.control.addFault({
                route: "GET /v1/environments/:envId/users",
                kind: "status",
                status: 503,
                retryAfterSeconds: 2,
            });
            const faulted = await harness.api.get("/users");
            assertEnvelope(expectStatus(faulted, 503), "UNEXPECTED_ERROR");
            assert.equal(faulted.headers["retry-after"], "2");
            expectStatus(await harness.api.get("/users"), 200);
        });

        it("answers 429 REQUEST_LIMITED with Retry-After when rate limited, across both listeners", async () => {
            await emulator.control.setRateLimit({ requestsPerSecond: 0.5, burst: 1 });
            expectStatus(await harness.api.get("/users"), 200);
            const limited = await http.post(tokenUrl, "grant_type=client_credentials", { headers: FORM });
            assertEnvelope(expectStatus(limited, 429), "REQUEST_LIMITED");
            assert.ok(Number(limited.headers["retry-after"]) >= 1);
        });

        it("counts requests of both listeners in one control plane", async () => {
            await emulator.control.resetRequests();
            await fetchToken(emulator);
            await harness.api.get("/populations");
            const summary = await emulator.control.requests();
            assert.equal(summary.byRoute["POST /:envId/as/token"], 1);
            assert.equal(summary.byRoute["GET /v1/environments/:envId/populations"], 1);
        });
    });
});
