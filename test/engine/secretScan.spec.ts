import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import { DocuWarePingOneProvisioning } from "../../components";
import { type RunningEmulators, startTestEmulators } from "../helpers/emulators";
import { type TestStack, createInlineStack, printEngineVersion, requireEngine } from "../helpers/engine";

/** Every place a secret must never appear in plain text: state, engine output (verbose), errors, provider code. */
describe("secrets never appear in plain text", function () {
    this.timeout(600_000);
    let emulators: RunningEmulators;
    let test: TestStack;
    let secrets: Record<string, string>;
    let engineOutput = "";

    const assertNoSecretIn = (what: string, text: string) => {
        for (const [name, value] of Object.entries(secrets)) {
            assert.ok(!text.includes(value), `${name} appears in plain text in ${what}`);
        }
    };

    before(async function () {
        requireEngine(this);
        printEngineVersion();
        emulators = await startTestEmulators();
        const connection = emulators.connection();
        const env = emulators.providerEnvironment();
        // Credentials come from encrypted stack config here, not from the environment.
        const { PINGONE_CLIENT_SECRET: _p, DOCUWARE_CLIENT_SECRET: _d, ...envWithoutSecrets } = env;
        test = await createInlineStack({
            projectName: "secret-scan",
            envVars: envWithoutSecrets,
            config: {
                "pingone:clientSecret": { value: connection.pingone.workerClientSecret, secret: true },
                "docuware:clientSecret": { value: connection.docuware.adminClientSecret, secret: true },
            },
            program: async () => {
                const provisioning = new DocuWarePingOneProvisioning("scan", {});
                return { clientId: provisioning.clientId };
            },
        });
        secrets = {
            "PingOne worker secret": connection.pingone.workerClientSecret,
            "DocuWare admin secret": connection.docuware.adminClientSecret,
        };
    });
    after(async () => {
        await test?.dispose();
        await emulators?.stop();
    });

    it("deploys with verbose engine logging (-v=9 --logtostderr --logflow)", async () => {
        const result = await test.stack.up({ logVerbosity: 9, logToStdErr: true, logFlow: true });
        engineOutput = result.stdout + result.stderr;
        assert.ok(engineOutput.length > 10_000, "verbose logs were captured");
        // The app registration's secret exists only now (DocuWare showed it once, to the provider): read it the way
        // only its owner can, with --show-secrets, to scan for it everywhere else.
        const decrypted = JSON.parse(
            execFileSync("pulumi", ["stack", "export", "--show-secrets", "--stack", test.stack.name], {
                cwd: test.workDir,
                encoding: "utf8",
            }),
        ) as { deployment: { resources: { type: string; outputs?: Record<string, unknown> }[] } };
        const registration = decrypted.deployment.resources.find((r) => r.type.endsWith("docuware:AppRegistration"))!;
        const stored = registration.outputs!.clientSecret as { plaintext: string };
        secrets["DocuWare app registration secret"] = JSON.parse(stored.plaintext) as string;
        assert.ok(secrets["DocuWare app registration secret"]!.length > 10);
    });

    it("keeps them out of the state, including the serialized providers", async () => {
        // `pulumi stack export` as a user runs it (the Automation API's exportStack adds --show-secrets).
        const exported = execFileSync("pulumi", ["stack", "export", "--stack", test.stack.name], {
            cwd: test.workDir,
            encoding: "utf8",
        });
        assertNoSecretIn("pulumi stack export", exported);
        const providers = [...exported.matchAll(/"__provider":\s*"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]!);
        assert.ok(providers.length >= 6, "every dynamic resource has its serialized provider");
        for (const code of providers) {
            assert.match(code, /pulumi-docuware-pingone\/provider-runtime/, "the provider loads the package by name");
            assertNoSecretIn("a serialized provider", code);
        }
    });

    it("keeps them out of verbose engine output", () => {
        assertNoSecretIn("the engine's verbose output", engineOutput);
    });

    it("keeps them out of errors", async () => {
        await test.stack.setConfig("pingone:clientSecret", { value: "wrong-but-secret-value", secret: true });
        secrets["wrong secret"] = "wrong-but-secret-value";
        await emulators.pingone.control.patch(
            `/environments/${emulators.pingone.environmentId}/rules/${
                Object.keys(
                    (await emulators.pingone.control.get<{ environments: Record<string, { rules: object }> }>("/state"))
                        .environments[emulators.pingone.environmentId]!.rules,
                )[0]!
            }`,
            { active: false },
        );
        let failure = "";
        await test.stack.up({ refresh: true, logVerbosity: 9, logToStdErr: true }).catch((error: Error) => {
            failure = `${error.message}\n${error.stack ?? ""}`;
        });
        assert.match(failure, /invalid_client/, "the refresh fails on the wrong secret");
        assertNoSecretIn("a failed update's error", failure);
        // Refresh and destroy run with the provider configuration stored by the last update: an update without
        // refresh stores the corrected one first.
        await test.stack.setConfig("pingone:clientSecret", {
            value: emulators.connection().pingone.workerClientSecret,
            secret: true,
        });
        await test.stack.up();
    });
});
