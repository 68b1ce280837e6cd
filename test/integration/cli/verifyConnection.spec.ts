import { strict as assert } from "node:assert";
import type { Store } from "../../../sdk/pingone/api/schemas";
import { type VerifyFixture, startVerifyFixture } from "../../helpers/cliFixture";
import { type CliResult, assertNoSecrets, describeRun, runCli } from "../../helpers/cliRunner";

interface VerifyDocument {
    ok: boolean;
    steps: { step: string; status: string; detail: string; fix?: string }[];
}

function parse(result: CliResult): VerifyDocument {
    try {
        return JSON.parse(result.stdout) as VerifyDocument;
    } catch {
        throw new Error(`not a JSON document:\n${describeRun(result)}`);
    }
}

/** `step status` per step, the shape a CI job reads. */
function outcome(document: VerifyDocument): string[] {
    return document.steps.map((s) => `${s.step} ${s.status}`);
}

function step(document: VerifyDocument, name: string) {
    const found = document.steps.find((s) => s.step === name);
    assert.ok(found, `no step ${name}: ${JSON.stringify(document, null, 2)}`);
    return found;
}

describe("docuware-pingone verify: a PingOne connection", function () {
    this.timeout(60_000);
    let fixture: VerifyFixture;
    let connection: Store;
    let secrets: string[];

    before(async () => {
        fixture = await startVerifyFixture();
        connection = await fixture.createConnection("DocuWare (acme)");
        secrets = [fixture.registration.ClientSecret, fixture.pingoneEnv().PINGONE_CLIENT_SECRET!];
    });
    after(async () => fixture?.stop());

    const verify = async (args: string[], env: Record<string, string>) => {
        const result = await runCli(["verify", "--json", ...args], { ...fixture.pingoneEnv(), ...env });
        assertNoSecrets(result, secrets);
        return result;
    };
    const secretOnly = () => ({ DOCUWARE_SCIM_CLIENT_SECRET: fixture.registration.ClientSecret });

    it("checks a connection by name end to end, taking DocuWare's URL and client id from it (exit 0)", async () => {
        await fixture.emulators.docuware[0]!.control.resetRequests();
        const result = await verify(["--connection", "DocuWare (acme)"], secretOnly());
        assert.equal(result.code, 0, describeRun(result));
        const document = parse(result);
        assert.deepEqual(outcome(document), [
            "connection passed",
            "sync-status passed",
            "discovery passed",
            "token passed",
            "scim passed",
            "connection-settings passed",
            "connection-test passed",
        ]);
        assert.match(
            step(document, "connection").detail,
            /^connection "DocuWare \(acme\)" \(id [\w-]+\) is enabled; SCIM URL http:/,
        );
        assert.match(result.stderr, /^reading PingOne connection "DocuWare \(acme\)"…$/m);
        assert.match(result.stderr, /^asking PingOne to test connection "DocuWare \(acme\)"…$/m);
        // PingOne's connection test really reached DocuWare: a token, then the SCIM query.
        const routes = (await fixture.emulators.docuware[0]!.control.requests()).log.map(
            (r) => `${r.method} ${r.route}`,
        );
        assert.ok(routes.filter((r) => r.endsWith("/connect/token")).length >= 2, routes.join("\n"));
    });

    it("prints the report as text without --json", async () => {
        const result = await runCli(["verify", "--connection", connection.id], {
            ...fixture.pingoneEnv(),
            ...secretOnly(),
        });
        assert.equal(result.code, 0, describeRun(result));
        assert.match(result.stdout, /^passed\s+connection-test\s+PingOne's connection test reached the SCIM service/m);
        assert.match(result.stdout, /All 7 checks passed\.\n$/);
    });

    it("without any secret, reports the connection and its sync status and says what the rest needs (exit 0)", async () => {
        const result = await verify(["--connection", connection.id], {});
        assert.equal(result.code, 0, describeRun(result));
        const document = parse(result);
        assert.deepEqual(outcome(document), [
            "connection passed",
            "sync-status passed",
            "docuware skipped",
            "connection-test skipped",
        ]);
        assert.equal(step(document, "sync-status").detail, "PingOne has not provisioned through it yet");
        assert.match(step(document, "docuware").fix!, /--scim-client-secret \(DOCUWARE_SCIM_CLIENT_SECRET\)/);
        assert.match(step(document, "connection-test").detail, /never returns the connection's OAUTH_CLIENT_SECRET/);
        assert.match(step(document, "connection-test").fix!, /--connection-secret or set PINGONE_CONNECTION_SECRET/);
    });

    it("reports PingOne's FAILED synchronization with its details (exit 2)", async () => {
        const store = await fixture.createConnection("DocuWare (failing sync)");
        await fixture.emulators.pingone.control.patch(
            `/environments/${fixture.emulators.pingone.environmentId}/stores/${store.id}`,
            {
                syncStatus: {
                    syncState: "FAILED",
                    lastSyncAt: "2026-05-04T03:02:01Z",
                    successCount: 3,
                    failedCount: 1,
                    failedDeprovisionCount: 0,
                    userTotal: 4,
                    details: "HTTP 401 from the target",
                },
            },
        );
        const result = await verify(["--connection", store.id], secretOnly());
        assert.equal(result.code, 2, describeRun(result));
        const sync = step(parse(result), "sync-status");
        assert.equal(sync.status, "failed");
        assert.equal(
            sync.detail,
            "PingOne reports the last provisioning FAILED (last sync 2026-05-04T03:02:01Z, 3 succeeded, 1 failed): HTTP 401 from the target",
        );
    });

    it("fails PingOne's connection test, and DocuWare's token step, with a wrong secret (exit 2)", async () => {
        secrets.push("not-the-secret-987654");
        const result = await verify(
            ["--connection", "DocuWare (acme)", "--connection-secret", "not-the-secret-987654"],
            {},
        );
        assert.equal(result.code, 2, describeRun(result));
        const document = parse(result);
        assert.equal(step(document, "token").status, "failed");
        const test = step(document, "connection-test");
        assert.equal(test.status, "failed");
        assert.match(
            test.detail,
            /HTTP 400 INVALID_DATA.*configuration\.OAUTH_CLIENT_SECRET: OAuth token request POST \S+ failed/,
        );
        assert.match(
            test.fix!,
            /^the target refused the connection's credentials: OAUTH_CLIENT_ID must be the DocuWare app registration/,
        );
    });

    it("compares the connection with DocuWare's settings: a wrong identity provider path fails (exit 2)", async () => {
        const store = await fixture.createConnection("DocuWare (azure path)", {
            SCIM_URL: fixture.scimBaseUrl.replace("/ping/scim", "/azure/scim"),
        });
        const result = await verify(["--connection", store.id, "--identity-provider", "ping"], fixture.docuwareEnv());
        assert.equal(result.code, 2, describeRun(result));
        const document = parse(result);
        assert.deepEqual(outcome(document).slice(2), [
            "discovery passed",
            "token passed",
            "scim passed",
            "connection-settings failed",
            "connection-test failed",
        ]);
        assert.match(
            step(document, "connection-settings").detail,
            /SCIM URL is \S+\/azure\/scim, expected \S+\/ping\/scim/,
        );
        assert.match(step(document, "connection-test").detail, /azure\/scim\/Users\?count=1 failed: HTTP 404/);
        assert.match(
            step(document, "connection-test").fix!,
            /SCIM URL is wrong .*use \S+\/ping\/scim with users resource \/Users/,
        );
    });

    it("derives the DocuWare check from a connection on the wrong path, failing its SCIM step (exit 2)", async () => {
        const result = await verify(["--connection", "DocuWare (azure path)"], secretOnly());
        assert.equal(result.code, 2, describeRun(result));
        const scim = step(parse(result), "scim");
        assert.equal(scim.status, "failed");
        assert.match(scim.fix!, /the SCIM path does not match DocuWare's settings/);
    });

    it("fails a disabled connection (exit 2)", async () => {
        const store = await fixture.propagation.createStore({
            name: "DocuWare (disabled)",
            type: "scim",
            status: "INACTIVE",
            configuration: { ...connection.configuration, OAUTH_CLIENT_SECRET: fixture.registration.ClientSecret },
        });
        const result = await verify(["--connection", store.id], secretOnly());
        assert.equal(result.code, 2, describeRun(result));
        const found = step(parse(result), "connection");
        assert.equal(found.status, "failed");
        assert.match(found.detail, /is disabled, so PingOne provisions nothing through it/);
    });

    it("fails an unknown connection, listing the SCIM connections (exit 2)", async () => {
        const result = await verify(["--connection", "DocuWare (typo)"], secretOnly());
        assert.equal(result.code, 2, describeRun(result));
        const document = parse(result);
        assert.deepEqual(outcome(document), ["connection failed"]);
        assert.match(
            step(document, "connection").detail,
            /has no connection with id or name "DocuWare \(typo\)" \(SCIM connections: "DocuWare \(acme\)", /,
        );
        assert.match(step(document, "connection").fix!, /--connection \(PINGONE_CONNECTION\)/);
    });

    it("reports PingOne rejecting the worker application's credentials (exit 2)", async () => {
        secrets.push("wrong-worker-secret-42");
        const result = await verify(["--connection", connection.id], {
            PINGONE_CLIENT_SECRET: "wrong-worker-secret-42",
        });
        assert.equal(result.code, 2, describeRun(result));
        const found = step(parse(result), "connection");
        assert.equal(found.status, "failed");
        assert.match(found.detail, /PingOne POST \S+\/as\/token failed with HTTP 401/);
        assert.match(found.fix!, /check PINGONE_CLIENT_ID and PINGONE_CLIENT_SECRET/);
    });

    it("reports a PingOne API that does not answer in time (exit 2)", async () => {
        await fixture.emulators.pingone.control.addFault({ route: "GET *", kind: "latency", latencyMs: 3000 });
        try {
            const result = await verify(["--connection", connection.id, "--timeout", "0.5", "--retries", "0"], {});
            assert.equal(result.code, 2, describeRun(result));
            const found = step(parse(result), "connection");
            assert.match(found.detail, /the request timed out/);
            assert.match(found.fix!, /did not answer in time/);
        } finally {
            await fixture.emulators.pingone.control.clearFaults();
        }
    });

    it("is a configuration error without the PingOne worker settings (exit 1)", async () => {
        const result = await runCli(["verify", "--connection", connection.id], {});
        assert.equal(result.code, 1, describeRun(result));
        assert.match(result.stderr, /^error: PingOne credentials are incomplete; set `pingone:clientId`/);
    });
});
