import { strict as assert } from "node:assert";
import { generateProject, type ProjectTarget } from "../../../bin/import/generateProject";
import { type Inventory, type InventoryConnection, InventorySchema } from "../../../bin/import/inventory";

const TARGET: ProjectTarget = {
    projectName: "contoso-provisioning",
    packageVersion: "^0.1.0",
    workerClientId: "worker-id",
    workerEnvironmentId: "env-1",
    regionCode: "eu",
};

const GUIDE_MAPPINGS = [
    { id: "m1", source: "username", target: "userName" },
    { id: "m2", source: "email", target: "workEmail" },
    { id: "m3", source: "id", target: "externalId" },
    { id: "m4", source: "enabled", target: "active" },
];

function connection(overrides: Partial<InventoryConnection> = {}): InventoryConnection {
    return {
        id: "store-1",
        name: "DocuWare Cloud (Contoso)",
        enabled: true,
        scimUrl: "https://contoso.docuware.cloud/DocuWare/Services/UserProvisioningService/ping/scim",
        organizationUrl: "https://contoso.docuware.cloud",
        identityProvider: "ping",
        tokenUrl: "https://login-emea.docuware.cloud/guid/connect/token",
        discoveredTokenUrl: "https://login-emea.docuware.cloud/guid/connect/token",
        tokenUrlCheck: "matches",
        clientId: "dw-client",
        settings: { createUsers: true, removeAction: "Delete", userFilter: 'userName eq "%s"', managed: false },
        rules: [
            {
                id: "rule-1",
                name: "Contoso users",
                active: true,
                sourceStoreId: null,
                populationExpression: 'population.id eq "pop-1"',
                userFilter: { populationName: "Docs Team" },
                groups: [],
                mappings: [
                    ...GUIDE_MAPPINGS,
                    { id: "m5", expression: 'user.name.given + " " + user.name.family', target: "displayName" },
                ],
            },
        ],
        componentMisfits: [],
        ...overrides,
    };
}

function inventory(connections: InventoryConnection[], overrides: Partial<Inventory> = {}): Inventory {
    return InventorySchema.parse({
        environmentId: "env-1",
        plan: { id: "plan-1", name: "Default Plan", active: true },
        connections,
        skipped: [{ id: "store-9", name: "HR system", reason: "not DocuWare" }],
        warnings: [],
        ...overrides,
    });
}

describe("import: program generation", () => {
    it("writes a runnable project: Pulumi.yaml, package.json with the package and @pulumi/pulumi, tsconfig.json", () => {
        const { files } = generateProject(inventory([connection()]), TARGET);
        assert.deepEqual(Object.keys(files).sort(), [
            "Pulumi.yaml",
            "README.md",
            "index.ts",
            "package.json",
            "tsconfig.json",
        ]);
        assert.match(files["Pulumi.yaml"]!, /^name: contoso-provisioning\nruntime: nodejs\n/);
        const pkg = JSON.parse(files["package.json"]!) as { main: string; dependencies: Record<string, string> };
        assert.equal(pkg.main, "index.ts");
        assert.deepEqual(Object.keys(pkg.dependencies).sort(), ["@pulumi/pulumi", "pulumi-docuware-pingone"]);
        assert.equal(pkg.dependencies["pulumi-docuware-pingone"], "^0.1.0");
        assert.deepEqual((JSON.parse(files["tsconfig.json"]!) as { files: string[] }).files, ["index.ts"]);
    });

    it("declares a fitting connection as one component adopting it, with its live names, options, filter and mappings", () => {
        const index = generateProject(inventory([connection()]), TARGET).files["index.ts"]!;
        const block = index.slice(index.indexOf("const docuwareCloudContoso = new DocuWarePingOneProvisioning"));
        for (const line of [
            'new DocuWarePingOneProvisioning("docuware-cloud-contoso", {',
            "    adopt: true,",
            '    organizationUrl: "https://contoso.docuware.cloud",',
            '        clientId: config.requireSecret("docuwareCloudContosoClientId"),',
            '        clientSecret: config.requireSecret("docuwareCloudContosoClientSecret"),',
            "    planId: plan.planId,",
            '    connectionName: "DocuWare Cloud (Contoso)",',
            "    connectionEnabled: true,",
            '        removeAction: "Delete",',
            '        userLookupFilter: "userName eq \\"%s\\"",',
            "        deprovisionOnDelete: false,",
            '    ruleName: "Contoso users",',
            "    ruleEnabled: true,",
            '    userFilter: { populationName: "Docs Team" },',
            '        { source: "username", target: "userName" },',
            '        { expression: "user.name.given + \\" \\" + user.name.family", target: "displayName" },',
        ]) {
            assert.ok(block.includes(`${line}\n`), `missing line ${line}\n${block}`);
        }
        assert.ok(!block.includes("environmentId"), "the worker's environment comes from pingone:environmentId");
        assert.match(index, /^import \{ DocuWarePingOneProvisioning, pingone \} from "pulumi-docuware-pingone";$/m);
        assert.match(index, /^const plan = new pingone\.PropagationPlan\("plan", \{\n {4}name: "Default Plan",/m);
        assert.match(index, /^\/\/ Not imported: "HR system" \(id store-9\): not DocuWare\.$/m);
    });

    it("prints the config commands: secrets with --secret and a placeholder, the readable client id as it is", () => {
        const { configCommands } = generateProject(inventory([connection()]), TARGET);
        assert.deepEqual(configCommands, [
            "pulumi config set pingone:clientId worker-id",
            "pulumi config set --secret pingone:clientSecret '<client secret of the PingOne worker application>'",
            "pulumi config set pingone:environmentId env-1",
            "pulumi config set pingone:regionCode eu",
            "pulumi config set --secret docuwareCloudContosoClientId dw-client",
            `pulumi config set --secret docuwareCloudContosoClientSecret '<client secret of the DocuWare app registration dw-client used by connection "DocuWare Cloud (Contoso)">'`,
        ]);
        const custom = generateProject(inventory([connection()]), {
            ...TARGET,
            regionCode: undefined,
            authUrl: "http://127.0.0.1:1",
            apiUrl: "http://127.0.0.1:2/v1",
        }).configCommands;
        assert.ok(custom.includes("pulumi config set pingone:authUrl http://127.0.0.1:1"));
        assert.ok(custom.includes("pulumi config set pingone:apiUrl http://127.0.0.1:2/v1"));
    });

    it("lists the writes of the first pulumi up: each connection's PUT with the write-only secret", () => {
        const { writes, files } = generateProject(inventory([connection()]), TARGET);
        assert.equal(writes.length, 1);
        assert.match(writes[0]!, /^PUT connection "DocuWare Cloud \(Contoso\)" \(id store-1\) .*write-only secret/);
        assert.ok(files["index.ts"]!.includes("pulumi.log.info("), "pulumi up prints them");
        assert.ok(files["README.md"]!.includes(`- ${writes[0]}`));
    });

    it("declares a connection that does not fit the component resource by resource, saying why", () => {
        const twoRules = connection({
            name: "Fabrikam DMS",
            identityProvider: "generic-fabrikam",
            settings: { authenticationMethod: "OAuth 2 Client Credentials", scimVersion: "2.0", description: "DMS" },
            rules: [
                { ...connection().rules[0]!, id: "rule-a", name: "A", description: "first" },
                {
                    ...connection().rules[0]!,
                    id: "rule-b",
                    name: "B",
                    active: false,
                    userFilter: { expression: 'population.id eq "x" or population.id eq "y"' },
                    sourceStoreId: "other-source",
                    groups: ["group-1", "group-2"],
                },
                {
                    ...connection().rules[0]!,
                    id: "rule-c",
                    name: "C",
                    mappings: [],
                    notAdopted: "it has no attribute mappings",
                },
            ],
            componentMisfits: ['its SCIM URL is for identity provider "generic-fabrikam"', "it has 2 rules"],
        });
        const index = generateProject(inventory([twoRules], { environmentId: "env-2" }), TARGET).files["index.ts"]!;
        assert.ok(!index.includes("new DocuWarePingOneProvisioning"), index);
        for (const line of [
            '// Connection "Fabrikam DMS" (id store-1) does not fit DocuWarePingOneProvisioning:',
            '//   - its SCIM URL is for identity provider "generic-fabrikam"',
            "//   - it has 2 rules",
            'const fabrikamDmsConnection = new pingone.PropagationStore("fabrikam-dms-connection", {',
            '    environmentId: "env-2",',
            '    description: "DMS",',
            '    oauthClientId: config.requireSecret("fabrikamDmsClientId"),',
            '    oauthClientSecret: config.requireSecret("fabrikamDmsClientSecret"),',
            'const fabrikamDmsRule1 = new pingone.PropagationRule("fabrikam-dms-rule-1", {',
            '    description: "first",',
            '    sourceStoreId: "other-source",',
            "    targetStoreId: fabrikamDmsConnection.storeId,",
            '    userFilter: { expression: "population.id eq \\"x\\" or population.id eq \\"y\\"" },',
            '    groupIds: ["group-1","group-2"],',
            "    active: false,",
            '// Rule "C" (id rule-c) is not declared: it has no attribute mappings.',
            "    triggers: { connection: fabrikamDmsConnection.storeId, rules: [fabrikamDmsRule1.ruleId, fabrikamDmsRule2.ruleId] },",
        ]) {
            assert.ok(index.includes(`${line}\n`), `missing line ${line}\n${index}`);
        }
        assert.match(index, /^const plan = new pingone\.PropagationPlan\("plan", \{\n {4}environmentId: "env-2",/m);
    });

    it("gives each connection a unique name, and an environment without DocuWare connections a program with the plan only", () => {
        const twice = generateProject(
            inventory([connection(), connection({ id: "store-2", name: "DocuWare-Cloud Contoso" })]),
            TARGET,
        );
        assert.match(twice.files["index.ts"]!, /new DocuWarePingOneProvisioning\("docuware-cloud-contoso-2", \{/);
        assert.ok(
            twice.configCommands.some((c) => c.startsWith("pulumi config set --secret docuwareCloudContoso2ClientId ")),
        );
        const empty = generateProject(inventory([], { warnings: ["no DocuWare connection"] }), TARGET);
        assert.match(empty.files["index.ts"]!, /^import \{ pingone \} from "pulumi-docuware-pingone";$/m);
        assert.deepEqual(empty.writes, []);
        assert.match(empty.files["README.md"]!, /^- no DocuWare connection$/m);
    });
});
