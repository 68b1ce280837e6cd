import type { CheckStep } from "../../sdk/docuware/api/verification";

export type StepStatus = "passed" | "failed" | "skipped";

/** One line of the verification report. */
export interface VerifyStep {
    /** `connection`, `sync-status`, `discovery`, `token`, `scim`, `connection-settings`, `connection-test`. */
    step: string;
    status: StepStatus;
    /** What happened, in plain words; never a secret. */
    detail: string;
    /** What to do about a failure, or what a skipped step needs. */
    fix?: string;
}

export function fromCheckStep(step: CheckStep): VerifyStep {
    return { step: step.step, status: step.ok ? "passed" : "failed", detail: step.detail, fix: step.fix };
}
