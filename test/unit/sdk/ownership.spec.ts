import { strict as assert } from "node:assert";
import { UnownedObjectError } from "../../../sdk/core/errors";
import { claimExisting, markedOwner, withMarker, withoutMarker } from "../../../sdk/dynamic/ownership";

describe("ownership markers", () => {
    it("puts the marker on the last line of the free text, after the user's text", () => {
        assert.equal(withMarker(undefined, "p/s/r"), "managed-by: pulumi p/s/r");
        assert.equal(withMarker("Outbound to Acme", "p/s/r"), "Outbound to Acme\nmanaged-by: pulumi p/s/r");
        assert.equal(withMarker("text\nmanaged-by: pulumi old/s/r", "p/s/r"), "text\nmanaged-by: pulumi p/s/r");
        assert.equal(withMarker("text", undefined), "text");
    });

    it("reads the marker wherever a console edit left it, and strips it from the user's text", () => {
        const edited = "Outbound\nmanaged-by: pulumi p/s/r\nadded later in the console";
        assert.equal(markedOwner(edited), "p/s/r");
        assert.equal(withoutMarker(edited), "Outbound\nadded later in the console");
        assert.equal(withoutMarker("managed-by: pulumi p/s/r"), undefined);
        assert.equal(markedOwner("managed by pulumi p/s/r"), undefined, "only the exact marker counts");
        assert.equal(markedOwner(undefined), undefined);
    });

    it("takes its own orphan, takes anything with adopt, refuses everything else", () => {
        assert.equal(claimExisting("x", "p/s/r", { adopt: false, managedBy: "p/s/r" }), true);
        assert.equal(claimExisting("x", undefined, { adopt: true, managedBy: "p/s/r" }), false);
        assert.equal(claimExisting("x", "p/other/r", { adopt: true, managedBy: "p/s/r" }), false);
        assert.throws(() => claimExisting("x", undefined, { adopt: false, managedBy: "p/s/r" }), UnownedObjectError);
        assert.throws(
            () => claimExisting("x", "p/s/other", { adopt: false, managedBy: "p/s/r" }),
            /managed by p\/s\/other/,
        );
        assert.throws(() => claimExisting("x", undefined, { adopt: false }), UnownedObjectError);
    });
});
