import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { type Server, createServer } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { type VerifyFixture, startVerifyFixture } from "../../helpers/cliFixture";
import { type CliResult, assertNoSecrets, describeRun, runCli } from "../../helpers/cliRunner";

/** A step line of the text report: `FAILED   token      DocuWare POST …`. */
function stepLine(result: CliResult, step: string): string {
    const line = result.stdout.split("\n").find((l) => new RegExp(`^\\S+\\s+${step}\\s`).test(l));
    assert.ok(line, `no line for step ${step}:\n${describeRun(result)}`);
    return line;
}

/** The `fix:` line right under a step's line. */
function fixOf(result: CliResult, step: string): string {
    const lines = result.stdout.split("\n");
    const fix = lines[lines.indexOf(stepLine(result, step)) + 1] ?? "";
    assert.match(fix, /^\s+fix: /, `no fix under step ${step}:\n${describeRun(result)}`);
    return fix.trim();
}

describe("docuware-pingone verify: DocuWare provisioning", function () {
    this.timeout(60_000);
    let fixture: VerifyFixture;
    let secrets: string[];

    before(async () => {
        fixture = await startVerifyFixture();
        secrets = [fixture.registration.ClientSecret];
    });
    after(async () => fixture?.stop());
    afterEach(async () => fixture.emulators.docuware[0]!.control.clearFaults());

    const verify = async (args: string[], env = fixture.docuwareEnv()) => {
        const result = await runCli(["verify", ...args], env);
        assertNoSecrets(result, secrets);
        return result;
    };

    it("passes discovery, token and the SCIM /Users query PingOne sends (exit 0), with progress on stderr", async () => {
        await fixture.emulators.docuware[0]!.control.resetRequests();
        const result = await verify(["--user-name", "jdoe"]);
        assert.equal(result.code, 0, describeRun(result));
        assert.match(
            stepLine(result, "discovery"),
            /^passed\s+discovery\s+token endpoint http:\/\/127\.0\.0\.1:\d+\/.+\/connect\/token$/,
        );
        assert.match(stepLine(result, "token"), /^passed\s+token\s+DocuWare issued a client-credentials token$/);
        assert.match(
            stepLine(result, "scim"),
            /^passed\s+scim\s+SCIM \/Users answered \(0 match for userName "jdoe"\)$/,
        );
        assert.match(result.stdout, /All 3 checks passed\.\n$/);
        assert.match(
            result.stderr,
            /^checking DocuWare at http:\/\/127\.0\.0\.1:\d+ \(identity provider ping\): discovery → token → SCIM \/Users…$/m,
        );
        const scimQueries = (await fixture.emulators.docuware[0]!.control.requests()).log.filter((r) =>
            r.url.includes("/ping/scim/Users"),
        );
        assert.deepEqual(
            scimQueries.map((r) => decodeURIComponent(r.url.split("?")[1] ?? "").replace(/\+/g, " ")),
            ['filter=userName eq "jdoe"&count=1'],
        );
    });

    it("prints a JSON document with --json, and nothing else on stdout", async () => {
        const result = await verify(["--json"]);
        assert.equal(result.code, 0, describeRun(result));
        const document = JSON.parse(result.stdout) as {
            ok: boolean;
            steps: { step: string; status: string }[];
            scimBaseUrl: string;
        };
        assert.equal(document.ok, true);
        assert.deepEqual(
            document.steps.map((s) => `${s.step} ${s.status}`),
            ["discovery passed", "token passed", "scim passed"],
        );
        assert.equal(document.scimBaseUrl, fixture.scimBaseUrl);
    });

    it("reports a wrong client secret at the token step (invalid_client) with its fix, exit 2", async () => {
        secrets.push("wrong-secret-0123456789");
        const result = await verify([], {
            ...fixture.docuwareEnv(),
            DOCUWARE_SCIM_CLIENT_SECRET: "wrong-secret-0123456789",
        });
        assert.equal(result.code, 2, describeRun(result));
        assert.match(stepLine(result, "discovery"), /^passed/);
        assert.match(
            stepLine(result, "token"),
            /^FAILED\s+token\s+DocuWare POST \S+ failed with HTTP 401 invalid_client/,
        );
        assert.match(
            fixOf(result, "token"),
            /^fix: DocuWare rejected the client id or secret: copy them again from the app registration/,
        );
        assert.doesNotMatch(result.stdout, /\bscim\b/, "no SCIM query without a token");
        assert.match(result.stdout, /1 of 2 checks failed \(1 passed\)\.\n$/);
    });

    it("lets a flag win over its environment variable", async () => {
        const result = await verify(["--scim-client-secret", fixture.registration.ClientSecret], {
            ...fixture.docuwareEnv(),
            DOCUWARE_SCIM_CLIENT_SECRET: "wrong-secret-0123456789",
        });
        assert.equal(result.code, 0, describeRun(result));
    });

    it("reports provisioning disabled in DocuWare at the SCIM step, exit 2", async () => {
        const control = fixture.emulators.docuware[0]!.control;
        await control.patch("/user-provisioning", { Enabled: false });
        try {
            const result = await verify([]);
            assert.equal(result.code, 2, describeRun(result));
            assert.match(stepLine(result, "token"), /^passed/);
            assert.match(
                stepLine(result, "scim"),
                /^FAILED\s+scim\s+.*HTTP 401: User Provisioning is disabled for this organization\./,
            );
            assert.match(
                fixOf(result, "scim"),
                /make sure User Provisioning is enabled and uses this app registration/,
            );
        } finally {
            await control.patch("/user-provisioning", { Enabled: true });
        }
    });

    it("reports a wrong identity provider path at the SCIM step, exit 2", async () => {
        const result = await verify(["--identity-provider", "azure"]);
        assert.equal(result.code, 2, describeRun(result));
        assert.match(
            stepLine(result, "scim"),
            /^FAILED\s+scim\s+DocuWare GET \S+\/azure\/scim\/Users failed with HTTP 404/,
        );
        assert.match(
            fixOf(result, "scim"),
            /the SCIM path does not match DocuWare's settings: .*Ping for \/ping\/scim/,
        );
    });

    it("reports TLS failure when https meets a plain-http port, exit 2", async () => {
        const port = new URL(fixture.emulators.docuware[0]!.baseUrl).port;
        const result = await verify(["--organization-url", `https://127.0.0.1:${port}`]);
        assert.equal(result.code, 2, describeRun(result));
        assert.match(stepLine(result, "discovery"), /^FAILED\s+discovery\s+.*the TLS handshake failed/);
        assert.match(fixOf(result, "discovery"), /certificate/);
    });

    describe("against a server with a self-signed certificate", () => {
        let server: Server | undefined;
        let dir: string;

        before(function () {
            dir = mkdtempSync(path.join(tmpdir(), "verify-tls-"));
            try {
                execFileSync(
                    "openssl",
                    [
                        ...["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost"],
                        ...["-keyout", path.join(dir, "key.pem"), "-out", path.join(dir, "cert.pem")],
                    ],
                    { stdio: "ignore" },
                );
            } catch {
                this.skip(); // no openssl: the plain-http case above still covers TLS
            }
        });
        after(async () => {
            await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
            rmSync(dir, { recursive: true, force: true });
        });

        it("reports the untrusted certificate at discovery, exit 2", async () => {
            server = createServer(
                { key: readFileSync(path.join(dir, "key.pem")), cert: readFileSync(path.join(dir, "cert.pem")) },
                (_request, response) => response.end("{}"),
            );
            await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
            const { port } = server.address() as AddressInfo;
            const result = await verify(["--organization-url", `https://127.0.0.1:${port}`]);
            assert.equal(result.code, 2, describeRun(result));
            assert.match(
                stepLine(result, "discovery"),
                /^FAILED\s+discovery\s+.*the TLS handshake failed .*self-signed certificate/,
            );
            assert.match(fixOf(result, "discovery"), /certificate is not trusted.*NODE_EXTRA_CA_CERTS/);
        });
    });

    it("reports a host name that does not resolve (DNS), exit 2", async () => {
        const result = await verify(["--organization-url", "https://nonexistent.invalid"]);
        assert.equal(result.code, 2, describeRun(result));
        assert.match(
            stepLine(result, "discovery"),
            /^FAILED\s+discovery\s+.*https:\/\/nonexistent\.invalid\/.*the host name could not be resolved/,
        );
        assert.match(fixOf(result, "discovery"), /check the organization URL's host name/);
    });

    it("reports a timeout when DocuWare answers later than --timeout (gives up at 500 ms), exit 2", async () => {
        await fixture.emulators.docuware[0]!.control.addFault({ route: "GET *", kind: "latency", latencyMs: 3000 });
        const result = await verify(["--timeout", "0.5", "--retries", "0"]);
        assert.equal(result.code, 2, describeRun(result));
        assert.match(
            stepLine(result, "discovery"),
            /^FAILED\s+discovery\s+.*the request timed out \(timeout of 500ms exceeded\)/,
        );
        assert.match(fixOf(result, "discovery"), /did not answer in time/);
    });

    it("prints each retry as progress and passes when a retry succeeds", async () => {
        await fixture.emulators.docuware[0]!.control.addFault({
            route: "GET *",
            kind: "status",
            status: 503,
            times: 1,
        });
        const result = await verify(["--retries", "1"]);
        assert.equal(result.code, 0, describeRun(result));
        assert.match(
            result.stderr,
            /^ {2}DocuWare HTTP 503: retrying GET \/DocuWare\/Platform\/Home\/IdentityServiceInfo in \d+\.\d s \(attempt 1 of 1\)$/m,
        );
    });

    describe("usage and configuration errors (exit 1)", () => {
        const usage = async (args: string[], env: Record<string, string>, message: RegExp) => {
            const result = await verify(args, env);
            assert.equal(result.code, 1, describeRun(result));
            assert.match(result.stderr, message);
            assert.equal(result.stdout, "");
        };

        it("when there is nothing to verify", () =>
            usage([], {}, /^error: Nothing to verify: set --organization-url \(DOCUWARE_ORGANIZATION_URL\)/));

        it("when the app registration's credentials are missing", () =>
            usage(
                [],
                { DOCUWARE_ORGANIZATION_URL: fixture.emulators.docuware[0]!.baseUrl },
                /^error: Checking DocuWare needs the app registration PingOne uses; set --scim-client-id \(DOCUWARE_SCIM_CLIENT_ID\) and --scim-client-secret \(DOCUWARE_SCIM_CLIENT_SECRET\)/,
            ));

        it("for an identity provider DocuWare does not have", () =>
            usage(
                ["--identity-provider", "google"],
                fixture.docuwareEnv(),
                /--identity-provider \(DOCUWARE_IDENTITY_PROVIDER\) must be "ping", "azure"/,
            ));

        it("for an organization URL that is not a URL", () =>
            usage(
                ["--organization-url", "acme.docuware.cloud"],
                fixture.docuwareEnv(),
                /--organization-url \(DOCUWARE_ORGANIZATION_URL\) must be an absolute https URL/,
            ));

        it("for a bad --timeout and an unknown flag", async () => {
            await usage(
                ["--timeout", "soon"],
                fixture.docuwareEnv(),
                /option '--timeout <seconds>' argument 'soon' is invalid\. must be a positive number/,
            );
            await usage(["--secret", "x"], fixture.docuwareEnv(), /unknown option '--secret'/);
        });

        it("also as JSON with --json", async () => {
            const result = await verify(["--json"], {});
            assert.equal(result.code, 1, describeRun(result));
            const document = JSON.parse(result.stdout) as { error: { type: string; message: string } };
            assert.equal(document.error.type, "ConfigurationError");
            assert.match(document.error.message, /^Nothing to verify/);
        });
    });
});
