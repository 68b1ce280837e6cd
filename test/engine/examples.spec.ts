import { strict as assert } from "node:assert";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import * as path from "node:path";
import type { ConfigMap, OutputMap, UpResult } from "@pulumi/pulumi/automation";
import type { DocuWareEmulator } from "../../emulators/docuware";
import { docuWareStackConfig, pingOneStackConfig } from "../../emulators/stackConfig";
import { type RunningEmulators, startTestEmulators } from "../helpers/emulators";
import { REPO_ROOT, StepRecorder, printEngineVersion, requireEngine } from "../helpers/engine";
import { type PackRun, previewWithPack, upWithPack } from "../helpers/policyPackRun";
import {
    createProjectStack,
    deleteDocuWareUser,
    docuWareUser,
    type EmulatorState,
    emulatorState,
    existingRegistrationStackConfig,
    multiOrganizationSetup,
    type ProjectStack,
    provisionUser,
    ROOT_PROJECT_FILES,
} from "../helpers/projects";

/** What one project's test needs: the emulators prepared as an administrator would, and the stack config. */
interface Setup {
    config: ConfigMap;
    pathConfig?: ConfigMap;
    /** Every DocuWare organization the project provisions to; the ones the state comparison covers. */
    organizations: DocuWareEmulator[];
    /** PingOne populations the setup created, by name. */
    populations?: Record<string, string>;
    /** Stops emulators the setup started itself. */
    close?(): Promise<void>;
}

interface ProjectCase {
    /** The project folder, relative to the repository root. */
    project: string;
    /** What to copy, when not the whole folder. */
    include?: string[];
    docuwareOrganizations?: number;
    /** The policy pack's advisory findings on this project's settings (mandatory ones would stop the deployment). */
    advisories?: string[];
    setup(emulators: RunningEmulators): Promise<Setup>;
    /** Checks the outputs of the first `up`. */
    checkOutputs(outputs: OutputMap, setup: Setup): void;
    /** The guide's "Provision users" step against the deployed configuration; leaves no user behind. */
    checkProvisioning(emulators: RunningEmulators, setup: Setup): Promise<void>;
}

const GUIDE_STATUS =
    'DocuWare provisioning on (ping); connection "DocuWare (docuware)" on; rule "PingOne to DocuWare (docuware)" on, 6 mappings';

/** Asserts that the user arrived in DocuWare with the guide's mappings applied. */
async function assertProvisioned(organization: DocuWareEmulator, username: string, pingOneUserId: string) {
    const user = await docuWareUser(organization, username);
    assert.ok(user, `${username} was provisioned to ${organization.organizationName}`);
    assert.deepEqual(
        {
            Active: user.Active,
            EMail: user.EMail,
            FirstName: user.FirstName,
            LastName: user.LastName,
            ExternalId: user.ExternalId,
            ExternalIdp: user.ExternalIdp,
        },
        {
            Active: true,
            EMail: `${username}@example.com`,
            FirstName: "Jane",
            LastName: "Doe",
            ExternalId: pingOneUserId,
            ExternalIdp: "ping",
        },
    );
}

const cases: ProjectCase[] = [
    {
        project: ".",
        include: ROOT_PROJECT_FILES,
        advisories: [
            'advisory scim-connection-remove-action-disable: PropagationStore "docuware-connection" must disable deprovisioned DocuWare users rather than delete them, but removeAction is "Delete"; set removeAction to "Disable".',
        ],
        async setup(emulators) {
            const connection = emulators.connection();
            return {
                config: {
                    ...pingOneStackConfig(connection.pingone),
                    ...docuWareStackConfig(connection.docuware),
                    connectionName: { value: "DocuWare" },
                    ruleName: { value: "PingOne to DocuWare" },
                    removeAction: { value: "Delete" },
                },
                organizations: emulators.docuware,
            };
        },
        checkOutputs(outputs) {
            assert.equal(
                outputs.status?.value,
                'DocuWare provisioning on (ping); connection "DocuWare" on; rule "PingOne to DocuWare" on, 6 mappings',
            );
        },
        async checkProvisioning(emulators) {
            const organization = emulators.docuware[0]!;
            const user = await provisionUser(emulators, emulators.connection().pingone, "jdoe");
            await assertProvisioned(organization, "jdoe", user.id);
            await user.delete();
            assert.equal(await docuWareUser(organization, "jdoe"), undefined, "removeAction Delete deleted the user");
        },
    },
    {
        project: "examples/guide-flow",
        async setup(emulators) {
            const connection = emulators.connection();
            return {
                config: { ...pingOneStackConfig(connection.pingone), ...docuWareStackConfig(connection.docuware) },
                organizations: emulators.docuware,
            };
        },
        checkOutputs(outputs, setup) {
            assert.equal(outputs.status?.value, GUIDE_STATUS);
            assert.equal(
                outputs.scimBaseUrl?.value,
                `${setup.organizations[0]!.baseUrl}/DocuWare/Services/UserProvisioningService/ping/scim`,
            );
        },
        async checkProvisioning(emulators) {
            const organization = emulators.docuware[0]!;
            const user = await provisionUser(emulators, emulators.connection().pingone, "jdoe");
            await assertProvisioned(organization, "jdoe", user.id);
            await user.delete();
            assert.equal((await docuWareUser(organization, "jdoe"))?.Active, false, "the guide's default disables");
            await deleteDocuWareUser(organization, "jdoe");
        },
    },
    {
        project: "examples/existing-registration",
        setup: async (emulators) => ({
            config: await existingRegistrationStackConfig(emulators),
            organizations: [emulators.docuware[0]!],
        }),
        checkOutputs(outputs) {
            assert.equal(outputs.status?.value, GUIDE_STATUS);
        },
        async checkProvisioning(emulators) {
            const organization = emulators.docuware[0]!;
            const user = await provisionUser(emulators, emulators.connection().pingone, "jdoe");
            await assertProvisioned(organization, "jdoe", user.id);
            await user.delete();
            await deleteDocuWareUser(organization, "jdoe");
        },
    },
    {
        project: "examples/multi-organization",
        docuwareOrganizations: 2,
        setup: multiOrganizationSetup,
        checkOutputs(outputs) {
            const provisioning = outputs.provisioning?.value as Record<string, { status: string }>;
            assert.deepEqual(
                Object.fromEntries(Object.entries(provisioning).map(([name, { status }]) => [name, status])),
                Object.fromEntries(
                    ["acme", "initech", "globex"].map((name) => [
                        name,
                        `DocuWare provisioning on (ping); connection "DocuWare (${name})" on; rule "PingOne to DocuWare (${name})" on, 6 mappings`,
                    ]),
                ),
            );
        },
        async checkProvisioning(emulators, setup) {
            const [acme, initech, globex] = setup.organizations as [
                DocuWareEmulator,
                DocuWareEmulator,
                DocuWareEmulator,
            ];
            const pingone = emulators.connection().pingone;
            const jane = await provisionUser(emulators, pingone, "jdoe");
            const gina = await provisionUser(emulators, pingone, "gglobex", setup.populations!.Globex);
            await assertProvisioned(acme, "jdoe", jane.id);
            await assertProvisioned(initech, "jdoe", jane.id);
            await assertProvisioned(globex, "gglobex", gina.id);
            assert.equal(await docuWareUser(globex, "jdoe"), undefined, "Default users stay out of Globex");
            assert.equal(await docuWareUser(acme, "gglobex"), undefined, "Globex users stay out of Acme");
            for (const user of [jane, gina]) {
                await user.delete();
                for (const organization of setup.organizations) {
                    await deleteDocuWareUser(organization, user.username);
                }
            }
        },
    },
];

describe("the examples as projects", () => {
    const examplesDir = path.join(REPO_ROOT, "examples");
    const examples = readdirSync(examplesDir).filter((name) => existsSync(path.join(examplesDir, name, "Pulumi.yaml")));
    const readJson = (file: string) =>
        JSON.parse(readFileSync(file, "utf8")) as {
            dependencies?: Record<string, string>;
            devDependencies?: Record<string, string>;
        };
    const root = readJson(path.join(REPO_ROOT, "package.json"));

    it("are each deployed by a test below", () => {
        assert.deepEqual(
            examples.map((name) => `examples/${name}`).sort(),
            cases
                .map((c) => c.project)
                .filter((project) => project !== ".")
                .sort(),
        );
    });

    for (const name of examples) {
        it(`${name} is a runnable project with a README`, () => {
            const dir = path.join(examplesDir, name);
            for (const file of ["Pulumi.yaml", "index.ts", "package.json", "tsconfig.json", "README.md"]) {
                assert.ok(existsSync(path.join(dir, file)), `examples/${name}/${file}`);
            }
            const headings = [...readFileSync(path.join(dir, "README.md"), "utf8").matchAll(/^## (.+)$/gm)].map(
                (match) => match[1],
            );
            for (const section of ["Prerequisites", "Configuration", "Run", "Clean up", "Known issues"]) {
                assert.ok(headings.includes(section), `examples/${name}/README.md has a "${section}" section`);
            }
            const example = readJson(path.join(dir, "package.json"));
            assert.equal(example.dependencies?.["pulumi-docuware-pingone"], "file:../..");
            for (const dependency of ["@pulumi/pulumi", "typescript", "@types/node"]) {
                const pinned: string | undefined =
                    example.dependencies?.[dependency] ?? example.devDependencies?.[dependency];
                assert.equal(pinned, root.devDependencies?.[dependency], `${dependency} pinned like the repository's`);
            }
        });
    }
});

describe("the root program and the examples through the engine", function () {
    this.timeout(600_000);

    before(function () {
        requireEngine(this);
        printEngineVersion();
    });

    for (const projectCase of cases) {
        describe(projectCase.project === "." ? "program/ (root Pulumi.yaml)" : projectCase.project, () => {
            let emulators: RunningEmulators;
            let setup: Setup;
            let test: ProjectStack;
            let initialState: EmulatorState;
            let deployed: UpResult;
            let packPreview: PackRun;
            let packUpViolations: string[];

            // Each test starts from the deployed project, made here rather than by another test: a fresh preview and
            // the `pulumi up`, both with the policy pack (policy/) as a platform team would run them.
            before(async () => {
                emulators = await startTestEmulators({ docuwareOrganizations: projectCase.docuwareOrganizations });
                setup = await projectCase.setup(emulators);
                initialState = await emulatorState(emulators, setup.organizations);
                test = await createProjectStack({
                    project: projectCase.project,
                    include: projectCase.include,
                    config: setup.config,
                    pathConfig: setup.pathConfig,
                });
                packPreview = await previewWithPack(test.stack, test.workDir);
                const up = await upWithPack(test.stack, test.workDir);
                deployed = up.result;
                packUpViolations = up.events.violations;
            });
            after(async () => {
                await test?.dispose();
                await setup?.close?.();
                await emulators?.stop();
            });

            it("deploys from stack config alone", () => {
                assert.equal(deployed.summary.result, "succeeded");
                projectCase.checkOutputs(deployed.outputs, setup);
            });

            it("passes the policy pack in a fresh preview and in pulumi up", () => {
                assert.equal(packPreview.error, undefined, packPreview.error?.message);
                assert.deepEqual(packPreview.events.violations, projectCase.advisories ?? []);
                assert.deepEqual(packUpViolations, projectCase.advisories ?? [], "the same once every value is known");
            });

            it("previews no changes", async () => {
                const steps = new StepRecorder();
                await test.stack.preview({ onEvent: steps.onEvent, expectNoChanges: true });
                assert.deepEqual(steps.changes(), []);
            });

            it("provisions a PingOne user to DocuWare", async () => {
                await projectCase.checkProvisioning(emulators, setup);
            });

            it("destroys, leaving the emulators as they were", async () => {
                const result = await test.destroy();
                assert.equal(result.summary.result, "succeeded");
                assert.deepEqual(await emulatorState(emulators, setup.organizations), initialState);
            });
        });
    }
});
