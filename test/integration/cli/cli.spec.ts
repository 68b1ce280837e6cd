import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { describeRun, runCli } from "../../helpers/cliRunner";

describe("docuware-pingone command line", function () {
    this.timeout(30_000);

    it("prints the version of the package", async () => {
        const manifest = JSON.parse(readFileSync(path.resolve(__dirname, "../../../package.json"), "utf8")) as {
            version: string;
        };
        const result = await runCli(["--version"]);
        assert.equal(result.code, 0, describeRun(result));
        assert.equal(result.stdout, `${manifest.version}\n`);
    });

    it("lists both commands in --help", async () => {
        const result = await runCli(["--help"]);
        assert.equal(result.code, 0, describeRun(result));
        assert.match(result.stdout, /^Usage: docuware-pingone \[options\] \[command\]/);
        assert.match(result.stdout, /^ {2}drift \[options\]/m);
        assert.match(result.stdout, /^ {2}verify \[options\]/m);
    });

    it("documents drift's flags, configuration and exit codes in --help", async () => {
        const result = await runCli(["drift", "--help"]);
        assert.equal(result.code, 0, describeRun(result));
        for (const text of ["--stack <name>", "--cwd <dir>", "--json", "PINGONE_CLIENT_ID", "[secret]"]) {
            assert.ok(result.stdout.includes(text), `${text} missing:\n${result.stdout}`);
        }
        assert.match(result.stdout, /Exit codes:\n {2}0 {2}no drift\n {2}1 {2}error .*\n {2}2 {2}drift/);
    });

    it("documents verify's steps, flags, variables and exit codes in --help", async () => {
        const result = await runCli(["verify", "--help"]);
        assert.equal(result.code, 0, describeRun(result));
        const expected = [
            ...["--organization-url <url>", "--identity-provider <slug>", "--scim-client-id <id>"],
            ...["--scim-client-secret <secret>", "--user-name <name>", "--connection <id-or-name>"],
            ...["--connection-secret <secret>", "--timeout <seconds>", "--retries <count>", "--stack <name>"],
            ...["DOCUWARE_ORGANIZATION_URL", "DOCUWARE_IDENTITY_PROVIDER", "DOCUWARE_SCIM_CLIENT_ID"],
            ...["DOCUWARE_SCIM_CLIENT_SECRET", "PINGONE_CONNECTION", "PINGONE_CONNECTION_SECRET"],
            ...["DOCUWARE_PINGONE_REQUEST_TIMEOUT_SECONDS", "PINGONE_REGION_CODE"],
            ...["discovery", "token", "scim", "connection-settings", "connection-test"],
        ];
        for (const text of expected) {
            assert.ok(result.stdout.includes(text), `${text} missing:\n${result.stdout}`);
        }
        assert.match(
            result.stdout,
            /Exit codes:\n {2}0 {2}every step passed.*\n {2}1 {2}usage or configuration error.*\n {2}2 {2}a step failed/,
        );
    });

    it("exits 1 for an unknown command", async () => {
        const result = await runCli(["repair"]);
        assert.equal(result.code, 1, describeRun(result));
        assert.match(result.stderr, /^error: unknown command 'repair'/);
    });

    it("exits 1 from drift, naming the fix, when the Pulumi CLI is not installed", async () => {
        const result = await runCli(["drift", "--stack", "dev", "--cwd", __dirname], {
            PATH: path.dirname(process.execPath),
        });
        assert.equal(result.code, 1, describeRun(result));
        assert.match(
            result.stderr,
            /^error: Could not open stack "dev" in \S+: the Pulumi CLI is not installed or not on PATH \(https:\/\/www\.pulumi\.com\/docs\/iac\/download-install\/\)$/m,
        );
        assert.equal(result.stdout, "");
    });
});
