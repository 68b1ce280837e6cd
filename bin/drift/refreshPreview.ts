import type { EngineEvent, Stack } from "@pulumi/pulumi/automation";
import { RETRY_MESSAGE_PATTERN } from "../../sdk/core/retryMessage";
import { StackAccessError, pulumiErrorSummary } from "../openStack";
import type { Output } from "../output";

/**
 * Runs `pulumi preview --refresh` (with `destroy`, `pulumi destroy --preview-only --refresh`) on the stack and
 * returns its engine events. Progress goes to stderr: the refresh, then the program run. Nothing is changed, neither
 * the services nor the state.
 */
export async function refreshPreview(
    stack: Stack,
    output: Output,
    options: { destroy?: boolean } = {},
): Promise<EngineEvent[]> {
    const count = await managedResourceCount(stack);
    output.progress(
        count === undefined
            ? `refreshing the resources of stack ${stack.name}…`
            : `refreshing ${count} resources of stack ${stack.name}…`,
    );
    const events: EngineEvent[] = [];
    const engineErrors: string[] = [];
    let refreshing = true;
    try {
        const preview = {
            refresh: true,
            onEvent: (event: EngineEvent) => {
                events.push(event);
                const op = event.resourcePreEvent?.metadata.op;
                if (refreshing && op !== undefined && op !== "refresh") {
                    refreshing = false;
                    output.progress(
                        options.destroy
                            ? "planning the destroy…"
                            : "running the program to compare it with the live objects…",
                    );
                }
                const diagnostic = event.diagnosticEvent;
                // The providers' waits (rate limits, retries) reach the engine as diagnostics: show them as progress.
                if (diagnostic && RETRY_MESSAGE_PATTERN.test(diagnostic.message)) {
                    output.progress(`  ${diagnostic.message.trim()}`);
                }
                if (diagnostic?.severity === "error") {
                    engineErrors.push(withoutStackTrace(diagnostic.message));
                }
            },
        };
        await (options.destroy ? stack.previewDestroy(preview) : stack.preview(preview));
    } catch (error) {
        const reason = engineErrors.length > 0 ? summarize(engineErrors) : pulumiErrorSummary(error);
        throw new StackAccessError(`The refresh preview of stack ${stack.name} failed: ${reason}`, { cause: error });
    }
    return events;
}

/**
 * The resources the refresh reads and the drift report counts: custom resources other than providers (the stack
 * and components are not read). Undefined when the state cannot be exported.
 */
async function managedResourceCount(stack: Stack): Promise<number | undefined> {
    try {
        const { deployment } = await stack.exportStack();
        const resources = (deployment as { resources?: { custom?: boolean; type: string }[] }).resources ?? [];
        return resources.filter((r) => r.custom && !r.type.startsWith("pulumi:providers:")).length;
    } catch {
        return undefined;
    }
}

/** An engine diagnostic on one line, without the program's stack trace. */
function withoutStackTrace(message: string): string {
    return message
        .split("\n")
        .map((line) => line.trim())
        .filter((line) => line !== "" && !line.startsWith("at "))
        .join(" ");
}

/** Errors at most this many are listed; the rest are counted. */
const LISTED_ERRORS = 2;

/** Each resource's error once, without the engine's "Preview failed:" prefixes and closing "preview failed". */
function summarize(errors: readonly string[]): string {
    const reasons = [
        ...new Set(
            errors.map((e) => e.replace(/^preview failed:\s*/i, "")).filter((e) => !/^preview failed$/i.test(e)),
        ),
    ];
    if (reasons.length === 0) {
        return "preview failed";
    }
    const more = reasons.length - LISTED_ERRORS;
    return reasons.slice(0, LISTED_ERRORS).join("; ") + (more > 0 ? ` (and ${more} more)` : "");
}
