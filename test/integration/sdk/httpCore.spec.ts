import { strict as assert } from "node:assert";
import { z } from "zod";
import { httpSettings } from "../../../sdk/config/httpSettings";
import {
    ApiError,
    NotFoundError,
    RequestValidationError,
    ResponseValidationError,
    TransportError,
} from "../../../sdk/core/errors";
import { HttpClient, type RetryEvent } from "../../../sdk/core/httpClient";
import { parseDocuWareError } from "../../../sdk/docuware/api/parseDocuWareError";
import { PingOneClient } from "../../../sdk/pingone/api/pingOneClient";
import { PropagationClient } from "../../../sdk/pingone/api/propagationClient";
import { pingOneSettings } from "../../../sdk/pingone/api/settings";
import { type RunningEmulators, startTestEmulators } from "../../helpers/emulators";
import { ProviderHarness } from "../../helpers/providers";

const STORE_ROUTE = "/v1/environments/:envId/propagation/stores";

describe("HTTP core against the emulators: retries, tokens, typed errors, redaction", function () {
    this.timeout(60_000);
    let emulators: RunningEmulators;
    let retries: RetryEvent[];
    const api = () => {
        const client = new PingOneClient(pingOneSettings(), { timeoutMs: 1500, retry: { baseDelayMs: 20 } }, (event) =>
            retries.push(event),
        );
        return new PropagationClient(client, emulators.pingone.environmentId);
    };
    const control = () => emulators.pingone.control;
    const countOf = async (key: string) => (await control().requests()).byRoute[key] ?? 0;

    before(async () => {
        emulators = await startTestEmulators();
        emulators.useProviderEnvironment();
    });
    beforeEach(async () => {
        retries = [];
        await control().clearFaults();
        await control().resetRequests();
    });
    after(async () => emulators?.stop());

    it("honours Retry-After on 429, spread by jitter, and succeeds", async () => {
        await control().addFault({ route: `GET ${STORE_ROUTE}`, kind: "status", status: 429, retryAfterSeconds: 1 });
        const started = Date.now();
        const stores = await api().listStores();
        assert.ok(stores.some((s) => s.type === "directory"));
        assert.ok(Date.now() - started >= 1000, "waited for Retry-After");
        assert.deepEqual(
            retries.map((r) => r.reason),
            ["HTTP 429"],
        );
        assert.ok(retries[0]!.delayMs >= 1000 && retries[0]!.delayMs <= 2000, `waited ${retries[0]!.delayMs} ms`);
    });

    it("waits out a rate limit longer than the retry count, within its time budget", async () => {
        await control().addFault({
            route: `GET ${STORE_ROUTE}`,
            kind: "status",
            status: 429,
            retryAfterSeconds: 0,
            times: 8,
        });
        await api().listStores();
        assert.equal(retries.length, 8, "8 rate-limited answers, more than maxRetries (5), did not fail the request");
        const budgeted = new PingOneClient(pingOneSettings(), {
            timeoutMs: 1500,
            retry: { baseDelayMs: 20, rateLimitBudgetMs: 100 },
        });
        await control().addFault({ route: `GET ${STORE_ROUTE}`, kind: "status", status: 429, retryAfterSeconds: 1 });
        await assert.rejects(
            new PropagationClient(budgeted, emulators.pingone.environmentId).listStores(),
            (error: Error) => {
                assert.ok(error instanceof ApiError);
                assert.equal(error.status, 429);
                assert.equal(error.code, "REQUEST_LIMITED");
                return true;
            },
        );
    });

    for (const status of [502, 503, 504]) {
        it(`retries a GET after ${status}`, async () => {
            await control().addFault({ route: `GET ${STORE_ROUTE}`, kind: "status", status, times: 2 });
            await api().listStores();
            assert.equal(await countOf(`GET ${STORE_ROUTE}`), 3);
            assert.deepEqual(
                retries.map((r) => r.reason),
                [`HTTP ${status}`, `HTTP ${status}`],
            );
        });
    }

    it("retries a GET after a connection reset and after a timeout", async () => {
        await control().addFault({ route: `GET ${STORE_ROUTE}`, kind: "reset" });
        await control().addFault({ route: `GET ${STORE_ROUTE}`, kind: "latency", latencyMs: 3000 });
        await api().listStores();
        assert.deepEqual(
            retries.map((r) => r.reason),
            ["connection-reset", "timeout"],
        );
    });

    it("does not repeat a POST whose outcome is unknown, and fails with a transport error naming the call", async () => {
        await control().addFault({ route: `POST ${STORE_ROUTE}`, kind: "reset" });
        await assert.rejects(
            api().createStore({ name: "never", type: "scim", status: "INACTIVE", configuration: {} }),
            (error: Error) => {
                assert.ok(error instanceof TransportError);
                assert.equal(error.failure, "connection-reset");
                assert.match(
                    error.message,
                    /^PingOne POST http:\/\/127\.0\.0\.1:\d+\/v1\/environments\/.+\/propagation\/stores failed: the connection was reset/,
                );
                return true;
            },
        );
        assert.equal(await countOf(`POST ${STORE_ROUTE}`), 1);
    });

    it("renews a token the service rejects, once", async () => {
        await control().addFault({ route: `GET ${STORE_ROUTE}`, kind: "status", status: 401 });
        await control().resetRequests();
        await api().listStores();
        assert.equal(await countOf(`GET ${STORE_ROUTE}`), 2);
        assert.equal(await countOf("POST /:envId/as/token"), 1, "one new token");
    });

    it("reports the service's code, message and field details", async () => {
        await assert.rejects(
            api().createStore({
                name: "bad",
                type: "scim",
                status: "ACTIVE",
                configuration: { SCIM_URL: "https://x.example/scim", REMOVE_ACTION: "Purge" },
            }),
            (error: Error) => {
                assert.ok(error instanceof ApiError);
                assert.equal(error.status, 400);
                assert.equal(error.code, "INVALID_DATA");
                assert.ok(
                    error.details.some((d) => d.target === "configuration.REMOVE_ACTION"),
                    JSON.stringify(error.details),
                );
                assert.match(error.message, /failed with HTTP 400 INVALID_DATA: .*configuration\.REMOVE_ACTION: /);
                return true;
            },
        );
        await assert.rejects(api().getStore("00000000-0000-0000-0000-000000000000"), NotFoundError);
    });

    it("validates a request before sending it", async () => {
        await assert.rejects(
            api().createStore({ name: "", type: "scim", status: "ACTIVE", configuration: {} }),
            (error: Error) => {
                assert.ok(error instanceof RequestValidationError);
                assert.deepEqual(error.issues, ["name: Too small: expected string to have >=1 characters"]);
                return true;
            },
        );
        assert.equal((await control().requests()).total, 0, "nothing was sent");
    });

    it("rejects a response that does not match its schema", async () => {
        const client = new HttpClient({
            service: "DocuWare",
            baseUrl: emulators.docuware[0]!.baseUrl,
            parseErrorEnvelope: parseDocuWareError,
        });
        await assert.rejects(
            client.request({
                method: "GET",
                path: "/DocuWare/Platform/Home/IdentityServiceInfo",
                responseSchema: z.object({ Organizations: z.array(z.string()) }),
            }),
            (error: Error) => {
                assert.ok(error instanceof ResponseValidationError);
                assert.match(
                    error.message,
                    /^DocuWare GET .+IdentityServiceInfo returned HTTP 200 with an unexpected body: .*Organizations/s,
                );
                return true;
            },
        );
    });

    it("never puts a secret into an error", async () => {
        const secret = "wrong-secret-that-must-not-leak";
        const client = new PingOneClient({ ...pingOneSettings(), clientSecret: secret }, httpSettings());
        await assert.rejects(
            new PropagationClient(client, emulators.pingone.environmentId).listStores(),
            (error: Error) => {
                assert.ok(error instanceof ApiError);
                assert.equal(error.code, "invalid_client");
                assert.ok(!error.message.includes(secret) && !error.stack?.includes(secret));
                return true;
            },
        );
    });

    it("creates exactly one object when the create response is lost, or the service fails once", async () => {
        const stores = new ProviderHarness("pingone:PropagationStore");
        const inputs = (name: string) => ({
            name,
            scimUrl: "https://acme.docuware.cloud/DocuWare/Services/UserProvisioningService/ping/scim",
            oauthTokenUrl: "https://login.example/connect/token",
            oauthClientId: "client",
            oauthClientSecret: "client-secret-value",
        });
        await control().addFault({ route: `POST ${STORE_ROUTE}`, kind: "drop-response" });
        const lost = await stores.create(inputs("lost response"));
        await control().addFault({ route: `POST ${STORE_ROUTE}`, kind: "status", status: 500 });
        const failedOnce = await stores.create(inputs("failed once"));
        const names = (await api().listStores()).map((s) => s.name);
        assert.equal(names.filter((n) => n === "lost response").length, 1);
        assert.equal(names.filter((n) => n === "failed once").length, 1);
        await stores.delete(lost.id, lost.outs);
        await stores.delete(failedOnce.id, failedOnce.outs);
    });
});
