import { formatTable } from "../formatTable";
import type { Evaluation, RuleImpact } from "./ruleImpact";

export interface ImpactLimits {
    maxProvision?: number;
    maxDeprovision?: number;
}

export interface ImpactReport {
    stack: string;
    destroy: boolean;
    rules: RuleImpact[];
}

/** Users created or enabled in DocuWare (entering with action `provision`). */
export function provisionCount(report: ImpactReport): number {
    return report.rules.reduce((sum, r) => sum + r.entering.filter((u) => u.action === "provision").length, 0);
}

/** Users disabled or deleted in DocuWare. */
export function deprovisionCount(report: ImpactReport): number {
    return report.rules.reduce((sum, r) => sum + r.leaving.filter((u) => u.action !== "keep").length, 0);
}

/** One message per limit the report exceeds, naming the limit. */
export function exceededLimits(report: ImpactReport, limits: ImpactLimits): string[] {
    const exceeded: string[] = [];
    const deprovision = deprovisionCount(report);
    if (limits.maxDeprovision !== undefined && deprovision > limits.maxDeprovision) {
        exceeded.push(
            `--max-deprovision ${limits.maxDeprovision} exceeded: ${deprovision} users would be disabled or deleted in DocuWare`,
        );
    }
    const provision = provisionCount(report);
    if (limits.maxProvision !== undefined && provision > limits.maxProvision) {
        exceeded.push(
            `--max-provision ${limits.maxProvision} exceeded: ${provision} users would be created or enabled in DocuWare`,
        );
    }
    return exceeded;
}

/** The `--json` document: every user with id, username and action; no secret is ever part of it. */
export function impactDocument(report: ImpactReport, limits: ImpactLimits) {
    return {
        stack: report.stack,
        destroy: report.destroy,
        provisioning: provisionCount(report),
        deprovisioning: deprovisionCount(report),
        limits: { ...limits, exceeded: exceededLimits(report, limits) },
        rules: report.rules.map((rule) => ({ ...rule, organizationUrl: rule.organizationUrl ?? null })),
    };
}

/** Usernames shown per rule and kind in the table; `--json` lists them all. */
const SAMPLE = 3;

const EVALUATIONS: Record<Evaluation, string> = {
    "pingone-filter": "PingOne filter",
    "local-scim2-parse-filter": "locally",
};

/** The table of counts per rule and organization, with a sample of names, and the limits exceeded. */
export function formatImpact(report: ImpactReport, limits: ImpactLimits): string {
    const operation = report.destroy ? "Destroying" : "Deploying";
    if (report.rules.length === 0) {
        return `${operation} stack ${report.stack} changes no provisioning rule: no one gains, loses or changes DocuWare access.`;
    }
    const rows = report.rules.map((rule) => [
        rule.resource,
        rule.organizationUrl ?? "(known after deployment)",
        rule.changes.join(","),
        String(rule.entering.length),
        leavingCell(rule),
        String(rule.changing.length),
        evaluationCell(rule),
        sample(rule),
    ]);
    const exceeded = exceededLimits(report, limits);
    return [
        `${operation} stack ${report.stack}: ${provisionCount(report)} users gain DocuWare access, ` +
            `${deprovisionCount(report)} are disabled or deleted.`,
        "",
        formatTable(
            ["RULE", "ORGANIZATION", "CHANGES", "ENTERING", "LEAVING", "CHANGING", "EVALUATED", "SAMPLE"],
            rows,
        ),
        "",
        "LEAVING counts users leaving the rule's scope by what DocuWare does: disable, delete, or keep (left as is).",
        ...exceeded.map((message) => `LIMIT EXCEEDED: ${message}`),
    ].join("\n");
}

function leavingCell(rule: RuleImpact): string {
    if (rule.leaving.length === 0) {
        return "0";
    }
    const byAction = new Map<string, number>();
    for (const user of rule.leaving) {
        byAction.set(user.action, (byAction.get(user.action) ?? 0) + 1);
    }
    return [...byAction].map(([action, count]) => `${count} ${action}`).join(", ");
}

function evaluationCell(rule: RuleImpact): string {
    const kinds = [...new Set([rule.evaluation.before, rule.evaluation.after])].filter((e) => e !== undefined);
    return kinds.map((kind) => EVALUATIONS[kind]).join(" + ");
}

function sample(rule: RuleImpact): string {
    const names = (prefix: string, users: readonly { username: string }[]) => {
        if (users.length === 0) {
            return [];
        }
        const shown = users.slice(0, SAMPLE).map((u) => u.username);
        const more = users.length - shown.length;
        return [`${prefix}${shown.join(" ")}${more > 0 ? ` (+${more})` : ""}`];
    };
    return [...names("+", rule.entering), ...names("-", rule.leaving), ...names("~", rule.changing)].join("; ");
}
