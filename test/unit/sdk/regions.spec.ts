import { strict as assert } from "node:assert";
import { ConfigurationError } from "../../../sdk/core/errors";
import { parseRegion, regionEndpoints } from "../../../sdk/pingone/regions";

describe("PingOne regions", () => {
    const cases: [string, string][] = [
        ["com", "com"],
        ["EU", "eu"],
        ["asia", "asia"],
        ["AP", "asia"],
        ["ca", "ca"],
        ["com.au", "com.au"],
        ["AU", "com.au"],
        ["NA", "com"],
        ["NorthAmerica", "com"],
    ];
    for (const [input, expected] of cases) {
        it(`maps ${input} to ${expected}`, () => assert.equal(parseRegion(input), expected));
    }

    it("builds the auth and API hosts of a region", () => {
        assert.deepEqual(regionEndpoints("com.au"), {
            authUrl: "https://auth.pingone.com.au",
            apiUrl: "https://api.pingone.com.au/v1",
        });
    });

    it("rejects an unknown region with the allowed values", () => {
        assert.throws(
            () => parseRegion("mars"),
            (error: Error) => {
                assert.ok(error instanceof ConfigurationError);
                assert.match(
                    error.message,
                    /Unknown PingOne region "mars"; use one of com, eu, asia, ca, com.au \(or the Terraform codes NA, EU, AP, CA, AU\)/,
                );
                return true;
            },
        );
    });
});
