import { strict as assert } from "node:assert";
import { writeFileSync } from "node:fs";
import * as path from "node:path";
import type { EngineEvent, PreviewResult, Stack, StepEventMetadata, UpResult } from "@pulumi/pulumi/automation";
import { REPO_ROOT } from "./engine";

export const POLICY_PACK = path.join(REPO_ROOT, "policy");

/** The emulators serve plain http on 127.0.0.1: every run allows loopback http, as a local config file would. */
const LOOPBACK = {
    "scim-connection-url-docuware": { allowLoopbackHttp: true },
    "scim-connection-oauth-client-credentials": { allowLoopbackHttp: true },
};

/** What the engine reported while running the pack: violations, remediations and the planned steps. */
export class PackEvents {
    /** `<level> <policy>: <message>`; the engine prints the policy's description first, then the message. */
    readonly violations: string[] = [];
    /** The full `policyEvent` messages, description included. */
    readonly messages: string[] = [];
    /** `<policy> <resource name>` of each `policyRemediationEvent` (not in the Automation API's typings). */
    readonly remediations: string[] = [];
    readonly steps: StepEventMetadata[] = [];

    readonly onEvent = (event: EngineEvent): void => {
        if (event.policyEvent) {
            const { enforcementLevel, policyName, message } = event.policyEvent;
            this.messages.push(message.trimEnd());
            this.violations.push(
                `${enforcementLevel} ${policyName}: ${message.trimEnd().split("\n").slice(1).join("\n")}`,
            );
        }
        const remediation = (event as { policyRemediationEvent?: { resourceUrn: string; policyName: string } })
            .policyRemediationEvent;
        if (remediation) {
            this.remediations.push(`${remediation.policyName} ${remediation.resourceUrn.split("::").pop()}`);
        }
        if (event.resourcePreEvent) {
            this.steps.push(event.resourcePreEvent.metadata);
        }
    };

    /** The inputs the engine planned for a resource (after any remediation). */
    inputs(name: string): Record<string, unknown> | undefined {
        return this.steps.find((step) => step.urn.endsWith(`::${name}`))?.new?.inputs as Record<string, unknown>;
    }
}

export interface PackRun {
    events: PackEvents;
    result?: PreviewResult;
    /** Set when the preview failed (a mandatory violation). */
    error?: Error;
}

/** Writes a `--policy-pack-config` file: the loopback settings plus `config`. */
function policyConfigFile(dir: string, config: Record<string, unknown> = {}): string {
    const file = path.join(dir, `policy-config-${Date.now()}.json`);
    writeFileSync(file, JSON.stringify({ ...LOOPBACK, ...config }, null, 4));
    return file;
}

/** `pulumi preview --policy-pack policy/ --policy-pack-config <file>`; a failed preview is returned, not thrown. */
export async function previewWithPack(
    stack: Stack,
    workDir: string,
    config: Record<string, unknown> = {},
): Promise<PackRun> {
    const events = new PackEvents();
    try {
        const result = await stack.preview({
            policyPacks: [POLICY_PACK],
            policyPackConfigs: [policyConfigFile(workDir, config)],
            onEvent: events.onEvent,
        });
        return { events, result };
    } catch (error) {
        return { events, error: error as Error };
    }
}

/** `pulumi up` with the pack; fails the test if the update fails. */
export async function upWithPack(
    stack: Stack,
    workDir: string,
    config: Record<string, unknown> = {},
): Promise<{ events: PackEvents; result: UpResult }> {
    const events = new PackEvents();
    const result = await stack.up({
        policyPacks: [POLICY_PACK],
        policyPackConfigs: [policyConfigFile(workDir, config)],
        onEvent: events.onEvent,
    });
    assert.equal(result.summary.result, "succeeded");
    return { events, result };
}
