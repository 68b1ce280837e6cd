import type { EngineEvent, StepEventMetadata } from "@pulumi/pulumi/automation";
import { containsUnknown, displayable, valueDifferences } from "./engineValues";

/** Why the live object differs from the program. */
export type DifferenceCause =
    /** The refresh found a value other than the last deployment's: someone changed it in a console or API. */
    | "changed-outside-pulumi"
    /** The object was in the stack's state but the service no longer has it. */
    | "deleted-outside-pulumi"
    /** The program's value depends on another resource's change, so it is only known once deployed. */
    | "follows-other-change"
    /** The program changed since the last deployment (new, removed or edited resources). */
    | "program-change";

export interface Difference {
    /** Logical name, e.g. `acme-rule`. */
    resource: string;
    /** Resource type without the dynamic-provider prefix, e.g. `pingone:PropagationRule`. */
    type: string;
    urn: string;
    /** What `pulumi up` would do: update, replace, create or delete. */
    operation: string;
    /** Property path, or `(resource)` when the whole object is missing or extra. */
    property: string;
    /** The program's value. Secrets are `[secret]`. */
    expected: unknown;
    /** The live value. Secrets are `[secret]`. */
    actual: unknown;
    cause: DifferenceCause;
}

export interface DriftAnalysis {
    /** Managed objects (custom resources other than providers) the refresh read. */
    resourcesChecked: number;
    differences: Difference[];
}

export const WHOLE_RESOURCE = "(resource)";
/** Serialized dynamic-provider code: never a user property. */
const IGNORED_INPUTS = new Set(["__provider"]);

interface Refreshed {
    /** Inputs in the state before the refresh. */
    before: Record<string, unknown>;
    /** Inputs read from the service, or null when the object is gone. */
    after: Record<string, unknown> | null;
}

/**
 * The differences between the live objects and the program, from the events of `pulumi preview --refresh`: the
 * refresh steps say what the state held and what the services returned (old and new inputs), the preview steps what
 * the program wants against what is live. Dynamic providers report no per-property diff, so properties are compared
 * from the inputs, as the CLI displays them.
 */
export function findDifferences(events: readonly EngineEvent[]): DriftAnalysis {
    const refreshed = new Map<string, Refreshed>();
    const steps: StepEventMetadata[] = [];
    for (const event of events) {
        const refreshOutputs = event.resOutputsEvent?.metadata;
        if (refreshOutputs?.op === "refresh" && isManaged(refreshOutputs)) {
            refreshed.set(refreshOutputs.urn, {
                before: inputsOf(refreshOutputs.old),
                after: refreshOutputs.new ? inputsOf(refreshOutputs.new) : null,
            });
        }
        const step = event.resourcePreEvent?.metadata;
        if (step && step.op !== "refresh" && isManaged(step)) {
            steps.push(step);
        }
    }
    return {
        resourcesChecked: refreshed.size,
        differences: steps.flatMap((step) => stepDifferences(step, refreshed.get(step.urn))),
    };
}

function stepDifferences(step: StepEventMetadata, refresh: Refreshed | undefined): Difference[] {
    const resource = {
        resource: step.urn.split("::").pop() ?? step.urn,
        type: step.type.replace(/^pulumi-nodejs:dynamic\//, ""),
        urn: step.urn,
        operation: step.op,
    };
    switch (step.op) {
        case "update":
        case "replace":
            return propertyDifferences(step, refresh).map((d) => ({ ...resource, ...d }));
        case "create":
            return [
                {
                    ...resource,
                    property: WHOLE_RESOURCE,
                    expected: "exists",
                    actual: "missing",
                    cause: refresh?.after === null ? "deleted-outside-pulumi" : "program-change",
                },
            ];
        case "delete":
            return [
                {
                    ...resource,
                    property: WHOLE_RESOURCE,
                    expected: "missing",
                    actual: "exists",
                    cause: "program-change",
                },
            ];
        default:
            return []; // same, read, and the create/delete halves of a replacement (the replace step covers them)
    }
}

function propertyDifferences(
    step: StepEventMetadata,
    refresh: Refreshed | undefined,
): Omit<Difference, "resource" | "type" | "urn" | "operation">[] {
    const program = inputsOf(step.new);
    const live = inputsOf(step.old);
    let differences = valueDifferences(displayable(program), displayable(live));
    if (differences.length === 0) {
        // The provider saw a change the inputs do not show: compare the program with the live outputs.
        const outputs = inputsOf(step.old, "outputs");
        differences = Object.keys(program).flatMap((key) =>
            valueDifferences(displayable(program[key]), displayable(outputs[key]), key),
        );
    }
    const changedByRefresh = refresh?.after
        ? valueDifferences(displayable(refresh.before), displayable(refresh.after)).map((d) => d.path)
        : [];
    if (differences.length === 0) {
        return [
            {
                property: WHOLE_RESOURCE,
                expected: "(as in the program)",
                actual: "(differs; the provider names no property)",
                cause: changedByRefresh.length > 0 ? "changed-outside-pulumi" : "program-change",
            },
        ];
    }
    return differences.map(({ path, expected, actual }) => ({
        property: path,
        expected,
        actual,
        cause: containsUnknown(expected)
            ? "follows-other-change"
            : changedByRefresh.some((changed) => overlaps(changed, path))
              ? "changed-outside-pulumi"
              : "program-change",
    }));
}

/** True when one property path is the other or contains it (`mappings` and `mappings[2].source`). */
function overlaps(a: string, b: string): boolean {
    const within = (outer: string, inner: string) =>
        inner === outer || inner.startsWith(`${outer}.`) || inner.startsWith(`${outer}[`);
    return within(a, b) || within(b, a);
}

function isManaged(step: StepEventMetadata): boolean {
    const custom = step.old?.custom ?? step.new?.custom ?? false;
    return custom && !step.type.startsWith("pulumi:providers:");
}

function inputsOf(
    state: StepEventMetadata["old"] | null | undefined,
    field: "inputs" | "outputs" = "inputs",
): Record<string, unknown> {
    const values: Record<string, unknown> = state?.[field] ?? {};
    return Object.fromEntries(Object.entries(values).filter(([key]) => !IGNORED_INPUTS.has(key)));
}
