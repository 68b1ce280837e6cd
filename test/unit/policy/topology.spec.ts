import { strict as assert } from "node:assert";
import { docuWareProvisioningFedOnce, scimConnectionRulesDisjoint } from "../../../policy/policies";
import {
    ExistingAppRegistration,
    PropagationRule,
    PropagationStore,
    SCIM_URL,
    UserProvisioning,
    deployedStack,
    existingAppRegistrationProps,
    previewStack,
    ruleProps,
    storeProps,
} from "../../helpers/policyFixtures";
import {
    UNKNOWN_STRING,
    type StackResourceSpec,
    assertHasStackViolation,
    assertNoStackViolations,
    createStackValidationArgs,
    runStackPolicy,
} from "../../helpers/policyHarness";

const SETTINGS = { resourceClass: UserProvisioning, name: "acme-docuware-provisioning" };
const CONNECTION = { resourceClass: PropagationStore, name: "acme-connection" };

/** A second connection pointing at the same DocuWare SCIM URL. */
const secondStore = (): StackResourceSpec => ({
    resourceClass: PropagationStore,
    name: "other-connection",
    props: { ...storeProps(), name: "Other", storeId: "store-2" },
});

/** A second rule on the guide's connection. */
const secondRule = (changes: Record<string, unknown> = {}): StackResourceSpec => ({
    resourceClass: PropagationRule,
    name: "second-rule",
    props: { ...ruleProps(), name: "Second", ruleId: "rule-2", ...changes },
    propertyDependencies: { targetStoreId: ["acme-connection"] },
});

const stack = (specs: StackResourceSpec[], config?: Record<string, unknown>) =>
    createStackValidationArgs(specs, { config });

describe("#docuware-provisioning-fed-once", () => {
    const policy = docuWareProvisioningFedOnce;

    it("passes the guide's stack, deployed and in a fresh preview", async () => {
        await assertNoStackViolations(policy, stack(deployedStack()));
        await assertNoStackViolations(policy, stack(previewStack()));
    });

    it("passes a connection whose only rule is inactive (provisioning-enabled reports that)", async () => {
        const [settings, store, rule] = deployedStack();
        await assertNoStackViolations(
            policy,
            stack([settings!, store!, { ...rule!, props: { ...rule!.props, active: false } }]),
        );
    });

    it("does not apply to a stack without DocuWare provisioning settings", async () => {
        const [, store, rule] = deployedStack();
        const run = await runStackPolicy(policy, stack([{ ...store!, propertyDependencies: {} }, rule!]));
        assert.deepEqual(run, {
            violations: [],
            cantRun: [],
            notApplicable: "The stack has no DocuWare UserProvisioning or ExistingAppRegistration.",
        });
    });

    it("reports settings no connection feeds", async () => {
        const [settings] = deployedStack();
        await assertHasStackViolation(
            policy,
            stack([settings!]),
            'UserProvisioning "acme-docuware-provisioning" must be fed by exactly one PingOne SCIM connection, but no PropagationStore in this stack uses its SCIM URL; add one (DocuWarePingOneProvisioning does).',
            SETTINGS,
        );
    });

    it("reports two connections feeding the same settings (linked by URL)", async () => {
        await assertHasStackViolation(
            policy,
            stack([...deployedStack(), secondStore()]),
            'UserProvisioning "acme-docuware-provisioning" must be fed by exactly one PingOne SCIM connection, but 2 are (PropagationStore "acme-connection" and PropagationStore "other-connection"); remove all but one.',
            SETTINGS,
        );
    });

    it("reports two connections during preview, linked by property dependencies", async () => {
        const other: StackResourceSpec = {
            ...secondStore(),
            props: { ...secondStore().props, scimUrl: UNKNOWN_STRING, storeId: undefined },
            propertyDependencies: { scimUrl: ["acme-docuware-provisioning"] },
        };
        await assertHasStackViolation(
            policy,
            stack([...previewStack(), other]),
            'UserProvisioning "acme-docuware-provisioning" must be fed by exactly one PingOne SCIM connection, but 2 are (PropagationStore "acme-connection" and PropagationStore "other-connection"); remove all but one.',
        );
    });

    it("reports a connection without a rule", async () => {
        const [settings, store] = deployedStack();
        await assertHasStackViolation(
            policy,
            stack([settings!, store!]),
            'PropagationStore "acme-connection", which feeds UserProvisioning "acme-docuware-provisioning", must have exactly one active rule, but no PropagationRule targets it; add a rule with the required mappings.',
            CONNECTION,
        );
    });

    it("reports two active rules on the connection, unless allowMultipleActiveRules", async () => {
        const specs = [...deployedStack(), secondRule({ userFilter: { populationName: "Staff" } })];
        await assertHasStackViolation(
            policy,
            stack(specs),
            'PropagationStore "acme-connection", which feeds UserProvisioning "acme-docuware-provisioning", must have exactly one active rule, but 2 are active (PropagationRule "acme-rule" and PropagationRule "second-rule"); deactivate or remove all but one.',
            CONNECTION,
        );
        await assertNoStackViolations(policy, stack(specs, { allowMultipleActiveRules: true }));
        await assertNoStackViolations(policy, stack([...deployedStack(), secondRule({ active: false })]));
    });

    it("links a rule to its connection by store id", async () => {
        const rule = { ...secondRule(), propertyDependencies: {} };
        await assertHasStackViolation(
            policy,
            stack([...deployedStack(), rule]),
            'PropagationStore "acme-connection", which feeds UserProvisioning "acme-docuware-provisioning", must have exactly one active rule, but 2 are active (PropagationRule "acme-rule" and PropagationRule "second-rule"); deactivate or remove all but one.',
        );
    });

    it("treats a registration made in DocuWare Configuration as a setup", async () => {
        const existing: StackResourceSpec = {
            resourceClass: ExistingAppRegistration,
            name: "acme-registration",
            props: { ...existingAppRegistrationProps(), scimBaseUrl: SCIM_URL },
        };
        const [, store, rule] = deployedStack();
        await assertNoStackViolations(policy, stack([existing, { ...store!, propertyDependencies: {} }, rule!]));
        await assertHasStackViolation(
            policy,
            stack([existing]),
            'ExistingAppRegistration "acme-registration" must be fed by exactly one PingOne SCIM connection, but no PropagationStore in this stack uses its SCIM URL; add one (DocuWarePingOneProvisioning does).',
        );
    });
});

describe("#scim-connection-rules-disjoint", () => {
    const policy = scimConnectionRulesDisjoint;
    const OVERLAP_DEFAULT =
        'PropagationRule "acme-rule" and PropagationRule "second-rule" must not both provision population "Default" through PropagationStore "acme-connection"; give the active rules disjoint user filters or deactivate one.';

    it("passes the guide's stack and rules with disjoint populations", async () => {
        await assertNoStackViolations(policy, stack(deployedStack()));
        await assertNoStackViolations(policy, stack(previewStack()));
        await assertNoStackViolations(
            policy,
            stack([...deployedStack(), secondRule({ userFilter: { populationName: "Staff" } })]),
        );
    });

    it("reports two active rules with the same population", async () => {
        await assertHasStackViolation(policy, stack([...deployedStack(), secondRule()]), OVERLAP_DEFAULT, {
            resourceClass: PropagationRule,
            name: "second-rule",
        });
    });

    it("reports the overlap during preview, linked by property dependencies", async () => {
        const rule = secondRule({ targetStoreId: UNKNOWN_STRING, planId: UNKNOWN_STRING });
        await assertHasStackViolation(policy, stack([...previewStack(), rule]), OVERLAP_DEFAULT);
    });

    it("compares populations by the id PingOne stores once deployed", async () => {
        const rule = secondRule({ userFilter: { populationId: "pop-default" } });
        await assertHasStackViolation(
            policy,
            stack([...deployedStack(), rule]),
            'PropagationRule "acme-rule" and PropagationRule "second-rule" must not both provision population id "pop-default" through PropagationStore "acme-connection"; give the active rules disjoint user filters or deactivate one.',
        );
    });

    it("reports a rule without a filter next to any other", async () => {
        const rule = secondRule({ userFilter: undefined });
        await assertHasStackViolation(
            policy,
            stack([...deployedStack(), rule]),
            'PropagationRule "acme-rule" and PropagationRule "second-rule" must not both provision population "Default" through PropagationStore "acme-connection"; give the active rules disjoint user filters or deactivate one.',
        );
    });

    it("reports identical expressions", async () => {
        const expression = 'population.id eq "pop-1" and email ew "@acme.com"';
        const [settings, store, rule] = deployedStack();
        const first = {
            ...rule!,
            props: { ...rule!.props, userFilter: { expression }, populationExpression: expression },
        };
        await assertHasStackViolation(
            policy,
            stack([settings!, store!, first, secondRule({ userFilter: { expression: ` ${expression}` } })]),
            `PropagationRule "acme-rule" and PropagationRule "second-rule" must not both provision users matching "population.id eq \\"pop-1\\" and email ew \\"@acme.com\\"" through PropagationStore "acme-connection"; give the active rules disjoint user filters or deactivate one.`,
        );
    });

    it("ignores inactive rules and rules on other connections", async () => {
        await assertNoStackViolations(policy, stack([...deployedStack(), secondRule({ active: false })]));
        const elsewhere = { ...secondRule({ targetStoreId: "store-9" }), propertyDependencies: {} };
        await assertNoStackViolations(policy, stack([...deployedStack(), elsewhere]));
    });

    it("groups rules on a connection outside the stack by its id", async () => {
        const outside = (name: string): StackResourceSpec => ({
            resourceClass: PropagationRule,
            name,
            props: { ...ruleProps(), targetStoreId: "store-9" },
        });
        await assertHasStackViolation(
            policy,
            stack([outside("a-rule"), outside("b-rule")]),
            'PropagationRule "a-rule" and PropagationRule "b-rule" must not both provision population "Default" through the PingOne SCIM connection "store-9"; give the active rules disjoint user filters or deactivate one.',
        );
    });

    it("cannot tell a population name from an id before deployment, and says nothing", async () => {
        const rule = secondRule({ userFilter: { populationId: "pop-default" }, targetStoreId: UNKNOWN_STRING });
        await assertNoStackViolations(policy, stack([...previewStack(), rule]));
    });
});
