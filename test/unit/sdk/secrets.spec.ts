import { strict as assert } from "node:assert";
import { redact, redactError, registerSecret } from "../../../sdk/core/secrets";

describe("secret redaction", () => {
    it("replaces every registered secret in messages and stacks", () => {
        registerSecret("s3cr3t-value-123");
        assert.equal(redact("token s3cr3t-value-123 and s3cr3t-value-123"), "token [secret] and [secret]");
        const error = redactError(new Error("bad secret s3cr3t-value-123"));
        assert.equal(error.message, "bad secret [secret]");
        assert.ok(!error.stack?.includes("s3cr3t-value-123"));
    });

    it("ignores values too short to be secrets, so ordinary words survive", () => {
        registerSecret("abc");
        assert.equal(redact("abc def"), "abc def");
    });
});
