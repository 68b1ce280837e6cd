import { formatTable } from "../formatTable";
import type { DifferenceCause, DriftAnalysis } from "./findDifferences";

const CAUSES: Record<DifferenceCause, string> = {
    "changed-outside-pulumi": "changed outside Pulumi",
    "deleted-outside-pulumi": "deleted outside Pulumi",
    "follows-other-change": "follows from another change",
    "program-change": "program change not deployed",
};

/** Longest value shown in a table cell; `--json` has the full values. */
const MAX_CELL = 60;

/** The human-readable drift report: a summary line, then a table of resource, property, expected and actual. */
export function formatDrift(stackName: string, analysis: DriftAnalysis): string {
    const { differences, resourcesChecked } = analysis;
    if (differences.length === 0) {
        return `No drift in stack ${stackName}: the ${resourcesChecked} resources match the program.`;
    }
    const resources = new Set(differences.map((d) => d.urn)).size;
    const table = formatTable(
        ["RESOURCE", "TYPE", "PROPERTY", "EXPECTED", "ACTUAL", "CAUSE"],
        differences.map((d) => [d.resource, d.type, d.property, cell(d.expected), cell(d.actual), CAUSES[d.cause]]),
    );
    return [
        `Drift in stack ${stackName}: ${plural(differences.length, "difference")} in ${resources} of ${resourcesChecked} resources.`,
        "",
        table,
        "",
        "EXPECTED is the program's value, ACTUAL the live one. `pulumi up` restores the expected values.",
    ].join("\n");
}

/** The `--json` document. */
export function driftDocument(stackName: string, analysis: DriftAnalysis) {
    return {
        stack: stackName,
        drift: analysis.differences.length > 0,
        resourcesChecked: analysis.resourcesChecked,
        // JSON has no undefined: an unset value is null.
        differences: analysis.differences.map((d) => ({
            ...d,
            expected: d.expected ?? null,
            actual: d.actual ?? null,
        })),
    };
}

function cell(value: unknown): string {
    const text = value === undefined ? "(unset)" : typeof value === "string" ? value : JSON.stringify(value);
    const oneLine = text.replace(/\s*\n\s*/g, " ");
    return oneLine.length > MAX_CELL ? `${oneLine.slice(0, MAX_CELL - 1)}…` : oneLine;
}

function plural(count: number, noun: string): string {
    return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
