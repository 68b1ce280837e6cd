import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { INTERRUPTED_DEPLOYMENT_SECTION } from "../../../sdk/core/errors";
import { EXISTING_REGISTRATION_README_URL } from "../../../sdk/docuware/api/docuWareClient";

const README = readFileSync(path.join(__dirname, "../../../README.md"), "utf8");
const headings = README.split("\n")
    .filter((line) => line.startsWith("#"))
    .map((line) => line.replace(/^#+\s*/, ""));
/** GitHub's and npm's heading anchors: lower case, punctuation dropped, spaces as hyphens. */
const anchor = (heading: string) =>
    heading
        .toLowerCase()
        .replace(/[^\w\s-]/g, "")
        .replace(/\s/g, "-");

describe("README places the package's errors point to", () => {
    it("has the section the existing-registration error links to", () => {
        const fragment = new URL(EXISTING_REGISTRATION_README_URL).hash.slice(1);
        assert.ok(headings.map(anchor).includes(fragment), `no README heading with the anchor #${fragment}`);
    });

    it("has the section the interrupted-deployment errors name", () => {
        const section = /"(.+)"/.exec(INTERRUPTED_DEPLOYMENT_SECTION)![1]!;
        assert.ok(headings.includes(section), `no README heading "${section}"`);
    });

    it("stays within about 12 KB with no line over 160 characters", () => {
        assert.ok(Buffer.byteLength(README) <= 12_500, `README is ${Buffer.byteLength(README)} bytes`);
        const long = README.split("\n").filter((line) => line.length > 160);
        assert.deepEqual(long, []);
    });
});
