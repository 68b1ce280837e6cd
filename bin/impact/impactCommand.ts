import * as path from "node:path";
import { Command } from "commander";
import { setStackConfig } from "../../sdk/config/stackConfig";
import { ConfigurationError } from "../../sdk/core/errors";
import { refreshPreview } from "../drift/refreshPreview";
import { openStack } from "../openStack";
import type { Output } from "../output";
import { ExitCode, runCommand } from "../runCommand";
import { withWaitProgress } from "../withWaitProgress";
import { wholeNumber } from "../wholeNumber";
import { DirectoryReader } from "./directoryReader";
import { type ImpactReport, exceededLimits, formatImpact, impactDocument } from "./formatImpact";
import { type PlannedRuleChange, type RuleState, plannedRuleChanges } from "./plannedRuleChanges";
import { type ResolvedRule, type RuleImpact, ruleImpact } from "./ruleImpact";

export interface ImpactOptions {
    stack?: string;
    cwd?: string;
    json?: boolean;
    maxDeprovision?: number;
    maxProvision?: number;
    destroy?: boolean;
}

const HELP = `
Previews the stack (\`pulumi preview --refresh\`, or \`pulumi destroy --preview-only --refresh\` with --destroy;
neither changes anything) and, for every provisioning rule whose filter, mappings, activation or connection
(REMOVE_ACTION, DISABLE_USERS, deletion) would change, reads the PingOne directory to list per DocuWare organization:
  entering  users who come into the rule's scope: created (or enabled) in DocuWare
  leaving   users who leave it: disabled, deleted (REMOVE_ACTION Delete), or kept as they are (DISABLE_USERS false,
            or the rule stops provisioning: deactivated, deleted, connection disabled)
  changing  users who stay but whose DocuWare attributes change with the mappings, with the attributes
PingOne evaluates a rule's filter itself where its users API supports the expression; otherwise all users are read
once and the filter is evaluated with scim2-parse-filter (the EVALUATED column says which). Only reads are made.

Credentials come from the stack's config or the environment, as for \`pulumi up\` (pingone:clientId /
PINGONE_CLIENT_ID, …). The worker application needs read access to users and populations.

Exit codes:
  0  done; no limit exceeded
  1  error (unknown stack, engine or provider failure, a filter only known after deployment); nothing was concluded
  3  a limit is exceeded: the report names it

Examples:
  $ docuware-pingone impact --stack prod --max-deprovision 10
  $ docuware-pingone impact --stack prod --destroy --json > impact.json
`;

/** `docuware-pingone impact`: who gains, loses or changes DocuWare access before a change is deployed. */
export function impactCommand(output: Output): Command {
    return new Command("impact")
        .description("Show who gains, loses or changes DocuWare access if the stack is deployed (or destroyed).")
        .option("-s, --stack <name>", "stack to preview (default: the project's selected stack)")
        .option("-C, --cwd <dir>", "folder of the Pulumi project (default: the current folder)")
        .option("--json", "print a JSON document with every user instead of a table")
        .option("--max-deprovision <count>", "exit 3 when more users would be disabled or deleted", wholeNumber)
        .option("--max-provision <count>", "exit 3 when more users would be created or enabled", wholeNumber)
        .option("--destroy", "the impact of destroying the stack instead of deploying it")
        .addHelpText("after", HELP)
        .action(async (options: ImpactOptions) => {
            process.exitCode = await runCommand(output, options.json ?? false, () =>
                withWaitProgress(output, () => impact(options, output)),
            );
        });
}

async function impact(options: ImpactOptions, output: Output): Promise<ExitCode> {
    const { stack, config } = await openStack({ stackName: options.stack, cwd: path.resolve(options.cwd ?? ".") });
    setStackConfig({ get: (key) => config[key]?.value });
    const destroy = options.destroy ?? false;
    const changes = plannedRuleChanges(await refreshPreview(stack, output, { destroy }));
    const reader = new DirectoryReader(output);
    const rules: RuleImpact[] = [];
    for (const change of changes) {
        rules.push(...(await resolvedImpact(change, reader)));
    }
    // By name, so that a report reads the same whatever the order of the engine's steps (a destroy runs backwards).
    rules.sort((a, b) => a.resource.localeCompare(b.resource));
    const report: ImpactReport = { stack: stack.name, destroy, rules };
    const limits = { maxDeprovision: options.maxDeprovision, maxProvision: options.maxProvision };
    if (options.json) {
        output.json(impactDocument(report, limits));
    } else {
        output.result(formatImpact(report, limits));
    }
    const exceeded = exceededLimits(report, limits);
    for (const message of exceeded) {
        output.error(message);
    }
    return exceeded.length > 0 ? ExitCode.limitExceeded : ExitCode.ok;
}

async function resolvedImpact(change: PlannedRuleChange, reader: DirectoryReader): Promise<RuleImpact[]> {
    if (change.unknownInputs.length > 0) {
        throw new ConfigurationError(
            `The impact of rule ${change.resource} cannot be computed: its ${change.unknownInputs.join(", ")} ` +
                "will only be known once deployed; deploy what it depends on first, or make the value a plain input.",
        );
    }
    const resolve = async (side: RuleState | undefined): Promise<ResolvedRule | undefined> => {
        if (!side) {
            return undefined;
        }
        const expression =
            side.expression ??
            (side.userFilter && (await reader.expressionFor(side.environmentId, side.region, side.userFilter)));
        if (expression === undefined) {
            throw new ConfigurationError(`Rule ${change.resource} has no user filter in the stack's state.`);
        }
        const scope = await reader.usersMatching(side.environmentId, side.region, expression);
        return { ...side, expression, users: scope.users, evaluation: scope.evaluation };
    };
    // A rule the deployment does not touch, on a connection it does not touch, moves no one: nothing to read.
    if (change.operation === "same" && sameConnection(change)) {
        return [];
    }
    return ruleImpact({
        resource: change.resource,
        before: await resolve(change.before),
        after: await resolve(change.after),
        connectionDeleted: change.connectionDeleted,
    });
}

function sameConnection({ before, after }: PlannedRuleChange): boolean {
    return JSON.stringify(before?.connection) === JSON.stringify(after?.connection);
}
