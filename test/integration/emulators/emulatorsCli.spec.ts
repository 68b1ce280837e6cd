import { strict as assert } from "node:assert";
import { spawn } from "node:child_process";
import * as path from "node:path";
import { expectStatus, http } from "./pingoneTestHarness";

const CLI = path.resolve(__dirname, "../../../emulators/cli.ts");
const FORM = { "Content-Type": "application/x-www-form-urlencoded" };

/** `npm run emulators -- <args>`: resolves with the JSON line (and the running child), or the exit code. */
function startCli(args: string[]) {
    const child = spawn(process.execPath, ["-r", "ts-node/register/transpile-only", CLI, ...args], {
        stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const started = new Promise<{ line?: string; code?: number | null; stderr: string }>((resolve) => {
        child.stdout.on("data", (chunk: Buffer) => {
            stdout += chunk.toString();
            if (stdout.includes("\n")) {
                resolve({ line: stdout.split("\n")[0], stderr });
            }
        });
        child.on("close", (code) => resolve({ code, stderr }));
    });
    return { child, started };
}

describe("npm run emulators -- --pingone-token-auth", function () {
    this.timeout(60_000);

    it("limits the worker app to client_secret_post: Basic gets invalid_client", async () => {
        const { child, started } = startCli(["--json", "--pingone-token-auth", "client_secret_post"]);
        try {
            const { line, stderr } = await started;
            assert.ok(line, stderr);
            const { pingone } = JSON.parse(line) as {
                pingone: { authUrl: string; environmentId: string; workerClientId: string; workerClientSecret: string };
            };
            const url = `${pingone.authUrl}/${pingone.environmentId}/as/token`;
            const basic = await http.post(url, "grant_type=client_credentials", {
                auth: { username: pingone.workerClientId, password: pingone.workerClientSecret },
                headers: FORM,
            });
            assert.equal(expectStatus(basic, 401).error, "invalid_client");
            const form = new URLSearchParams({
                grant_type: "client_credentials",
                client_id: pingone.workerClientId,
                client_secret: pingone.workerClientSecret,
            });
            expectStatus(await http.post(url, form.toString(), { headers: FORM }), 200);
        } finally {
            child.kill("SIGTERM");
        }
    });
});
