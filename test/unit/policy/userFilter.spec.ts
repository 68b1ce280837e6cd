import { propagationRuleUserFilterRestricted } from "../../../policy/policies";
import { PropagationRule, ruleProps } from "../../helpers/policyFixtures";
import {
    UNKNOWN_OBJECT,
    UNKNOWN_STRING,
    assertNoResourceViolations,
    assertResourceViolations,
    createResourceValidationArgs,
} from "../../helpers/policyHarness";

const policy = propagationRuleUserFilterRestricted;

/** The guide's rule (population "Default"), with another user filter. */
const ruleArgs = (userFilter: unknown, config?: Record<string, unknown>) =>
    createResourceValidationArgs(PropagationRule, { ...ruleProps(), userFilter }, { name: "acme-rule", config });

const NO_FILTER =
    'PropagationRule "acme-rule" must have a user filter, or it provisions every PingOne user; set `userFilter` to a population, e.g. { populationName: "Default" }.';

describe("#propagation-rule-user-filter-restricted", () => {
    it("passes the guide's filter (population Default)", async () => {
        await assertNoResourceViolations(policy, ruleArgs({ populationName: "Default" }));
    });

    it("passes a population id and an expression that names populations", async () => {
        await assertNoResourceViolations(policy, ruleArgs({ populationId: "pop-1" }));
        await assertNoResourceViolations(
            policy,
            ruleArgs({ expression: '(population.id eq "pop-1") or population.name eq "Staff"' }),
        );
        await assertNoResourceViolations(
            policy,
            ruleArgs({ expression: 'population.id eq "pop-1" and email ew "@acme.com"' }),
        );
    });

    it("reports a rule without a user filter", async () => {
        await assertResourceViolations(policy, ruleArgs(undefined), [NO_FILTER]);
    });

    it("reports an empty user filter", async () => {
        await assertResourceViolations(policy, ruleArgs({ populationName: " " }), [NO_FILTER]);
    });

    it("reports an expression with an alternative that names no population", async () => {
        await assertResourceViolations(policy, ruleArgs({ expression: 'population.id eq "pop-1" or username pr' }), [
            'PropagationRule "acme-rule" must limit every alternative of its user filter to a population, but "population.id eq \\"pop-1\\" or username pr" does not; use population.id eq "…" or population.name eq "…".',
        ]);
    });

    it("reports an expression that selects every population", async () => {
        await assertResourceViolations(policy, ruleArgs({ expression: "population.id pr" }), [
            'PropagationRule "acme-rule" must limit every alternative of its user filter to a population, but "population.id pr" does not; use population.id eq "…" or population.name eq "…".',
        ]);
    });

    describe("with allowedPopulations", () => {
        const config = { allowedPopulations: ["Default", "pop-staff"] };

        it("passes allowed populations by name or id", async () => {
            await assertNoResourceViolations(policy, ruleArgs({ populationName: "Default" }, config));
            await assertNoResourceViolations(
                policy,
                ruleArgs({ expression: 'population.name eq "Default" or population.id eq "pop-staff"' }, config),
            );
        });

        it("reports a population that is not allowed", async () => {
            await assertResourceViolations(policy, ruleArgs({ populationName: "Contractors" }, config), [
                'PropagationRule "acme-rule" must provision only the allowed populations (Default, pop-staff), but its user filter selects population "Contractors"; change `userFilter` or allowedPopulations.',
            ]);
        });

        it("reports every population of an expression that is not allowed", async () => {
            await assertResourceViolations(
                policy,
                ruleArgs(
                    {
                        expression:
                            'population.id eq "pop-x" or population.id eq "pop-staff" or population.name eq "Guests"',
                    },
                    config,
                ),
                [
                    'PropagationRule "acme-rule" must provision only the allowed populations (Default, pop-staff), but its user filter selects population id "pop-x" and population "Guests"; change `userFilter` or allowedPopulations.',
                ],
            );
        });
    });

    it("stays silent while the filter is unknown during preview", async () => {
        await assertNoResourceViolations(policy, ruleArgs(UNKNOWN_OBJECT));
        await assertNoResourceViolations(policy, ruleArgs({ populationId: UNKNOWN_STRING }));
    });
});
