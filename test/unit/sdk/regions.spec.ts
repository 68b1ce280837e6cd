import { strict as assert } from "node:assert";
import { ConfigurationError } from "../../../sdk/core/errors";
import { PINGONE_REGIONS, parseRegion, regionEndpoints } from "../../../sdk/pingone/api/regions";

describe("PingOne regions", () => {
    // Every region of the vendor Go SDK (pingone/model/region.go): domain, Terraform code and the SDK's name.
    const regions: [string, string, string][] = [
        ["com", "NA", "NorthAmerica"],
        ["eu", "EU", "Europe"],
        ["asia", "AP", "AsiaPacific"],
        ["ca", "CA", "Canada"],
        ["com.au", "AU", "Australia-AsiaPacific"],
        ["sg", "SG", "Singapore"],
    ];

    it("knows exactly the vendor SDK's regions", () => {
        assert.deepEqual([...PINGONE_REGIONS].sort(), regions.map(([tld]) => tld).sort());
    });

    for (const [tld, code, name] of regions) {
        it(`${name}: ${tld}, ${code} and ${name} reach auth.pingone.${tld} and api.pingone.${tld}`, () => {
            for (const alias of [tld, tld.toUpperCase(), code, code.toLowerCase(), name]) {
                assert.equal(parseRegion(alias), tld, alias);
            }
            assert.deepEqual(regionEndpoints(parseRegion(code)), {
                authUrl: `https://auth.pingone.${tld}`,
                apiUrl: `https://api.pingone.${tld}/v1`,
            });
        });
    }

    it("still accepts the short names it accepted before", () => {
        assert.equal(parseRegion("Australia"), "com.au");
        assert.equal(parseRegion("north america"), "com");
    });

    it("rejects an unknown region with the allowed values", () => {
        assert.throws(
            () => parseRegion("mars"),
            (error: Error) => {
                assert.ok(error instanceof ConfigurationError);
                assert.equal(
                    error.message,
                    'Unknown PingOne region "mars"; use one of com, eu, asia, ca, com.au, sg (or the Terraform codes NA, EU, AP, CA, AU, SG).',
                );
                return true;
            },
        );
    });
});
