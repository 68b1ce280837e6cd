import { strict as assert } from "node:assert";
import type { Policy } from "@pulumi/policy";
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
import { type RunningEmulators, startTestEmulators } from "../helpers/emulators";
import { type TestStack, createInlineStack, printEngineVersion, requireEngine } from "../helpers/engine";
import { previewWithPack, upWithPack } from "../helpers/policyPackRun";

type Mapping = { source: string; target: string };
const guideMappingsWithout = (...targets: string[]): Mapping[] =>
    GUIDE_MAPPINGS.filter((mapping) => !targets.includes(mapping.target)).map((mapping) => ({ ...mapping }));

/** A violation as the tests expect it: `<level> <policy>: <message>`. */
const violation = (level: "mandatory" | "advisory", policy: Policy, message: string) =>
    `${level} ${policy.name}: ${message}`;

describe("policy pack through the engine", function () {
    this.timeout(900_000);

    before(function () {
        requireEngine(this);
        printEngineVersion();
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
                const { events } = await upWithPack(test.stack, test.workDir, REMEDIATE);
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
