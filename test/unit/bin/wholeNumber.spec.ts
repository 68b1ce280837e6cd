import { strict as assert } from "node:assert";
import { InvalidArgumentError } from "commander";
import { wholeNumber } from "../../../bin/wholeNumber";

describe("wholeNumber (count options of impact and verify)", () => {
    it("reads 0 and positive whole numbers", () => {
        assert.equal(wholeNumber("0"), 0);
        assert.equal(wholeNumber("12"), 12);
    });

    for (const bad of ["-1", "1.5", "many", "", " "]) {
        it(`refuses ${JSON.stringify(bad)} with the rule`, () => {
            assert.throws(
                () => wholeNumber(bad),
                (error: unknown) =>
                    error instanceof InvalidArgumentError && error.message === "must be a whole number, 0 or more.",
            );
        });
    }
});
