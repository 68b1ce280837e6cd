import type { Environment, Rule } from "../state/resourceSchemas";
import { FilterSyntaxError, parseFilterExpression } from "./filterExpression";
import type { RuleWrite } from "./payloads/propagationPayloads";
import { type ErrorDetail, PingOneError } from "./pingOneError";

const invalid = (target: string, message: string): ErrorDetail => ({ code: "INVALID_VALUE", target, message });

function referenceProblems(environment: Environment, body: RuleWrite, planId: string | undefined): ErrorDetail[] {
    const problems: ErrorDetail[] = [];
    if (planId === undefined) {
        problems.push({ code: "REQUIRED_VALUE", target: "plan.id", message: "plan.id is required." });
    } else if (!Object.hasOwn(environment.plans, planId)) {
        problems.push(invalid("plan.id", `Plan ${planId} does not exist.`));
    }
    for (const key of ["sourceStore", "targetStore"] as const) {
        if (!Object.hasOwn(environment.stores, body[key].id)) {
            problems.push(invalid(`${key}.id`, `Store ${body[key].id} does not exist.`));
        }
    }
    if (body.sourceStore.id === body.targetStore.id) {
        problems.push(invalid("targetStore.id", "The target store must differ from the source store."));
    }
    for (const [index, population] of (body.populations ?? []).entries()) {
        if (!Object.hasOwn(environment.populations, population.id)) {
            problems.push(invalid(`populations[${index}].id`, `Population ${population.id} does not exist.`));
        }
    }
    return problems;
}

function expressionProblems(body: RuleWrite): ErrorDetail[] {
    if (body.populationExpression === undefined || body.populationExpression === "") {
        return [];
    }
    try {
        parseFilterExpression(body.populationExpression);
        return [];
    } catch (error) {
        if (!(error instanceof FilterSyntaxError)) {
            throw error;
        }
        return [invalid("populationExpression", error.message)];
    }
}

/** Activation needs a mapping, and an outbound rule a user scope (both inferred, see reference §4.3). */
function activationProblems(environment: Environment, body: RuleWrite, ruleId: string | undefined): ErrorDetail[] {
    if (body.active !== true) {
        return [];
    }
    const problems: ErrorDetail[] = [];
    const target = environment.stores[body.targetStore.id];
    if (target !== undefined && target.status !== "ACTIVE") {
        // Read (console docs "Creating a provisioning rule"): the connection must be enabled to enable a rule on it.
        // The API's own answer is unknown; this 400 INVALID_DATA and its message are inferred.
        problems.push(
            invalid(
                "active",
                `A rule cannot be enabled while its connection (store ${target.id}) is disabled; enable the connection first.`,
            ),
        );
    }
    const mappings = Object.values(environment.mappings).filter((mapping) => mapping.rule.id === ruleId);
    if (mappings.length === 0) {
        problems.push(invalid("active", "A rule cannot be activated before it has at least one attribute mapping."));
    }
    const outbound = environment.stores[body.sourceStore.id]?.type === "directory";
    const scoped =
        Boolean(body.populationExpression) || (body.groups ?? []).length + (body.populations ?? []).length > 0;
    if (outbound && !scoped) {
        problems.push({
            code: "REQUIRED_VALUE",
            target: "populationExpression",
            message: "An active outbound rule needs a populationExpression or groups to scope its users.",
        });
    }
    return problems;
}

/**
 * Checks a rule create or full replace and returns its plan id; every problem is reported at once as INVALID_DATA.
 * `plan`, `sourceStore` and `targetStore` are immutable once created (inferred: TF-easytofu replaces the rule).
 */
export function validateRule(
    environment: Environment,
    body: RuleWrite,
    planIdFromPath: string | undefined,
    current?: Rule,
): string {
    const planId = planIdFromPath ?? body.plan?.id ?? current?.plan.id;
    const problems = [
        ...referenceProblems(environment, body, planId),
        ...expressionProblems(body),
        ...activationProblems(environment, body, current?.id),
    ];
    if (planIdFromPath !== undefined && body.plan !== undefined && body.plan.id !== planIdFromPath) {
        problems.push(invalid("plan.id", "plan.id must match the plan in the request path."));
    }
    if (current) {
        const immutable = { plan: planId, sourceStore: body.sourceStore.id, targetStore: body.targetStore.id };
        for (const [key, id] of Object.entries(immutable)) {
            if (id !== current[key as keyof typeof immutable].id) {
                problems.push(invalid(`${key}.id`, `${key}.id cannot be changed; create a new rule instead.`));
            }
        }
    }
    if (problems.length > 0 || planId === undefined) {
        throw PingOneError.invalidData(problems);
    }
    return planId;
}
