import { strict as assert } from "node:assert";
import { isLoopbackHost, secureUrlProblem } from "../../../sdk/core/urls";
import { parseScimBaseUrl, scimBaseUrl } from "../../../sdk/docuware/identityProvider";

describe("DocuWare SCIM base URL", () => {
    const cases: [string, string][] = [
        ["https://acme.docuware.cloud", "ping"],
        ["https://acme.docuware.cloud/", "generic-hr.test"],
        ["http://127.0.0.1:8080/prefix", "azure"],
    ];
    for (const [organizationUrl, identityProvider] of cases) {
        it(`parses back what it builds for ${organizationUrl} and ${identityProvider}`, () => {
            assert.deepEqual(parseScimBaseUrl(scimBaseUrl(organizationUrl, identityProvider)), {
                organizationUrl: organizationUrl.replace(/\/$/, ""),
                identityProvider,
            });
        });
    }

    it("accepts a trailing slash and any letter case in the service path", () => {
        assert.deepEqual(
            parseScimBaseUrl("https://acme.docuware.cloud/docuware/services/userprovisioningservice/okta/scim/"),
            { organizationUrl: "https://acme.docuware.cloud", identityProvider: "okta" },
        );
    });

    for (const url of [
        "https://acme.docuware.cloud/scim",
        "not a url",
        "https://acme.docuware.cloud/DocuWare/Services/UserProvisioningService/scim",
    ]) {
        it(`finds no SCIM base URL in ${url}`, () => assert.equal(parseScimBaseUrl(url), undefined));
    }
});

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
