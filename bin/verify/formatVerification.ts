import type { Verification } from "./runVerification";
import type { StepStatus } from "./verifyStep";

const LABELS: Record<StepStatus, string> = { passed: "passed ", failed: "FAILED ", skipped: "skipped" };

/** One line per step (`passed`, `FAILED`, `skipped`), the fix under each failed or skipped step, then a summary. */
export function formatVerification(verification: Verification): string {
    const width = Math.max(...verification.steps.map((s) => s.step.length));
    const indent = " ".repeat(LABELS.passed.length + width + 4);
    const lines = verification.steps.flatMap((s) => [
        `${LABELS[s.status]}  ${s.step.padEnd(width)}  ${oneLine(s.detail)}`,
        ...(s.fix && s.status !== "passed" ? [`${indent}fix: ${oneLine(s.fix)}`] : []),
    ]);
    return [...lines, "", summary(verification)].join("\n");
}

function summary({ steps }: Verification): string {
    const count = (status: StepStatus) => steps.filter((s) => s.status === status).length;
    const [passed, failed, skipped] = [count("passed"), count("failed"), count("skipped")];
    const skippedNote = skipped > 0 ? `, ${skipped} skipped` : "";
    if (failed > 0) {
        return `${failed} of ${steps.length} checks failed (${passed} passed${skippedNote}).`;
    }
    if (skipped > 0) {
        return `No check failed: ${passed} passed${skippedNote} (each skipped step says what it needs).`;
    }
    return `All ${passed} checks passed.`;
}

/** Service messages may span lines (OpenSSL's do); the report keeps one line per step. */
function oneLine(text: string): string {
    return text.replace(/\s*\n\s*/g, " ").trim();
}
