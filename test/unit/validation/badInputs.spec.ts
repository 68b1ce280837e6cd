import { strict as assert } from "node:assert";
import { validateArgs } from "../../../components/validateArgs";
import { setStackConfig } from "../../../sdk/config/stackConfig";
import { providerFor } from "../../../sdk/runtime/providerRuntime";
import { PROVIDER_ENVIRONMENT_VARIABLES } from "../../helpers/providerEnvironmentVariables";
import { RequestGuard } from "../../helpers/requestGuard";
import { BAD_INPUTS, type BadInput, VALID_INPUTS, VALID_SETTINGS } from "./badInputCases";

/** What `pulumi preview` would print for the case: the check failures (`field: reason`) or the thrown error. */
async function previewText(bad: BadInput): Promise<string> {
    if ("component" in bad) {
        return validateArgs(bad.component).join("\n");
    }
    try {
        const result = await providerFor(bad.kind).check!({}, { ...VALID_INPUTS[bad.kind], ...bad.inputs });
        return (result.failures ?? []).map((f) => `${f.property}: ${f.reason}`).join("\n");
    } catch (error) {
        return error instanceof Error ? error.message : String(error);
    }
}

function useSettings(settings: Record<string, string>): void {
    for (const name of PROVIDER_ENVIRONMENT_VARIABLES) {
        delete process.env[name];
    }
    for (const [name, value] of Object.entries(settings)) {
        if (value !== "") {
            process.env[name] = value;
        }
    }
}

/**
 * The bad-input table: every input class the services refuse fails at `check` (what `pulumi preview` runs), naming
 * the field and the fix, before any request is sent. The engine spec test/engine/badInputs.spec.ts shows a few of
 * these through the CLI.
 */
describe("bad input fails at check, naming the field and the fix, with no request sent", () => {
    const saved = Object.fromEntries(PROVIDER_ENVIRONMENT_VARIABLES.map((name) => [name, process.env[name]]));
    const guard = new RequestGuard();

    before(() => {
        setStackConfig(undefined);
        guard.start();
    });
    afterEach(() => assert.deepEqual(guard.take(), [], "no request was sent"));
    after(() => {
        guard.stop();
        useSettings({});
        for (const [name, value] of Object.entries(saved)) {
            if (value !== undefined) {
                process.env[name] = value;
            }
        }
    });

    it("covers at least 60 cases across the resources, the component and the settings", () => {
        assert.ok(BAD_INPUTS.length >= 60, `${BAD_INPUTS.length} cases`);
        assert.ok(BAD_INPUTS.some((bad) => "component" in bad));
        assert.ok(BAD_INPUTS.some((bad) => bad.env));
        for (const kind of Object.keys(VALID_INPUTS)) {
            assert.ok(
                BAD_INPUTS.some((bad) => "kind" in bad && bad.kind === kind),
                kind,
            );
        }
    });

    for (const kind of Object.keys(VALID_INPUTS)) {
        it(`accepts the valid ${kind} inputs the cases start from`, async () => {
            useSettings(VALID_SETTINGS);
            assert.equal(await previewText({ name: "valid", kind, inputs: {}, message: "" }), "");
        });
    }

    for (const bad of BAD_INPUTS) {
        const where = "component" in bad ? "DocuWarePingOneProvisioning" : bad.kind;
        it(`${where}: ${bad.name}`, async () => {
            useSettings({ ...VALID_SETTINGS, ...bad.env });
            const text = await previewText(bad);
            assert.ok(text.includes(bad.message), `expected "${bad.message}" in:\n${text || "(no failure)"}`);
        });
    }
});
