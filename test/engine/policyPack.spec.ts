import { strict as assert } from "node:assert";
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import type { Policy } from "@pulumi/policy";
import type { ConfigMap, EngineEvent, PreviewResult, Stack, StepEventMetadata } from "@pulumi/pulumi/automation";
import { DocuWarePingOneProvisioning } from "../../components";
import { type DocuWarePingOneProvisioningArgs, GUIDE_MAPPINGS } from "../../components/provisioningArgs";
import {
    docuWareProvisioningFedOnce,
    propagationRuleRequiredMappings,
    propagationRuleUserFilterRestricted,
    scimConnectionRemoveActionDisable,
    scimConnectionRulesDisjoint,
} from "../../policy/policies";
import { PropagationRule } from "../../sdk/pingone/resources/propagationRule";
import { emulatorStackConfig } from "../../emulators/stackConfig";
import { type RunningEmulators, startTestEmulators } from "../helpers/emulators";
import { REPO_ROOT, type TestStack, createInlineStack, printEngineVersion, requireEngine } from "../helpers/engine";
import { createProjectStack, existingRegistrationStackConfig, multiOrganizationSetup } from "../helpers/projects";

const POLICY_PACK = path.join(REPO_ROOT, "policy");

/** The emulators serve plain http on 127.0.0.1: every run allows loopback http, as a local config file would. */
const LOOPBACK = {
    "scim-connection-url-docuware": { allowLoopbackHttp: true },
    "scim-connection-oauth-client-credentials": { allowLoopbackHttp: true },
};

type Mapping = { source: string; target: string };
const guideMappingsWithout = (...targets: string[]): Mapping[] =>
    GUIDE_MAPPINGS.filter((mapping) => !targets.includes(mapping.target)).map((mapping) => ({ ...mapping }));

/** A violation as the tests expect it: `<level> <policy>: <message>`. */
const violation = (level: "mandatory" | "advisory", policy: Policy, message: string) =>
    `${level} ${policy.name}: ${message}`;

/** What the engine reported while running the pack: violations, remediations and the planned steps. */
class PackEvents {
    /** `<level> <policy>: <message>`; the engine prints the policy's description first, then the message. */
    readonly violations: string[] = [];
    /** The full `policyEvent` messages, description included. */
    readonly messages: string[] = [];
    /** `<policy> <resource name>` of each `policyRemediationEvent` (not in the Automation API's typings). */
    readonly remediations: string[] = [];
    readonly steps: StepEventMetadata[] = [];

    readonly onEvent = (event: EngineEvent): void => {
        if (event.policyEvent) {
            const { enforcementLevel, policyName, message } = event.policyEvent;
            this.messages.push(message.trimEnd());
            this.violations.push(
                `${enforcementLevel} ${policyName}: ${message.trimEnd().split("\n").slice(1).join("\n")}`,
            );
        }
        const remediation = (event as { policyRemediationEvent?: { resourceUrn: string; policyName: string } })
            .policyRemediationEvent;
        if (remediation) {
            this.remediations.push(`${remediation.policyName} ${remediation.resourceUrn.split("::").pop()}`);
        }
        if (event.resourcePreEvent) {
            this.steps.push(event.resourcePreEvent.metadata);
        }
    };

    /** The inputs the engine planned for a resource (after any remediation). */
    inputs(name: string): Record<string, unknown> | undefined {
        return this.steps.find((step) => step.urn.endsWith(`::${name}`))?.new?.inputs as Record<string, unknown>;
    }
}

interface PackRun {
    events: PackEvents;
    result?: PreviewResult;
    /** Set when the preview failed (a mandatory violation). */
    error?: Error;
}

/** Writes a `--policy-pack-config` file: the loopback settings plus `config`. */
function policyConfigFile(dir: string, config: Record<string, unknown> = {}): string {
    const file = path.join(dir, `policy-config-${Date.now()}.json`);
    writeFileSync(file, JSON.stringify({ ...LOOPBACK, ...config }, null, 4));
    return file;
}

/** `pulumi preview --policy-pack policy/ --policy-pack-config <file>`; a failed preview is returned, not thrown. */
async function previewWithPack(stack: Stack, workDir: string, config: Record<string, unknown> = {}): Promise<PackRun> {
    const events = new PackEvents();
    try {
        const result = await stack.preview({
            policyPacks: [POLICY_PACK],
            policyPackConfigs: [policyConfigFile(workDir, config)],
            onEvent: events.onEvent,
        });
        return { events, result };
    } catch (error) {
        return { events, error: error as Error };
    }
}

/** `pulumi up` with the pack; fails the test if the update fails. */
async function upWithPack(stack: Stack, workDir: string, config: Record<string, unknown> = {}): Promise<PackEvents> {
    const events = new PackEvents();
    const result = await stack.up({
        policyPacks: [POLICY_PACK],
        policyPackConfigs: [policyConfigFile(workDir, config)],
        onEvent: events.onEvent,
    });
    assert.equal(result.summary.result, "succeeded");
    return events;
}

/** How to run one Pulumi project of the repository against the emulators (same settings as the examples test). */
interface ProjectCase {
    /** Relative to the repository root. */
    project: string;
    include?: string[];
    docuwareOrganizations?: number;
    setup(emulators: RunningEmulators): Promise<{ config: ConfigMap; pathConfig?: ConfigMap; close?(): Promise<void> }>;
}

const PROJECTS: ProjectCase[] = [
    {
        project: ".",
        include: ["Pulumi.yaml", "program", "tsconfig.json"],
        setup: async (emulators) => ({ config: emulatorStackConfig(emulators) }),
    },
    {
        project: "examples/guide-flow",
        setup: async (emulators) => ({ config: emulatorStackConfig(emulators) }),
    },
    {
        project: "examples/existing-registration",
        setup: async (emulators) => ({ config: await existingRegistrationStackConfig(emulators) }),
    },
    {
        project: "examples/multi-organization",
        docuwareOrganizations: 2,
        setup: multiOrganizationSetup,
    },
];

describe("policy pack through the engine", function () {
    this.timeout(900_000);

    before(function () {
        requireEngine(this);
        printEngineVersion();
    });

    describe("the root program and the examples", () => {
        it("has a case for every example", () => {
            const examples = readdirSync(path.join(REPO_ROOT, "examples")).filter((name) =>
                existsSync(path.join(REPO_ROOT, "examples", name, "Pulumi.yaml")),
            );
            assert.deepEqual(
                examples.map((name) => `examples/${name}`).sort(),
                PROJECTS.map((p) => p.project)
                    .filter((p) => p !== ".")
                    .sort(),
            );
        });

        for (const projectCase of PROJECTS) {
            it(`${projectCase.project} passes the pack in a fresh preview and in pulumi up`, async () => {
                const emulators = await startTestEmulators({
                    docuwareOrganizations: projectCase.docuwareOrganizations,
                });
                const setup = await projectCase.setup(emulators);
                const test = await createProjectStack({
                    project: projectCase.project,
                    include: projectCase.include,
                    config: setup.config,
                    pathConfig: setup.pathConfig,
                });
                try {
                    const preview = await previewWithPack(test.stack, test.workDir);
                    assert.equal(preview.error, undefined, preview.error?.message);
                    assert.deepEqual(preview.events.violations, []);

                    const up = await upWithPack(test.stack, test.workDir);
                    assert.deepEqual(up.violations, [], "no violation once every value is known");
                } finally {
                    await test.dispose();
                    await setup.close?.();
                    await emulators.stop();
                }
            });
        }
    });

    describe("inline programs", () => {
        let emulators: RunningEmulators;
        const stacks: TestStack[] = [];

        before(async () => {
            emulators = await startTestEmulators();
        });
        after(async () => {
            for (const test of stacks.splice(0)) {
                await test.dispose();
            }
            await emulators?.stop();
        });

        async function newStack(projectName: string, program: () => Promise<Record<string, unknown>>) {
            const test = await createInlineStack({ projectName, envVars: emulators.providerEnvironment(), program });
            stacks.push(test);
            return test;
        }

        /** A team's program: the component with these args. */
        const component = (args: () => DocuWarePingOneProvisioningArgs) => async () => {
            const provisioning = new DocuWarePingOneProvisioning("acme", args());
            return { status: provisioning.status };
        };

        describe("a program missing a required mapping (enabled → active)", () => {
            const ACTIVE_MISSING =
                'PropagationRule "acme-rule" must map enabled → active for DocuWare; add it to `mappings` (the "remediate" level adds it).';
            const REMEDIATE = { "propagation-rule-required-mappings": "remediate" };
            let test: TestStack;

            before(async () => {
                test = await newStack(
                    "policy-missing-mapping",
                    component(() => ({ mappings: guideMappingsWithout("active") })),
                );
            });

            it("fails preview with the exact violation", async () => {
                const { events, error } = await previewWithPack(test.stack, test.workDir);
                assert.ok(error, "preview must fail");
                assert.ok(error.message.includes(ACTIVE_MISSING), error.message);
                assert.deepEqual(events.violations, [
                    violation("mandatory", propagationRuleRequiredMappings, ACTIVE_MISSING),
                ]);
                assert.deepEqual(events.messages, [
                    `${propagationRuleRequiredMappings.description}\n${ACTIVE_MISSING}`,
                ]);
            });

            it("previews clean at the remediate level, with the mapping added", async () => {
                const { events, error } = await previewWithPack(test.stack, test.workDir, REMEDIATE);
                assert.equal(error, undefined, error?.message);
                assert.deepEqual(events.violations, []);
                assert.deepEqual(events.remediations, ["propagation-rule-required-mappings acme-rule"]);
                assert.deepEqual(events.inputs("acme-rule")?.mappings, [
                    ...guideMappingsWithout("active"),
                    { source: "enabled", target: "active" },
                ]);
            });

            it("deploys the remediated mapping at the remediate level", async () => {
                const events = await upWithPack(test.stack, test.workDir, REMEDIATE);
                assert.deepEqual(events.violations, []);
                const state = await test.stack.exportStack();
                const rule = (
                    state.deployment.resources as { type: string; outputs?: { mappings?: Mapping[] } }[]
                ).find((resource) => resource.type === PropagationRule.__pulumiType);
                // The rule's outputs are read back from (emulated) PingOne after the update.
                assert.deepEqual(rule?.outputs?.mappings?.at(-1), { source: "enabled", target: "active" });
                await test.stack.destroy();
            });
        });

        describe("--policy-pack-config", () => {
            let test: TestStack;
            let args: DocuWarePingOneProvisioningArgs = {};

            before(async () => {
                test = await newStack(
                    "policy-config",
                    component(() => args),
                );
            });

            it("changes a policy's settings: the allowed populations", async () => {
                args = {};
                assert.deepEqual((await previewWithPack(test.stack, test.workDir)).events.violations, []);
                const { events, error } = await previewWithPack(test.stack, test.workDir, {
                    "propagation-rule-user-filter-restricted": { allowedPopulations: ["Staff"] },
                });
                assert.ok(error, "preview must fail");
                assert.deepEqual(events.violations, [
                    violation(
                        "mandatory",
                        propagationRuleUserFilterRestricted,
                        'PropagationRule "acme-rule" must provision only the allowed populations (Staff), but its user filter selects population "Default"; change `userFilter` or allowedPopulations.',
                    ),
                ]);
            });

            it("changes a policy's settings: the required mappings", async () => {
                args = { mappings: guideMappingsWithout("givenName", "familyName") };
                assert.deepEqual((await previewWithPack(test.stack, test.workDir)).events.violations, []);
                const { events } = await previewWithPack(test.stack, test.workDir, {
                    "propagation-rule-required-mappings": {
                        requiredMappings: [{ target: "userName" }, { source: "name.given", target: "givenName" }],
                    },
                });
                assert.deepEqual(events.violations, [
                    violation(
                        "mandatory",
                        propagationRuleRequiredMappings,
                        'PropagationRule "acme-rule" must map name.given → givenName for DocuWare; add it to `mappings` (the "remediate" level adds it).',
                    ),
                ]);
            });

            it("changes a policy's level: REMOVE_ACTION Delete is advisory by default, mandatory or disabled when configured", async () => {
                args = { connection: { removeAction: "Delete" } };
                const message =
                    'PropagationStore "acme-connection" must disable deprovisioned DocuWare users rather than delete them, but removeAction is "Delete"; set removeAction to "Disable".';
                const advisory = await previewWithPack(test.stack, test.workDir);
                assert.equal(advisory.error, undefined, advisory.error?.message);
                assert.deepEqual(advisory.events.violations, [
                    violation("advisory", scimConnectionRemoveActionDisable, message),
                ]);

                const mandatory = await previewWithPack(test.stack, test.workDir, {
                    "scim-connection-remove-action-disable": "mandatory",
                });
                assert.ok(mandatory.error, "preview must fail");
                assert.deepEqual(mandatory.events.violations, [
                    violation("mandatory", scimConnectionRemoveActionDisable, message),
                ]);

                const disabled = await previewWithPack(test.stack, test.workDir, {
                    "scim-connection-remove-action-disable": "disabled",
                });
                assert.deepEqual(disabled.events.violations, []);
            });

            it("needs allowLoopbackHttp for the emulators' http URLs", async () => {
                args = {};
                const { events, error } = await previewWithPack(test.stack, test.workDir, {
                    "scim-connection-url-docuware": { allowLoopbackHttp: false },
                });
                assert.ok(error, "preview must fail");
                const organizationUrl = emulators.connection().docuware.baseUrl;
                assert.deepEqual(events.violations, [
                    `mandatory scim-connection-url-docuware: UserProvisioning "acme-docuware-provisioning" must use an https organizationUrl, but it is "${organizationUrl}"; use the organization's https URL, e.g. https://acme.docuware.cloud (http only on loopback, with allowLoopbackHttp).`,
                ]);
            });
        });

        it("stack policies find a second active rule on the component's connection during a fresh preview", async () => {
            const test = await newStack("policy-second-rule", async () => {
                const provisioning = new DocuWarePingOneProvisioning("acme", {});
                new PropagationRule("extra-rule", {
                    planId: provisioning.planId,
                    targetStoreId: provisioning.storeId,
                    name: "Extra rule",
                    userFilter: { populationName: "Default" },
                    mappings: guideMappingsWithout(),
                });
                return { status: provisioning.status };
            });
            const { events, error } = await previewWithPack(test.stack, test.workDir);
            assert.ok(error, "preview must fail");
            assert.deepEqual(events.violations.sort(), [
                violation(
                    "mandatory",
                    docuWareProvisioningFedOnce,
                    'PropagationStore "acme-connection", which feeds UserProvisioning "acme-docuware-provisioning", must have exactly one active rule, but 2 are active (PropagationRule "acme-rule" and PropagationRule "extra-rule"); deactivate or remove all but one.',
                ),
                violation(
                    "mandatory",
                    scimConnectionRulesDisjoint,
                    'PropagationRule "acme-rule" and PropagationRule "extra-rule" must not both provision population "Default" through PropagationStore "acme-connection"; give the active rules disjoint user filters or deactivate one.',
                ),
            ]);
        });
    });
});
