import { strict as assert } from "node:assert";
import {
    IdentityProviderSlugSchema,
    identityProviderFields,
    identityProviderSlug,
    parseScimBaseUrl,
    scimBaseUrl,
} from "../../../sdk/docuware/api/identityProvider";

describe("DocuWare identity provider slugs", () => {
    it("maps slugs to settings and back", () => {
        for (const [slug, name] of [
            ["ping", "Ping"],
            ["azure", "Azure"],
            ["okta", "Okta"],
            ["onpremise", "OnPremise"],
        ] as const) {
            assert.deepEqual(identityProviderFields(slug), { IdentityProvider: name, GenericIdentifier: null });
            assert.equal(identityProviderSlug({ Enabled: true, IdentityProvider: name }), slug);
        }
        assert.deepEqual(identityProviderFields("generic-acme"), {
            IdentityProvider: "Generic",
            GenericIdentifier: "acme",
        });
        assert.equal(
            identityProviderSlug({ Enabled: true, IdentityProvider: "Generic", GenericIdentifier: "acme" }),
            "generic-acme",
        );
        assert.equal(identityProviderSlug({ Enabled: false }), undefined);
    });

    it("builds the documented SCIM base URL", () => {
        assert.equal(
            scimBaseUrl("https://acme.docuware.cloud/", "ping"),
            "https://acme.docuware.cloud/DocuWare/Services/UserProvisioningService/ping/scim",
        );
    });

    it("rejects unknown identity providers with the allowed values", () => {
        const result = IdentityProviderSlugSchema.safeParse("Ping ");
        assert.equal(result.success, false);
        assert.match(
            result.error!.issues[0]!.message,
            /must be "ping", "azure", "okta", "onpremise" or "generic-<identifier>"/,
        );
        assert.equal(IdentityProviderSlugSchema.safeParse("generic-").success, false);
    });

    it("parses a DocuWare SCIM base URL back into organization and identity provider", () => {
        for (const [organizationUrl, slug] of [
            ["https://acme.docuware.cloud", "ping"],
            ["https://dms.example.com/onprem", "generic-acme.v2"],
            ["http://127.0.0.1:4000", "azure"],
        ] as const) {
            assert.deepEqual(parseScimBaseUrl(scimBaseUrl(organizationUrl, slug)), {
                organizationUrl,
                identityProvider: slug,
            });
        }
        assert.deepEqual(
            parseScimBaseUrl("https://acme.docuware.cloud/docuware/services/userprovisioningservice/ping/scim/"),
            { organizationUrl: "https://acme.docuware.cloud", identityProvider: "ping" },
        );
        for (const other of [
            "https://scim.example.com/v2",
            "https://acme.docuware.cloud/DocuWare/Services/UserProvisioningService/ping",
            "https://acme.docuware.cloud/DocuWare/Services/UserProvisioningService/ping/scim/Users",
            "",
        ]) {
            assert.equal(parseScimBaseUrl(other), undefined, other);
        }
    });
});
