import { strict as assert } from "node:assert";
import { readFileSync, readdirSync } from "node:fs";
import * as path from "node:path";
import { type ResourceValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import * as exported from "../../../policy/policies";
import { PropagationRule, ruleProps } from "../../helpers/policyFixtures";
import { UNKNOWN_STRING, createResourceValidationArgs, runResourcePolicy } from "../../helpers/policyHarness";

const POLICY_DIR = path.resolve(__dirname, "../../../policy");
const { policies } = exported;

/** Every exported constant that is a policy, by constant name. */
const exportedPolicies = Object.entries(exported).filter(
    ([key, value]) => key !== "policies" && typeof value === "object" && value !== null && "validateResource" in value,
);
const exportedStackPolicies = Object.entries(exported).filter(
    ([, value]) => typeof value === "object" && value !== null && "validateStack" in value,
);

/** The policy table of docs/policies.md: name → [what it checks, default level, config keys]. */
function readmeTable(): Map<string, string[]> {
    const rows = readFileSync(path.join(POLICY_DIR, "..", "docs", "policies.md"), "utf8")
        .split("\n")
        .filter((line) => /^\|\s*`[a-z-]+`\s*\|/.test(line));
    return new Map(
        rows.map((row) => {
            const cells = row
                .split("|")
                .slice(1, -1)
                .map((cell) => cell.trim());
            return [cells[0]!.replace(/`/g, ""), cells.slice(1)];
        }),
    );
}

describe("policy pack", () => {
    it("exports every policy constant in `policies`", () => {
        const constants = [...exportedPolicies, ...exportedStackPolicies].map(([, value]) => value);
        assert.equal(policies.length, constants.length);
        for (const policy of constants) {
            assert.ok(policies.includes(policy as ResourceValidationPolicy));
        }
    });

    it("names each policy in kebab-case after its camelCase constant", () => {
        for (const [constant, value] of [...exportedPolicies, ...exportedStackPolicies]) {
            const { name } = value as ResourceValidationPolicy;
            assert.match(name, /^[a-z]+(-[a-z]+)+$/);
            assert.equal(name.replace(/-/g, ""), constant.toLowerCase(), constant);
        }
        const names = policies.map((p) => p.name);
        assert.equal(new Set(names).size, names.length);
        assert.ok(!names.includes("all"));
    });

    it("gives every policy the AWSGuard metadata: description, level, severity, remediation steps", () => {
        for (const policy of policies) {
            assert.match(policy.description, /^Checks whether /, policy.name);
            assert.ok(policy.enforcementLevel, `${policy.name} sets its own level`);
            assert.ok(policy.severity, `${policy.name} has a severity`);
            assert.ok(policy.remediationSteps, `${policy.name} has remediation steps`);
        }
    });

    it("gives every config key a default and leaves enforcementLevel to the engine", () => {
        for (const policy of policies) {
            for (const [key, schema] of Object.entries(policy.configSchema?.properties ?? {})) {
                assert.notEqual(key, "enforcementLevel");
                assert.notEqual(schema.default, undefined, `${policy.name}.${key} has a default`);
                assert.ok(schema.description, `${policy.name}.${key} has a description`);
            }
        }
    });

    it("documents every policy in the table of docs/policies.md with its default level and config keys", () => {
        const table = readmeTable();
        assert.deepEqual(
            [...table.keys()],
            policies.map((p) => p.name),
        );
        for (const policy of policies) {
            const [, level, keys] = table.get(policy.name)!;
            assert.equal(level, policy.enforcementLevel, policy.name);
            const configKeys = Object.keys(policy.configSchema?.properties ?? {});
            if (configKeys.length === 0) {
                assert.equal(keys, "—", policy.name);
            }
            for (const key of configKeys) {
                assert.ok(keys!.includes(`\`${key}\``), `${policy.name}: ${key} in docs/policies.md`);
            }
        }
    });

    it("starts the pack only from policy/index.ts", () => {
        const sources = readdirSync(path.join(POLICY_DIR, "policies")).map((file) =>
            readFileSync(path.join(POLICY_DIR, "policies", file), "utf8"),
        );
        assert.ok(sources.every((source) => !source.includes("new PolicyPack")));
        const index = readFileSync(path.join(POLICY_DIR, "index.ts"), "utf8");
        assert.match(index, /new PolicyPack\("docuware-pingone", \{/);
        assert.match(index, /enforcementLevel: "advisory"/);
        assert.match(readFileSync(path.join(POLICY_DIR, "PulumiPolicy.yaml"), "utf8"), /^name: docuware-pingone$/m);
        assert.match(readFileSync(path.join(POLICY_DIR, "PulumiPolicy.yaml"), "utf8"), /^runtime: nodejs$/m);
        const pkg = JSON.parse(readFileSync(path.join(POLICY_DIR, "package.json"), "utf8")) as { version?: string };
        assert.ok(pkg.version);
    });

    it("harness: reading an unknown value directly fails as under preview", async () => {
        const naive: ResourceValidationPolicy = {
            name: "naive",
            description: "Checks whether reading an unknown throws.",
            validateResource: validateResourceOfType(PropagationRule, (props) => void props.targetStoreId.length),
        };
        const run = await runResourcePolicy(
            naive,
            createResourceValidationArgs(PropagationRule, { ...ruleProps(), targetStoreId: UNKNOWN_STRING }),
        );
        assert.deepEqual(run.cantRun, ["string value at .targetStoreId can't be known during preview"]);
    });
});
