import { strict as assert } from "node:assert";
import { randomBytes } from "node:crypto";
import { rmSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { LocalWorkspace, type Stack } from "@pulumi/pulumi/automation";
import { type DocuWareEmulator, startDocuWareEmulator } from "../../emulators/docuware";
import { pingOneStackConfig } from "../../emulators/stackConfig";
import { type CliResult, assertNoSecrets, describeRun, runCli } from "../helpers/cliRunner";
import { type RunningEmulators, startTestEmulators } from "../helpers/emulators";
import { engineWorkDir, fastEngineEnvironment, printEngineVersion, requireEngine } from "../helpers/engine";
import { createPopulation, docuWareUser, pingOneClient } from "../helpers/projects";
import { writesOf } from "../helpers/requestWrites";

/**
 * Three DocuWare organizations fed from one PingOne environment; the `variant` config changes rules and connections
 * the way a pull request would, without deploying: `impact` previews each variant against the deployed base.
 */
const PROGRAM = `import * as pulumi from "@pulumi/pulumi";
import { DocuWarePingOneProvisioning, GUIDE_MAPPINGS, pingone } from "pulumi-docuware-pingone";

const config = new pulumi.Config();
const variant = config.get("variant") ?? "base";
const organizations = config.requireObject<string[]>("organizations");
const guide = GUIDE_MAPPINGS.map((m) => ({ ...m }));
const plan = new pingone.PropagationPlan("plan");
const acme = new DocuWarePingOneProvisioning("acme", {
    organizationUrl: organizations[0],
    planId: plan.id,
    userFilter: { populationName: variant === "A" ? "Contractors" : "Sales" },
    ruleEnabled: variant !== "B",
});
new DocuWarePingOneProvisioning("beta", {
    organizationUrl: organizations[1],
    planId: plan.id,
    userFilter:
        variant === "B"
            ? { expression: 'population.name eq "Support" or population.name eq "Contractors"' }
            : { populationName: "Support" },
    mappings: variant === "A" ? guide.map((m) => (m.target === "givenName" ? { ...m, source: "name.family" } : m)) : guide,
    connection: { removeAction: variant === "A" ? "Delete" : "Disable" },
});
if (variant !== "B") {
    new DocuWarePingOneProvisioning("gamma", {
        organizationUrl: organizations[2],
        planId: plan.id,
        userFilter: { populationName: "Contractors" },
        connection: { deprovisionOnDelete: true, removeAction: "Delete" },
    });
} else {
    new pingone.PropagationRule("extra-rule", {
        planId: plan.id,
        targetStoreId: acme.storeId,
        name: "Everyone else to Acme",
        userFilter: { populationName: "Default" },
        mappings: guide.slice(0, 4),
    });
}
`;

interface ImpactDocument {
    stack: string;
    destroy: boolean;
    provisioning: number;
    deprovisioning: number;
    limits: { maxDeprovision?: number; maxProvision?: number; exceeded: string[] };
    rules: {
        resource: string;
        organizationUrl: string | null;
        changes: string[];
        evaluation: { before?: string; after?: string };
        entering: { id: string; username: string; action: string }[];
        leaving: { id: string; username: string; action: string }[];
        changing: { id: string; username: string; attributes: Record<string, { from: unknown; to: unknown }> }[];
    }[];
}

/** Populations and their users: given name is the capitalised username, family name "Doe". */
const DIRECTORY: Record<string, string[]> = {
    Sales: ["alice", "bob", "carol"],
    Support: ["dave", "erin"],
    Contractors: ["frank"],
    Default: ["grace"],
};

describe("docuware-pingone impact (real pulumi, three organizations, emulators)", function () {
    this.timeout(900_000);
    let emulators: RunningEmulators;
    let extraOrganizations: DocuWareEmulator[] = [];
    let workDir: string;
    let stack: Stack;
    let env: Record<string, string>;
    let organizationUrls: string[];
    const ids: Record<string, string> = {};

    before(async function () {
        requireEngine(this);
        printEngineVersion();
        emulators = await startTestEmulators();
        const acme = emulators.docuware[0]!;
        // Organizations administered with the same credential: the stack has one DocuWare administrator credential.
        extraOrganizations = await Promise.all(
            ["Beta", "Gamma"].map((organizationName) =>
                startDocuWareEmulator({
                    organizationName,
                    adminClientId: acme.adminClientId,
                    adminClientSecret: acme.adminClientSecret,
                }),
            ),
        );
        organizationUrls = [acme.baseUrl, ...extraOrganizations.map((o) => o.baseUrl)];
        const pingone = emulators.connection().pingone;
        const client = pingOneClient(pingone);
        for (const [population, usernames] of Object.entries(DIRECTORY)) {
            const populationId = population === "Default" ? undefined : await createPopulation(pingone, population);
            for (const username of usernames) {
                const user = await client.createUser(pingone.environmentId, {
                    username,
                    email: `${username}@example.com`,
                    name: { given: username[0]!.toUpperCase() + username.slice(1), family: "Doe" },
                    ...(populationId && { population: { id: populationId } }),
                });
                ids[username] = user.id;
            }
        }
        env = { PULUMI_CONFIG_PASSPHRASE: process.env.PULUMI_CONFIG_PASSPHRASE ?? "test", ...fastEngineEnvironment() };
        workDir = engineWorkDir("impact-command");
        writeFileSync(path.join(workDir, "Pulumi.yaml"), "name: impact-command\nruntime: nodejs\n");
        writeFileSync(path.join(workDir, "package.json"), JSON.stringify({ name: "impact-command", main: "index.ts" }));
        writeFileSync(path.join(workDir, "index.ts"), PROGRAM);
        stack = await LocalWorkspace.createStack(
            { stackName: `impact-${randomBytes(3).toString("hex")}`, workDir },
            { envVars: env },
        );
        await stack.setAllConfig({
            ...pingOneStackConfig(pingone),
            "docuware:clientId": { value: acme.adminClientId },
            "docuware:clientSecret": { value: acme.adminClientSecret, secret: true },
            organizations: { value: JSON.stringify(organizationUrls) },
        });
        const result = await stack.up();
        assert.equal(result.summary.result, "succeeded");
        await emulators.pingone.waitForProvisioningIdle();
    });

    after(async () => {
        try {
            if (stack) {
                await stack.removeConfig("variant");
                await stack.destroy();
                await stack.workspace.removeStack(stack.name);
            }
        } finally {
            if (workDir) {
                rmSync(workDir, { recursive: true, force: true });
            }
            await Promise.all(extraOrganizations.map((o) => o.close()));
            await emulators?.stop();
        }
    });

    const impact = async (args: string[]): Promise<CliResult> => {
        const result = await runCli(["impact", "--stack", stack.name, "--cwd", workDir, ...args], env, {
            timeoutMs: 300_000,
        });
        assertNoSecrets(result, [
            emulators.connection().pingone.workerClientSecret,
            emulators.docuware[0]!.adminClientSecret,
        ]);
        return result;
    };
    const variant = (name: string) => stack.setConfig("variant", { value: name });
    const users = (list: { username: string; action?: string }[]) =>
        list.map((u) => (u.action ? `${u.username}:${u.action}` : u.username));
    const summary = (document: ImpactDocument) =>
        document.rules.map((r) => ({
            rule: r.resource,
            org: organizationUrls.indexOf(r.organizationUrl ?? ""),
            changes: r.changes,
            evaluation: r.evaluation,
            entering: users(r.entering),
            leaving: users(r.leaving),
            changing: users(r.changing),
        }));

    it("reports who enters, leaves or changes for each change kind, within or beyond the limits, changing nothing", async () => {
        const controls = [
            emulators.pingone.control,
            ...[...emulators.docuware, ...extraOrganizations].map((o) => o.control),
        ];
        await Promise.all(controls.map((control) => control.resetRequests()));

        // A filter moved to another population, and a mapping and REMOVE_ACTION change; 3 deprovisioned > 2.
        await variant("A");
        const limited = await impact(["--json", "--max-deprovision", "2"]);
        assert.equal(limited.code, 3, describeRun(limited));
        assert.match(
            limited.stderr,
            /^error: --max-deprovision 2 exceeded: 3 users would be disabled or deleted in DocuWare$/m,
        );
        const a = JSON.parse(limited.stdout) as ImpactDocument;
        assert.deepEqual(summary(a), [
            {
                rule: "acme-rule",
                org: 0,
                changes: ["filter"],
                evaluation: { before: "pingone-filter", after: "pingone-filter" },
                entering: ["frank:provision"],
                leaving: ["alice:disable", "bob:disable", "carol:disable"],
                changing: [],
            },
            {
                rule: "beta-rule",
                org: 1,
                changes: ["mappings", "remove-action"],
                evaluation: { before: "pingone-filter", after: "pingone-filter" },
                entering: [],
                leaving: [],
                changing: ["dave", "erin"],
            },
        ]);
        assert.deepEqual(a.rules[0]!.leaving[0]!.id, ids["alice"]);
        assert.deepEqual(a.rules[1]!.changing[0]!.attributes, { givenName: { from: "Dave", to: "Doe" } });
        assert.deepEqual([a.provisioning, a.deprovisioning, a.limits.exceeded.length], [1, 3, 1]);

        // Deactivation, a filter PingOne cannot evaluate, a new rule, and a managed connection deleted.
        await variant("B");
        const table = await impact(["--max-deprovision", "1", "--max-provision", "2"]);
        assert.equal(table.code, 0, describeRun(table));
        const lines = table.stdout.split("\n");
        assert.equal(
            lines[0],
            `Deploying stack ${stack.name}: 2 users gain DocuWare access, 1 are disabled or deleted.`,
        );
        assert.match(lines[2]!, /^RULE\s+ORGANIZATION\s+CHANGES\s+ENTERING\s+LEAVING\s+CHANGING\s+EVALUATED\s+SAMPLE$/);
        const row = (rule: string) => lines.find((line) => line.startsWith(`${rule} `))?.split(/\s{2,}/);
        assert.deepEqual(row("acme-rule"), [
            "acme-rule",
            organizationUrls[0],
            "deactivation",
            "0",
            "3 keep",
            "0",
            "PingOne filter",
            "-alice bob carol",
        ]);
        assert.deepEqual(row("beta-rule"), [
            "beta-rule",
            organizationUrls[1],
            "filter",
            "1",
            "0",
            "0",
            "PingOne filter + locally",
            "+frank",
        ]);
        assert.deepEqual(row("gamma-rule"), [
            "gamma-rule",
            organizationUrls[2],
            "delete,connection-deleted",
            "0",
            "1 delete",
            "0",
            "PingOne filter",
            "-frank",
        ]);
        assert.deepEqual(row("extra-rule"), [
            "extra-rule",
            organizationUrls[0],
            "create",
            "1",
            "0",
            "0",
            "PingOne filter",
            "+grace",
        ]);
        assert.match(table.stderr, /^reading users matching population\.id eq "[^"]+" in PingOne environment \S+…$/m);
        assert.match(table.stderr, /^reading all users in PingOne environment \S+…$/m);

        // Destroying the stack: the rules stop (everyone kept); only gamma's connection is `managed` and deletes its users.
        await stack.removeConfig("variant");
        const destroyed = await impact(["--destroy", "--json", "--max-deprovision", "1"]);
        assert.equal(destroyed.code, 0, describeRun(destroyed));
        const d = JSON.parse(destroyed.stdout) as ImpactDocument;
        assert.equal(d.destroy, true);
        assert.deepEqual(
            summary(d).map((r) => [r.rule, r.org, r.changes.join(","), r.leaving.join(" ")]),
            [
                ["acme-rule", 0, "delete,connection-deleted", "alice:keep bob:keep carol:keep"],
                ["beta-rule", 1, "delete,connection-deleted", "dave:keep erin:keep"],
                ["gamma-rule", 2, "delete,connection-deleted", "frank:delete"],
            ],
        );

        for (const control of controls) {
            assert.deepEqual(writesOf((await control.requests()).log), [], "impact writes nothing");
        }

        // Deploying variant A does what its impact said, in DocuWare.
        await variant("A");
        await stack.up();
        await emulators.pingone.waitForProvisioningIdle();
        const [acme, beta] = [emulators.docuware[0]!, extraOrganizations[0]!];
        for (const username of ["alice", "bob", "carol"]) {
            assert.equal((await docuWareUser(acme, username))?.Active, false, `${username} disabled`);
        }
        assert.equal((await docuWareUser(acme, "frank"))?.Active, true, "frank provisioned");
        for (const username of ["dave", "erin"]) {
            assert.equal((await docuWareUser(beta, username))?.FirstName, "Doe", `${username}'s given name mapped`);
        }
    });
});
