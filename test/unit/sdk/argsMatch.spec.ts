import { strict as assert } from "node:assert";
import { mkdirSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";

const root = path.resolve(__dirname, "../../..");
const fixtureDir = path.join(root, ".work", "argsMatch");

/** A copy of `PropagationPlanArgs` that drifted from its schema the way the PingOne Args once did. */
const DRIFTED_ARGS = `
import type * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";
import type { ArgsDrift, AssertArgsMatch } from "../../sdk/dynamic/argsMatch";
import type { PropagationPlanInputsSchema } from "../../sdk/pingone/resources/propagationPlanDefinition";

// drift: \`region\` is left out, \`name\` is not readonly, and \`label\` is not in the schema.
export interface DriftedPlanArgs {
    readonly environmentId?: pulumi.Input<string>;
    name?: pulumi.Input<string>;
    readonly label?: pulumi.Input<string>;
}

type _ArgsMatchSchema = AssertArgsMatch<ArgsDrift<DriftedPlanArgs, z.input<typeof PropagationPlanInputsSchema>>>;
`;

/** Type errors of `files` only, with the project's compiler options (as `npm run typecheck` reports them). */
function typeErrors(files: string[]): string[] {
    const config = ts.readConfigFile(path.join(root, "tsconfig.json"), ts.sys.readFile);
    const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
    const program = ts.createProgram(files, { ...options, noEmit: true });
    return files
        .flatMap((file) => ts.getPreEmitDiagnostics(program, program.getSourceFile(file)))
        .map(
            (d) => `${path.basename(d.file?.fileName ?? "")}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`,
        );
}

describe("Args checked against the input schemas", function () {
    this.timeout(120_000);

    it("fails the typecheck on a drifted Args type, naming each differing field, and passes the real one", () => {
        mkdirSync(fixtureDir, { recursive: true });
        const drifted = path.join(fixtureDir, "driftedPlanArgs.ts");
        writeFileSync(drifted, DRIFTED_ARGS);
        const real = path.join(root, "sdk", "pingone", "resources", "propagationPlan.ts");

        const errors = typeErrors([drifted, real]);

        assert.equal(errors.length, 1, errors.join("\n"));
        assert.match(errors[0]!, /^driftedPlanArgs\.ts: Type '\{ missingFromArgs: "region"; notInSchema: "label";/);
        assert.match(errors[0]!, /notReadonly: "name"; \}' does not satisfy the constraint 'true'/);
    });
});
