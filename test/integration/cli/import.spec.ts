import { strict as assert } from "node:assert";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { Inventory } from "../../../bin/import/inventory";
import { type RunningEmulators, startTestEmulators } from "../../helpers/emulators";
import { type CliResult, assertNoSecrets, describeRun, runCli } from "../../helpers/cliRunner";
import { type HandMadeSetup, setUpByHand } from "../../helpers/importScenario";
import { ruleUpdateOf } from "../../../sdk/pingone/api/propagationClient";
import { createPopulation } from "../../helpers/projects";

type ImportDocument = Inventory & { configCommands: string[]; writes: string[]; files?: string[] };

function parse(result: CliResult): ImportDocument {
    try {
        return JSON.parse(result.stdout) as ImportDocument;
    } catch {
        throw new Error(`not a JSON document:\n${describeRun(result)}`);
    }
}

function pingoneEnv(emulators: RunningEmulators, env: Record<string, string> = {}): Record<string, string> {
    const variables = Object.entries(emulators.providerEnvironment()).filter(([name]) => name.startsWith("PINGONE_"));
    return { ...Object.fromEntries(variables), DOCUWARE_PINGONE_MAX_RETRIES: "0", ...env };
}

/** Every request but token requests that changed something, at PingOne and at each DocuWare organization. */
async function writesSent(emulators: RunningEmulators): Promise<string[]> {
    const logs = [emulators.pingone, ...emulators.docuware].map((service) => service.control.requests());
    return (await Promise.all(logs))
        .flatMap((summary) => summary.log)
        .filter((r) => r.method !== "GET" && !/\/(as|connect)\/token$/.test(r.route))
        .map((r) => `${r.method} ${r.url}`);
}

async function resetRequestLogs(emulators: RunningEmulators): Promise<void> {
    await Promise.all([emulators.pingone, ...emulators.docuware].map((service) => service.control.resetRequests()));
}

describe("docuware-pingone import: a setup made by hand", function () {
    this.timeout(120_000);
    let emulators: RunningEmulators;
    let setup: HandMadeSetup;
    let secrets: string[];
    let outDir: string;

    before(async () => {
        emulators = await startTestEmulators({ docuwareOrganizations: 2 });
        setup = await setUpByHand(emulators);
        secrets = [
            setup.guide.registration.ClientSecret,
            setup.custom.registration.ClientSecret,
            emulators.connection().pingone.workerClientSecret,
        ];
        outDir = mkdtempSync(path.join(os.tmpdir(), "docuware-pingone-import-"));
    });
    after(async () => {
        await emulators?.stop();
        if (outDir) {
            rmSync(outDir, { recursive: true, force: true });
        }
    });

    const runImport = async (args: string[], env: Record<string, string> = {}) => {
        const result = await runCli(["import", ...args], pingoneEnv(emulators, env));
        assertNoSecrets(result, secrets);
        return result;
    };

    it("inventories the DocuWare connections with rules, filters and mappings, skips the others, and writes nothing", async () => {
        await resetRequestLogs(emulators);
        const result = await runImport(["--json", "--dry-run"]);
        assert.equal(result.code, 0, describeRun(result));
        const document = parse(result);
        const { guide, custom, other } = setup;
        assert.deepEqual(
            document.connections.map((c) => ({
                id: c.id,
                name: c.name,
                scimUrl: c.scimUrl,
                organizationUrl: c.organizationUrl,
                identityProvider: c.identityProvider,
                tokenUrlCheck: c.tokenUrlCheck,
                rules: c.rules.map((r) => ({ id: r.id, name: r.name, active: r.active, userFilter: r.userFilter })),
                componentMisfits: c.componentMisfits,
            })),
            [guide, custom].map((made, index) => ({
                id: made.store.id,
                name: made.store.name,
                scimUrl: made.store.configuration!.SCIM_URL,
                organizationUrl: made.organization.baseUrl,
                identityProvider: "ping",
                tokenUrlCheck: "matches",
                rules: [
                    {
                        id: made.rule.id,
                        name: made.rule.name,
                        active: true,
                        userFilter: { populationName: index === 0 ? "Docs Team" : "Sales" },
                    },
                ],
                componentMisfits: [],
            })),
        );
        assert.deepEqual(
            document.connections[1]!.rules[0]!.mappings.slice(4).map(({ id, ...m }) => ({ ...m, known: Boolean(id) })),
            [
                { expression: 'user.name.given + " " + user.name.family', target: "displayName", known: true },
                { source: "population.name", target: "title", known: true },
            ],
        );
        assert.deepEqual(
            document.connections[0]!.rules[0]!.mappings.map((m) => m.id),
            setup.guide.mappingIds,
        );
        assert.deepEqual(
            document.skipped.map(({ id, name }) => ({ id, name })),
            [{ id: other.id, name: other.name }],
        );
        assert.match(document.skipped[0]!.reason, /is not DocuWare's User Provisioning service/);
        assert.equal(document.plan?.name, "Default Plan");
        assert.deepEqual(document.warnings, []);
        assert.deepEqual(await writesSent(emulators), [], "import sends no write request");
    });

    it("writes the project and prints the config commands; refuses a folder that is not empty unless --force", async () => {
        const result = await runImport(["--out", outDir]);
        assert.equal(result.code, 0, describeRun(result));
        for (const file of ["Pulumi.yaml", "package.json", "tsconfig.json", "index.ts", "README.md"]) {
            assert.ok(existsSync(path.join(outDir, file)), `${file} written`);
        }
        const index = readFileSync(path.join(outDir, "index.ts"), "utf8");
        assert.match(index, /new DocuWarePingOneProvisioning\("docuware-cloud-contoso", \{\n {4}adopt: true,/);
        assert.match(index, /new DocuWarePingOneProvisioning\("fabrikam-dms", \{\n {4}adopt: true,/);
        assert.match(result.stdout, /^2 DocuWare connection\(s\) to adopt, 1 skipped\.$/m);
        assert.match(
            result.stdout,
            /^ {2}pulumi config set --secret docuwareCloudContosoClientSecret '<client secret/m,
        );
        assert.match(result.stdout, /^ {2}- PUT connection "Fabrikam DMS"/m);

        writeFileSync(path.join(outDir, "index.ts"), "// edited\n");
        await resetRequestLogs(emulators);
        const refused = await runImport(["--out", outDir]);
        assert.equal(refused.code, 1, describeRun(refused));
        assert.match(refused.stderr, /--out .* is not empty; choose an empty or new folder, or add --force/);
        assert.equal((await emulators.pingone.control.requests()).total, 0, "refused before any request");
        assert.equal(readFileSync(path.join(outDir, "index.ts"), "utf8"), "// edited\n");

        const forced = await runImport(["--out", outDir, "--force", "--connection", "Fabrikam DMS"]);
        assert.equal(forced.code, 0, describeRun(forced));
        const replaced = readFileSync(path.join(outDir, "index.ts"), "utf8");
        assert.ok(replaced.includes('"fabrikam-dms"') && !replaced.includes('"docuware-cloud-contoso"'), replaced);
        assert.match(
            forced.stdout,
            /skipped "DocuWare Cloud \(Contoso\)" \(id [\w-]+\): not selected with --connection/,
        );
    });

    it("reports bad input clearly and still generates what can be adopted", async () => {
        const { propagation, guide, custom } = setup;
        const pingone = emulators.connection().pingone;
        // A connection whose rule has no mappings.
        const bare = await propagation.createStore({
            ...guide.store,
            name: "DocuWare (no mappings)",
            status: "ACTIVE",
            configuration: {
                ...guide.store.configuration,
                OAUTH_CLIENT_SECRET: guide.registration.ClientSecret,
                USERS_RESOURCE: "/Accounts",
            },
        });
        const plan = (await propagation.listPlans())[0]!;
        await propagation.createRule({
            name: "Nothing mapped",
            plan: { id: plan.id },
            sourceStore: { id: guide.rule.sourceStore.id },
            targetStore: { id: bare.id },
            active: false,
            populationExpression: `population.id eq "${guide.populationId}"`,
        });
        // A rule limited to groups.
        const grouped = await propagation.createRule({
            name: "Group scoped",
            plan: { id: plan.id },
            sourceStore: { id: guide.rule.sourceStore.id },
            targetStore: { id: bare.id },
            active: false,
            populationExpression: `population.id eq "${guide.populationId}"`,
            groups: [{ id: "group-1" }],
        });
        await propagation.createMapping(grouped.id, { sourceAttribute: "username", targetAttribute: "userName" });
        // A population that no longer exists.
        const gone = await createPopulation(pingone, "Temporary");
        await propagation.updateRule(custom.rule.id, custom.rule.plan.id, {
            ...ruleUpdateOf({ ...custom.rule, active: true }),
            active: true,
            populationExpression: `population.id eq "${gone}"`,
        });
        await emulators.pingone.control.delete(`/environments/${pingone.environmentId}/populations/${gone}`);
        // DocuWare that cannot be reached.
        await emulators.docuware[1]!.control.addFault({ route: "*", kind: "status", status: 503, times: 0 });
        try {
            await resetRequestLogs(emulators);
            const result = await runImport(["--json", "--dry-run"]);
            assert.equal(result.code, 0, describeRun(result));
            const document = parse(result);
            const warnings = document.warnings.join("\n");
            assert.match(
                warnings,
                /rule "Nothing mapped" \(id [\w-]+\) of connection "DocuWare \(no mappings\)" is left out of the program: it has no attribute mappings/,
            );
            assert.match(
                warnings,
                new RegExp(`filters on population ${gone}, which no longer exists: it provisions no one`),
            );
            assert.match(
                warnings,
                /DocuWare at http:\/\/127\.0\.0\.1:\d+ could not be reached to check the token URL of connection "Fabrikam DMS"/,
            );
            const byName = Object.fromEntries(document.connections.map((c) => [c.name, c]));
            assert.deepEqual(byName["Fabrikam DMS"]!.rules[0]!.userFilter, { populationId: gone });
            assert.equal(byName["Fabrikam DMS"]!.tokenUrlCheck, "unreachable");
            assert.deepEqual(byName["Fabrikam DMS"]!.componentMisfits, []);
            assert.deepEqual(byName["DocuWare (no mappings)"]!.componentMisfits, [
                'its usersResource is "/Accounts", which the component does not set',
                "its rule is limited to groups, which the component does not set",
            ]);
            assert.match(result.stderr, /^warning: .*no longer exists/m);
            assert.deepEqual(await writesSent(emulators), [], "import sends no write request");

            const text = await runImport(["--dry-run"]);
            assert.equal(text.code, 0, describeRun(text));
            assert.match(text.stdout, /new pingone\.PropagationStore\("docuware-no-mappings-connection", \{/);
            assert.match(
                text.stdout,
                /\/\/ Rule "Nothing mapped" \(id [\w-]+\) is not declared: it has no attribute mappings/,
            );
            assert.match(text.stdout, new RegExp(`userFilter: \\{ populationId: "${gone}" \\}`));
            assert.match(text.stdout, /^ {4}name: "Group scoped",\n(.*\n)+? {4}groupIds: \["group-1"\],$/m);
        } finally {
            await emulators.docuware[1]!.control.clearFaults();
        }
    });

    it("says each retry as progress and succeeds when a retry does", async () => {
        await emulators.pingone.control.addFault({
            route: "GET /v1/environments/:envId/propagation/stores",
            kind: "status",
            status: 503,
            times: 1,
        });
        const result = await runImport(["--json", "--dry-run"], { DOCUWARE_PINGONE_MAX_RETRIES: "1" });
        assert.equal(result.code, 0, describeRun(result));
        assert.match(
            result.stderr,
            /^ {2}PingOne HTTP 503: retrying GET \/v1\/environments\/[\w-]+\/propagation\/stores\S* in \d+\.\d s \(attempt 1 of 1\)$/m,
        );
        assert.equal(parse(result).connections.length > 0, true);
    });

    it("says so for an environment without DocuWare connections, and still generates a program", async () => {
        const second = await startTestEmulators({ pingoneEnvironments: 2 });
        try {
            const [, empty] = second.connection().pingone.environmentIds;
            const result = await runCli(
                ["import", "--json", "--dry-run", "--worker-environment-id", empty!],
                pingoneEnv(second),
            );
            assert.equal(result.code, 0, describeRun(result));
            const document = parse(result);
            assert.deepEqual(document.connections, []);
            assert.deepEqual(document.warnings, [
                `PingOne environment ${empty} has no SCIM connection to DocuWare; the program declares none.`,
            ]);
        } finally {
            await second.stop();
        }
    });

    it("fails with the setting to fix when the PingOne worker application is not configured", async () => {
        const result = await runCli(["import", "--dry-run"], {});
        assert.equal(result.code, 1, describeRun(result));
        assert.match(result.stderr, /PingOne credentials are incomplete; set `pingone:clientId`/);
        const noOut = await runCli(["import"], {});
        assert.match(noOut.stderr, /Set --out <dir> for the generated project, or --dry-run to only print it\./);
    });
});
