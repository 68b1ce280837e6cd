import { strict as assert } from "node:assert";
import { isLoopbackHost, secureUrlProblem } from "../../../sdk/core/urls";

describe("loopback hosts", () => {
    const cases: [string, boolean][] = [
        ["localhost", true],
        ["127.0.0.1", true],
        ["127.1.2.3", true],
        ["[::1]", true],
        ["128.0.0.1", false],
        ["localhost.example.com", false],
        ["acme.docuware.cloud", false],
    ];
    for (const [host, loopback] of cases) {
        it(`${host} is ${loopback ? "" : "not "}loopback`, () => assert.equal(isLoopbackHost(host), loopback));
    }

    it("accepts plain http on every loopback address and nowhere else", () => {
        assert.equal(secureUrlProblem("http://127.0.0.2:3000", "scimUrl", "https://x"), undefined);
        assert.equal(
            secureUrlProblem("http://acme.docuware.cloud", "scimUrl", "https://x"),
            'scimUrl must use https (plain http is accepted only on loopback, for local emulators), got "http://acme.docuware.cloud"',
        );
    });
});
