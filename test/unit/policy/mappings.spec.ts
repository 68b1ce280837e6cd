import { strict as assert } from "node:assert";
import { propagationRuleMappingTargetsAccepted, propagationRuleRequiredMappings } from "../../../policy/policies";
import { PropagationRule, PropagationStore, ruleProps, storeProps } from "../../helpers/policyFixtures";
import {
    UNKNOWN_ARRAY,
    UNKNOWN_STRING,
    assertHasResourceViolation,
    assertNoResourceViolations,
    assertResourceViolations,
    createResourceValidationArgs,
    runResourcePolicy,
    runResourceRemediation,
} from "../../helpers/policyHarness";

type Mapping = { source?: string; expression?: string; target: string };

const withoutTargets = (...targets: string[]) =>
    (ruleProps().mappings as Mapping[]).filter((mapping) => !targets.includes(mapping.target));

/** The guide's rule, with one change. */
const ruleArgs = (changes: Record<string, unknown> = {}, config?: Record<string, unknown>) =>
    createResourceValidationArgs(PropagationRule, { ...ruleProps(), ...changes }, { name: "acme-rule", config });

describe("#propagation-rule-required-mappings", () => {
    const policy = propagationRuleRequiredMappings;

    it("passes the guide's mappings", async () => {
        await assertNoResourceViolations(policy, ruleArgs());
    });

    it("reports a missing required mapping", async () => {
        await assertResourceViolations(policy, ruleArgs({ mappings: withoutTargets("active") }), [
            'PropagationRule "acme-rule" must map enabled → active for DocuWare; add it to `mappings` (the "remediate" level adds it).',
        ]);
    });

    it("reports every missing mapping in one message", async () => {
        await assertHasResourceViolation(
            policy,
            ruleArgs({ mappings: withoutTargets("userName", "externalId") }),
            'PropagationRule "acme-rule" must map username → userName and id → externalId for DocuWare; add them to `mappings` (the "remediate" level adds them).',
        );
    });

    it("reports a rule without mappings", async () => {
        await assertHasResourceViolation(
            policy,
            ruleArgs({ mappings: undefined }),
            'PropagationRule "acme-rule" must map username → userName, email → workEmail, id → externalId and enabled → active for DocuWare; add them to `mappings` (the "remediate" level adds them).',
        );
    });

    it("reports a required target mapped from another source", async () => {
        const mappings = withoutTargets("userName").concat({ source: "email", target: "userName" });
        await assertResourceViolations(policy, ruleArgs({ mappings }), [
            'PropagationRule "acme-rule" must map username → userName, but maps userName from email; change that mapping\'s source to username.',
        ]);
    });

    it("reports a required target mapped from an expression", async () => {
        const mappings = withoutTargets("workEmail").concat({ expression: "${user.email}", target: "workEmail" });
        await assertHasResourceViolation(
            policy,
            ruleArgs({ mappings }),
            'PropagationRule "acme-rule" must map email → workEmail, but maps workEmail from an expression; change that mapping\'s source to email.',
        );
    });

    it("takes the required list from the config; a requirement without source accepts any source", async () => {
        const config = { requiredMappings: [{ target: "userName" }, { source: "name.given", target: "givenName" }] };
        const mappings = [{ source: "email", target: "userName" }];
        await assertResourceViolations(policy, ruleArgs({ mappings }, config), [
            'PropagationRule "acme-rule" must map name.given → givenName for DocuWare; add it to `mappings` (the "remediate" level adds it).',
        ]);
        await assertNoResourceViolations(policy, ruleArgs({}, config));
    });

    it("checks the known mappings during preview, whatever else is unknown", async () => {
        const preview = { planId: UNKNOWN_STRING, targetStoreId: UNKNOWN_STRING };
        await assertNoResourceViolations(policy, ruleArgs(preview));
        await assertHasResourceViolation(
            policy,
            ruleArgs({ ...preview, mappings: withoutTargets("active") }),
            'PropagationRule "acme-rule" must map enabled → active for DocuWare; add it to `mappings` (the "remediate" level adds it).',
        );
    });

    it("stays silent while the mappings or a target are unknown", async () => {
        await assertNoResourceViolations(policy, ruleArgs({ mappings: UNKNOWN_ARRAY }));
        const mappings = [...withoutTargets("active", "userName"), { source: "enabled", target: UNKNOWN_STRING }];
        await assertNoResourceViolations(policy, ruleArgs({ mappings }));
    });

    it("does not apply to other resources", async () => {
        const run = await runResourcePolicy(policy, createResourceValidationArgs(PropagationStore, storeProps()));
        assert.deepEqual(run, { violations: [], cantRun: [], notApplicable: true });
    });

    describe("remediation", () => {
        it("appends the missing mappings and keeps the rest of the props", async () => {
            const { props } = await runResourceRemediation(
                policy,
                ruleArgs({ mappings: withoutTargets("active", "externalId") }),
            );
            assert.deepEqual(props, {
                ...ruleProps(),
                mappings: [
                    ...withoutTargets("active", "externalId"),
                    { source: "id", target: "externalId" },
                    { source: "enabled", target: "active" },
                ],
            });
        });

        it("works while other props are unknown (a fresh preview)", async () => {
            const { props, cantRun } = await runResourceRemediation(
                policy,
                ruleArgs({ targetStoreId: UNKNOWN_STRING, mappings: withoutTargets("active") }),
            );
            assert.equal(cantRun, undefined);
            assert.equal(props?.targetStoreId, UNKNOWN_STRING);
            assert.deepEqual((props?.mappings as Mapping[]).at(-1), { source: "enabled", target: "active" });
        });

        it("leaves a complete rule alone", async () => {
            assert.deepEqual(await runResourceRemediation(policy, ruleArgs()), { props: undefined });
        });

        it("does not replace a mapping with the wrong source, and cannot add a requirement without source", async () => {
            const config = { requiredMappings: [{ target: "nickName" }, { source: "username", target: "userName" }] };
            const mappings = withoutTargets("userName").concat({ source: "email", target: "userName" });
            assert.deepEqual(await runResourceRemediation(policy, ruleArgs({ mappings }, config)), {
                props: undefined,
            });
        });
    });
});

describe("#propagation-rule-mapping-targets-accepted", () => {
    const policy = propagationRuleMappingTargetsAccepted;

    it("passes the guide's mappings", async () => {
        await assertNoResourceViolations(policy, ruleArgs());
    });

    it("reports a target DocuWare does not accept", async () => {
        const mappings = [...withoutTargets(), { source: "address.locality", target: "workCity" }];
        await assertResourceViolations(policy, ruleArgs({ mappings }), [
            'PropagationRule "acme-rule" must not map to "workCity", which DocuWare\'s SCIM service does not accept; remove that mapping or use one of the acceptedTargets.',
        ]);
    });

    it("reports a target mapped twice", async () => {
        const mappings = [...withoutTargets(), { source: "email", target: "userName" }];
        await assertResourceViolations(policy, ruleArgs({ mappings }), [
            'PropagationRule "acme-rule" must map each target once, but maps "userName" 2 times; keep one of those mappings.',
        ]);
    });

    it("takes the accepted targets from the config", async () => {
        const config = { acceptedTargets: ["userName", "workEmail", "externalId", "active"] };
        await assertResourceViolations(policy, ruleArgs({}, config), [
            'PropagationRule "acme-rule" must not map to "familyName", which DocuWare\'s SCIM service does not accept; remove that mapping or use one of the acceptedTargets.',
            'PropagationRule "acme-rule" must not map to "givenName", which DocuWare\'s SCIM service does not accept; remove that mapping or use one of the acceptedTargets.',
        ]);
    });

    it("skips targets that are unknown during preview", async () => {
        const mappings = [...withoutTargets(), { source: "title", target: UNKNOWN_STRING }];
        await assertNoResourceViolations(policy, ruleArgs({ mappings }));
        await assertNoResourceViolations(policy, ruleArgs({ mappings: UNKNOWN_ARRAY }));
    });
});
