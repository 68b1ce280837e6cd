import { strict as assert } from "node:assert";
import { shallowStackTraces } from "../../../sdk/dynamic/shallowStackTraces";

describe("shallowStackTraces", () => {
    it("captures no frames until restored, then as many as before", () => {
        const before = Error.stackTraceLimit;
        const restore = shallowStackTraces();
        try {
            assert.equal(new Error("x").stack, "Error: x");
        } finally {
            restore();
        }
        assert.equal(Error.stackTraceLimit, before);
        assert.match(new Error("y").stack ?? "", /\n\s+at /);
    });
});
