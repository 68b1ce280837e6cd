import { strict as assert } from "node:assert";
import { readdirSync } from "node:fs";
import * as path from "node:path";
import { runDemo } from "../../scripts/demo";
import { REPO_ROOT, fastEngineEnvironment, printEngineVersion, requireEngine } from "../helpers/engine";

describe("the demo (npm run demo)", function () {
    this.timeout(600_000);

    // The demo's stack inherits this process's environment.
    const fast = fastEngineEnvironment();
    const saved = Object.fromEntries(Object.keys(fast).map((name) => [name, process.env[name]]));
    before(function () {
        requireEngine(this);
        printEngineVersion();
        Object.assign(process.env, fast);
    });
    after(() => {
        for (const [name, value] of Object.entries(saved)) {
            if (value === undefined) {
                delete process.env[name];
            } else {
                process.env[name] = value;
            }
        }
    });

    it("runs every step as shown and leaves no files behind", async () => {
        const lines: string[] = [];
        const started = Date.now();
        await runDemo((line) => lines.push(line));
        console.log(`      demo took ${Math.round((Date.now() - started) / 1000)} s`);
        assert.match(lines.at(-1)!, /^All 7 steps turned out as shown \(\d+ checks\)\.$/);
        assert.ok(
            lines.some((l) =>
                /docuware-rule +pingone:PropagationRule +active +true +false +changed outside Pulumi/.test(l),
            ),
        );
        assert.ok(!lines.some((l) => l.includes("✘")));
        const leftovers = readdirSync(path.join(REPO_ROOT, ".work")).filter((name) => name.startsWith("demo-"));
        assert.deepEqual(leftovers, [], "the demo removes its working copy");
    });
});
