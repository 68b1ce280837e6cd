import { strict as assert } from "node:assert";
import type { EngineEvent, OpType, StepEventMetadata } from "@pulumi/pulumi/automation";
import { findDifferences } from "../../../bin/drift/findDifferences";
import { driftDocument, formatDrift } from "../../../bin/drift/formatDrift";

const SECRET = { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", ciphertext: "[secret]" };
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const PROVIDER_CODE = "exports.handler = __f0; // serialized provider";

function urn(name: string, type: string): string {
    return `urn:pulumi:dev::project::docuware-pingone:index:DocuWarePingOneProvisioning$${type}::${name}`;
}

function state(name: string, type: string, inputs: Record<string, unknown>, custom = true) {
    return {
        type,
        urn: urn(name, type),
        custom,
        id: `${name}-id`,
        parent: "",
        inputs: { __provider: PROVIDER_CODE, ...inputs },
        outputs: { __provider: PROVIDER_CODE, ...inputs },
    };
}

let sequence = 0;
function step(
    op: OpType,
    name: string,
    old: Record<string, unknown> | null,
    next: Record<string, unknown> | null,
    options: { type?: string; kind?: "resourcePreEvent" | "resOutputsEvent"; custom?: boolean } = {},
): EngineEvent {
    const type = options.type ?? "pulumi-nodejs:dynamic/pingone:PropagationRule";
    const metadata = {
        op,
        urn: urn(name, type),
        type,
        old: old ? state(name, type, old, options.custom) : undefined,
        new: next ? state(name, type, next, options.custom) : undefined,
        provider: "",
    } as unknown as StepEventMetadata;
    return { sequence: sequence++, timestamp: 0, [options.kind ?? "resourcePreEvent"]: { metadata } } as EngineEvent;
}

/** The refresh of one resource: its pre-event and its outputs event (state before → live after). */
function refresh(name: string, before: Record<string, unknown>, after: Record<string, unknown> | null, type?: string) {
    return [
        step("refresh", name, before, before, { type }),
        step("refresh", name, before, after, { type, kind: "resOutputsEvent" }),
    ];
}

const RULE = {
    name: "PingOne to DocuWare (acme)",
    active: true,
    userFilter: { populationName: "Default" },
    mappings: [{ source: "email", target: "workEmail" }],
};
const STORE_TYPE = "pulumi-nodejs:dynamic/pingone:PropagationStore";
const STORE = {
    name: "DocuWare (acme)",
    scimUrl: "https://acme.docuware.cloud/x/ping/scim",
    oauthClientSecret: SECRET,
};

describe("drift: differences from the engine events of preview --refresh", () => {
    it("finds nothing when the refresh and the program agree, and counts only managed resources", () => {
        const events = [
            ...refresh("acme-rule", RULE, RULE),
            ...refresh("acme-connection", STORE, STORE, STORE_TYPE),
            step(
                "refresh",
                "acme",
                {},
                {},
                { type: "docuware-pingone:index:DocuWarePingOneProvisioning", custom: false },
            ),
            step("refresh", "default", {}, {}, { type: "pulumi:providers:pulumi-nodejs", kind: "resOutputsEvent" }),
            step("same", "acme-rule", RULE, RULE),
            step("same", "acme-connection", STORE, STORE, { type: STORE_TYPE }),
        ];
        const analysis = findDifferences(events);
        assert.deepEqual(analysis, { resourcesChecked: 2, differences: [] });
        assert.equal(formatDrift("dev", analysis), "No drift in stack dev: the 2 resources match the program.");
    });

    it("reports a property changed outside Pulumi, with expected (program) and actual (live)", () => {
        const live = { ...RULE, active: false };
        const analysis = findDifferences([
            ...refresh("acme-rule", RULE, live),
            step("update", "acme-rule", live, RULE),
        ]);
        assert.deepEqual(analysis.differences, [
            {
                resource: "acme-rule",
                type: "pingone:PropagationRule",
                urn: urn("acme-rule", "pulumi-nodejs:dynamic/pingone:PropagationRule"),
                operation: "update",
                property: "active",
                expected: true,
                actual: false,
                cause: "changed-outside-pulumi",
            },
        ]);
        const lines = formatDrift("dev", analysis).split("\n");
        assert.equal(lines[0], "Drift in stack dev: 1 difference in 1 of 1 resources.");
        assert.match(lines[2]!, /^RESOURCE\s+TYPE\s+PROPERTY\s+EXPECTED\s+ACTUAL\s+CAUSE$/);
        assert.match(
            lines[4]!,
            /^acme-rule\s+pingone:PropagationRule\s+active\s+true\s+false\s+changed outside Pulumi$/,
        );
    });

    it("names nested properties and tells program changes from changes outside Pulumi", () => {
        const live = { ...RULE, mappings: [{ source: "username", target: "workEmail" }] };
        const program = { ...live, ...{ mappings: RULE.mappings }, userFilter: { populationName: "Staff" } };
        const analysis = findDifferences([
            ...refresh("acme-rule", RULE, live),
            step("update", "acme-rule", live, program),
        ]);
        assert.deepEqual(
            analysis.differences.map((d) => [d.property, d.expected, d.actual, d.cause]),
            [
                ["mappings[0].source", "email", "username", "changed-outside-pulumi"],
                ["userFilter.populationName", "Staff", "Default", "program-change"],
            ],
        );
    });

    it("reports an object deleted outside Pulumi, and values that follow from it", () => {
        const revision = { triggers: { configuration: "65a0ef48" } };
        const type = "pulumi-nodejs:dynamic/pingone:PropagationRevision";
        const analysis = findDifferences([
            ...refresh("acme-rule", RULE, null),
            ...refresh("acme-revision", revision, revision, type),
            step("create", "acme-rule", null, RULE),
            step("update", "acme-revision", revision, { triggers: { configuration: UNKNOWN } }, { type }),
        ]);
        assert.deepEqual(
            analysis.differences.map((d) => [d.resource, d.operation, d.property, d.expected, d.actual, d.cause]),
            [
                ["acme-rule", "create", "(resource)", "exists", "missing", "deleted-outside-pulumi"],
                [
                    "acme-revision",
                    "update",
                    "triggers.configuration",
                    "(known after deployment)",
                    "65a0ef48",
                    "follows-other-change",
                ],
            ],
        );
    });

    it("reports resources added to or removed from the program as program changes", () => {
        const analysis = findDifferences([
            ...refresh("old-rule", RULE, RULE),
            step("create", "new-rule", null, RULE),
            step("delete", "old-rule", RULE, null),
        ]);
        assert.deepEqual(
            analysis.differences.map((d) => [d.resource, d.expected, d.actual, d.cause]),
            [
                ["new-rule", "exists", "missing", "program-change"],
                ["old-rule", "missing", "exists", "program-change"],
            ],
        );
    });

    it("reports a replacement once, from its replace step", () => {
        const live = { ...STORE, name: "Renamed in the console" };
        const analysis = findDifferences([
            ...refresh("acme-connection", STORE, live, STORE_TYPE),
            step("create-replacement", "acme-connection", live, STORE, { type: STORE_TYPE }),
            step("replace", "acme-connection", live, STORE, { type: STORE_TYPE }),
            step("delete-replaced", "acme-connection", live, STORE, { type: STORE_TYPE }),
        ]);
        assert.deepEqual(
            analysis.differences.map((d) => [d.operation, d.property, d.cause]),
            [["replace", "name", "changed-outside-pulumi"]],
        );
    });

    it("never shows a secret: wrapped secrets are [secret] and compare equal", () => {
        const live = {
            ...STORE,
            scimUrl: "https://evil.example/scim",
            oauthClientSecret: { ...SECRET, ciphertext: "other" },
        };
        const program = { ...STORE, oauthAccessToken: SECRET };
        const analysis = findDifferences([
            ...refresh("acme-connection", STORE, live, STORE_TYPE),
            step("update", "acme-connection", live, program, { type: STORE_TYPE }),
        ]);
        assert.deepEqual(
            analysis.differences.map((d) => [d.property, d.expected, d.actual]),
            [
                ["oauthAccessToken", "[secret]", undefined],
                ["scimUrl", STORE.scimUrl, "https://evil.example/scim"],
            ],
        );
        const document = JSON.stringify(driftDocument("dev", analysis));
        assert.doesNotMatch(document, /ciphertext|1b47061264138c4ac30d75fd1eb44270/);
        assert.match(document, /"actual":null/);
        assert.match(formatDrift("dev", analysis), /oauthAccessToken\s+\[secret\]\s+\(unset\)/);
    });

    it("falls back to the live outputs when no input differs, and never reports __provider", () => {
        const analysis = findDifferences([
            ...refresh("acme-rule", RULE, RULE),
            {
                sequence: sequence++,
                timestamp: 0,
                resourcePreEvent: {
                    metadata: {
                        op: "update",
                        urn: urn("acme-rule", "pulumi-nodejs:dynamic/pingone:PropagationRule"),
                        type: "pulumi-nodejs:dynamic/pingone:PropagationRule",
                        old: {
                            ...state("acme-rule", "t", RULE),
                            inputs: { ...RULE, __provider: "old code" },
                            outputs: { ...RULE, active: false },
                        },
                        new: { ...state("acme-rule", "t", RULE), inputs: { ...RULE, __provider: "new code" } },
                        provider: "",
                    },
                },
            } as unknown as EngineEvent,
        ]);
        assert.deepEqual(
            analysis.differences.map((d) => [d.property, d.expected, d.actual]),
            [["active", true, false]],
        );
    });

    it("shortens long values in the table (the JSON document has them whole)", () => {
        const long = "x".repeat(100);
        const live = { ...RULE, name: long };
        const analysis = findDifferences([
            ...refresh("acme-rule", RULE, live),
            step("update", "acme-rule", live, RULE),
        ]);
        assert.match(formatDrift("dev", analysis), new RegExp(`\\s${"x".repeat(59)}…\\s`));
        assert.equal(driftDocument("dev", analysis).differences[0]!.actual, long);
    });
});
