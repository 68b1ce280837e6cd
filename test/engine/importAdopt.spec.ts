import { strict as assert } from "node:assert";
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { Rule } from "../../sdk/pingone/api/schemas";
import { describeRun, runCli } from "../helpers/cliRunner";
import { type RunningEmulators, startTestEmulators } from "../helpers/emulators";
import { REPO_ROOT, printEngineVersion, requireEngine } from "../helpers/engine";
import { type HandMadeSetup, setUpByHand } from "../helpers/importScenario";
import { packPackage } from "../helpers/packedPackage";
import { type Controlled, docuWareUser, provisionUser } from "../helpers/projects";
import { PROVIDER_ENVIRONMENT_VARIABLES } from "../helpers/providerEnvironmentVariables";

interface Run {
    code: number | null;
    output: string;
}

/** Runs a command line as a user types it, in `cwd`; the providers see the stack config only. */
function shell(command: string, cwd: string): Promise<Run> {
    const blanked = Object.fromEntries(PROVIDER_ENVIRONMENT_VARIABLES.map((name) => [name, ""]));
    return new Promise((resolve, reject) => {
        const child = spawn("bash", ["-c", command], { cwd, env: { ...process.env, ...blanked } });
        let output = "";
        child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
        child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
        child.on("error", reject);
        child.on("close", (code) => resolve({ code, output }));
    });
}

async function must(command: string, cwd: string): Promise<string> {
    const run = await shell(command, cwd);
    assert.equal(run.code, 0, `${command}\n${run.output}`);
    return run.output;
}

const quote = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;

/** Live ids of everything adoption must keep: connections, rules and their mappings. */
async function liveIds(setup: HandMadeSetup): Promise<Record<string, string[]>> {
    const { propagation } = setup;
    const ids: Record<string, string[]> = {};
    for (const made of [setup.guide, setup.custom]) {
        const store = await propagation.getStore(made.store.id);
        const rules = (await propagation.listRules()).filter((r) => r.targetStore.id === store.id);
        ids[store.name] = [store.id, ...rules.map((r) => r.id)];
        for (const rule of rules) {
            ids[rule.name] = (await propagation.listMappings(rule.id)).map((m) => m.id).sort();
        }
    }
    return ids;
}

async function docuWareUsers(organization: Controlled): Promise<unknown[]> {
    return (await organization.control.get<{ Users: { Name: string }[] }>("/state")).Users.sort((a, b) =>
        a.Name.localeCompare(b.Name),
    );
}

/**
 * The issue's acceptance: a setup made by hand through the PingOne public API is imported, the generated project is
 * installed from the packed package and deployed with the real CLI, and adoption changes nothing live.
 */
describe("import, then pulumi up of the generated project: adoption changes nothing live", function () {
    this.timeout(900_000);
    let emulators: RunningEmulators;
    let setup: HandMadeSetup;
    let scratch: string;
    let projectDir: string;
    const stackName = `import-${randomBytes(3).toString("hex")}`;
    let stackCreated = false;

    before(async function () {
        requireEngine(this);
        printEngineVersion();
        scratch = mkdtempSync(path.join(os.tmpdir(), "docuware-pingone-import-"));
        projectDir = path.join(scratch, "contoso-provisioning");
        emulators = await startTestEmulators({ docuwareOrganizations: 2 });
        setup = await setUpByHand(emulators);
    });

    after(async () => {
        try {
            if (stackCreated) {
                await shell(`pulumi stack rm --yes --force ${stackName}`, projectDir);
            }
        } finally {
            await emulators?.stop();
            if (scratch) {
                rmSync(scratch, { recursive: true, force: true });
            }
        }
    });

    it("adopts the live setup: same ids, no rule ever inactive, no DocuWare user changed, only the needed writes", async () => {
        const pingone = emulators.connection().pingone;
        const [contoso, fabrikam] = [emulators.docuware[0]!, emulators.docuware[1]!];
        const before = await provisionUser(emulators, pingone, "before.adoption", setup.guide.populationId);
        assert.ok(await docuWareUser(contoso, before.username), "provisioning works before");

        // import
        const imported = await runCli(
            ["import", "--out", projectDir],
            Object.fromEntries(
                Object.entries(emulators.providerEnvironment()).filter(([name]) => name.startsWith("PINGONE_")),
            ),
        );
        assert.equal(imported.code, 0, describeRun(imported));
        const commands = imported.stdout
            .split("\n")
            .filter((line) => line.startsWith("  pulumi config set "))
            .map((line) => line.trim());

        // npm install, from the packed package
        const { tarball } = packPackage(scratch);
        const manifestFile = path.join(projectDir, "package.json");
        const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as Record<string, Record<string, string>>;
        const repository = JSON.parse(readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as {
            devDependencies: Record<string, string>;
        };
        // Exact versions the npm cache holds, so the test runs offline; the generated ranges include them.
        manifest.dependencies!["pulumi-docuware-pingone"] = `file:${tarball}`;
        for (const [group, names] of [
            ["dependencies", ["@pulumi/pulumi"]],
            ["devDependencies", ["@types/node", "typescript"]],
        ] as const) {
            for (const name of names) {
                manifest[group]![name] = repository.devDependencies[name]!;
            }
        }
        writeFileSync(manifestFile, JSON.stringify(manifest, null, 4));
        await must("npm install --prefer-offline --no-audit --no-fund --loglevel=error", projectDir);

        // the printed config commands, placeholders replaced by the secrets PingOne never returns
        await must(`pulumi stack init ${stackName}`, projectDir);
        stackCreated = true;
        const secrets: Record<string, string> = {
            "pingone:clientSecret": pingone.workerClientSecret,
            docuwareCloudContosoClientSecret: setup.guide.registration.ClientSecret,
            fabrikamDmsClientSecret: setup.custom.registration.ClientSecret,
        };
        assert.equal(commands.filter((c) => c.includes("'<")).length, 3, commands.join("\n"));
        for (const command of commands) {
            const key = command.replace(/^pulumi config set (--secret )?/, "").split(" ")[0]!;
            await must(
                command.replace(/'<[^']*>'/, () => quote(secrets[key]!)),
                projectDir,
            );
        }

        // pulumi up, watching the rules and provisioning a user meanwhile
        const idsBefore = await liveIds(setup);
        const usersBefore = [await docuWareUsers(contoso), await docuWareUsers(fabrikam)];
        await Promise.all([emulators.pingone, contoso, fabrikam].map((s) => s.control.resetRequests()));
        const inactive: string[] = [];
        let deploying = true;
        const up = shell("pulumi up --yes --skip-preview --non-interactive", projectDir).finally(() => {
            deploying = false;
        });
        let during: Awaited<ReturnType<typeof provisionUser>> | undefined;
        while (deploying) {
            const rules: Rule[] = await setup.propagation.listRules();
            inactive.push(...rules.filter((r) => !r.active).map((r) => `${r.name} at ${new Date().toISOString()}`));
            during ??= await provisionUser(emulators, pingone, "during.adoption", setup.guide.populationId);
            await new Promise((resolve) => setTimeout(resolve, 200));
        }
        const deployed = await up;
        assert.equal(deployed.code, 0, deployed.output);
        assert.deepEqual(inactive, [], "no rule was inactive at any moment");

        const pingoneWrites = (await emulators.pingone.control.requests()).log
            .filter((r) => r.method !== "GET" && r.route.includes("/propagation/"))
            .map((r) => `${r.method} ${r.route}`);
        assert.deepEqual(
            pingoneWrites,
            [
                "PUT /v1/environments/:envId/propagation/stores/:storeId",
                "PUT /v1/environments/:envId/propagation/stores/:storeId",
            ],
            "the only writes: each connection's PUT with its write-only secret",
        );
        assert.match(
            deployed.output,
            /Adopting the live setup \(the first pulumi up\): its only writes are PUT connection "DocuWare Cloud \(Contoso\)"/,
        );
        assert.deepEqual(await liveIds(setup), idsBefore, "store, rule and mapping ids unchanged");
        const withoutDuring = (users: unknown[]) =>
            users.filter((u) => (u as { Name: string }).Name !== during!.username);
        assert.deepEqual(
            [withoutDuring(await docuWareUsers(contoso)), await docuWareUsers(fabrikam)],
            usersBefore,
            "no DocuWare user changed",
        );
        await emulators.pingone.waitForProvisioningIdle();
        assert.ok(await docuWareUser(contoso, during!.username), "provisioning works during the deployment");
        const after = await provisionUser(emulators, pingone, "after.adoption", setup.custom.populationId);
        assert.ok(await docuWareUser(fabrikam, after.username), "provisioning works after");

        await must("pulumi preview --refresh --expect-no-changes --non-interactive", projectDir);
    });
});
