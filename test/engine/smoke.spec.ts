import { strict as assert } from "node:assert";
import { readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { FileSetting } from "./fixtures/fileSetting";
import type { UpResult } from "@pulumi/pulumi/automation";
import { StepRecorder, type TestStack, createInlineStack, printEngineVersion, requireEngine } from "../helpers/engine";

describe("engine smoke test (real pulumi, file backend)", function () {
    this.timeout(300_000);
    let test: TestStack;
    let file: string;
    let value = "hello";
    let deployed: UpResult;

    before(async function () {
        requireEngine(this);
        printEngineVersion();
        test = await createInlineStack({
            projectName: "smoke",
            program: async () => {
                const setting = new FileSetting("greeting", { path: file, key: "greeting", value });
                return { value: setting.value };
            },
        });
        file = path.join(test.workDir, "settings.json");
        // Each test starts from the deployed resource, made here rather than by another test, and leaves it so.
        deployed = await test.stack.up();
    });

    after(async () => test?.dispose());

    it("creates the resource with its custom type token", async () => {
        const result = deployed;
        assert.equal(result.summary.result, "succeeded");
        assert.equal(result.outputs.value?.value, "hello");
        assert.deepEqual(JSON.parse(readFileSync(file, "utf8")), { greeting: "hello" });
        const state = await test.stack.exportStack();
        const types = (state.deployment.resources as { type: string }[]).map((r) => r.type);
        assert.ok(types.includes("pulumi-nodejs:dynamic/smoke:FileSetting"), types.join(", "));
    });

    it("previews no changes", async () => {
        const steps = new StepRecorder();
        const preview = await test.stack.preview({ onEvent: steps.onEvent, expectNoChanges: true });
        assert.deepEqual(steps.changes(), []);
        assert.equal(preview.changeSummary.same, 2);
    });

    it("shows exactly the drifted property on preview --refresh, and up restores it", async () => {
        writeFileSync(file, JSON.stringify({ greeting: "changed out of band" }));
        const steps = new StepRecorder();
        await test.stack.preview({ refresh: true, onEvent: steps.onEvent });
        assert.deepEqual(steps.changes(), ["update greeting [value]"]);

        await test.stack.up({ refresh: true });
        assert.deepEqual(JSON.parse(readFileSync(file, "utf8")), { greeting: "hello" });
    });

    it("fails a preview with the policy pack's mandatory violation", async () => {
        value = "forbidden";
        try {
            await assert.rejects(
                test.stack.preview({ policyPacks: [path.join(__dirname, "fixtures", "smoke-policy")] }),
                (error: Error) => {
                    assert.match(error.message, /file-setting-not-forbidden/);
                    assert.match(error.message, /FileSetting value must not be 'forbidden'\./);
                    return true;
                },
            );
        } finally {
            value = "hello";
        }
    });

    it("destroys the resource", async () => {
        const result = await test.stack.destroy();
        assert.equal(result.summary.result, "succeeded");
        assert.deepEqual(JSON.parse(readFileSync(file, "utf8")), {});
    });
});
