import {
    scimConnectionOAuthClientCredentials,
    scimConnectionRemoveActionDisable,
    scimConnectionUrlDocuWare,
} from "../../../policy/policies";
import {
    ExistingAppRegistration,
    PropagationStore,
    UserProvisioning,
    existingAppRegistrationProps,
    previewStoreProps,
    storeProps,
    userProvisioningProps,
} from "../../helpers/policyFixtures";
import {
    assertHasResourceViolation,
    assertNoResourceViolations,
    assertResourceViolations,
    createResourceValidationArgs,
} from "../../helpers/policyHarness";

type Config = Record<string, unknown>;

const storeArgs = (changes: Record<string, unknown> = {}, config?: Config) =>
    createResourceValidationArgs(
        PropagationStore,
        { ...storeProps(), ...changes },
        { name: "acme-connection", config },
    );

const EMULATOR_SCIM_URL = "http://127.0.0.1:40123/DocuWare/Services/UserProvisioningService/ping/scim";
const EMULATOR_TOKEN_URL = "http://127.0.0.1:40124/connect/token";

describe("#scim-connection-url-docuware", () => {
    const policy = scimConnectionUrlDocuWare;
    const settingsArgs = (changes: Record<string, unknown> = {}, config?: Config) =>
        createResourceValidationArgs(
            UserProvisioning,
            { ...userProvisioningProps(), ...changes },
            { name: "acme-docuware-provisioning", config },
        );

    it("passes DocuWare's https SCIM URL for Ping", async () => {
        await assertNoResourceViolations(policy, storeArgs());
        await assertNoResourceViolations(policy, settingsArgs());
        await assertNoResourceViolations(
            policy,
            createResourceValidationArgs(ExistingAppRegistration, existingAppRegistrationProps()),
        );
    });

    it("reports an http SCIM URL", async () => {
        await assertResourceViolations(
            policy,
            storeArgs({ scimUrl: "http://acme.docuware.cloud/DocuWare/Services/UserProvisioningService/ping/scim" }),
            [
                'PropagationStore "acme-connection" must use an https scimUrl, but it is "http://acme.docuware.cloud/DocuWare/Services/UserProvisioningService/ping/scim"; use DocuWare\'s https SCIM BASE URL (http only on loopback, with allowLoopbackHttp).',
            ],
        );
    });

    it("reports loopback http unless allowLoopbackHttp is set", async () => {
        await assertHasResourceViolation(
            policy,
            storeArgs({ scimUrl: EMULATOR_SCIM_URL }),
            `PropagationStore "acme-connection" must use an https scimUrl, but it is "${EMULATOR_SCIM_URL}"; use DocuWare's https SCIM BASE URL (http only on loopback, with allowLoopbackHttp).`,
        );
        await assertNoResourceViolations(
            policy,
            storeArgs({ scimUrl: EMULATOR_SCIM_URL }, { allowLoopbackHttp: true }),
        );
    });

    it("never allows http on other hosts", async () => {
        await assertHasResourceViolation(
            policy,
            storeArgs(
                { scimUrl: "http://10.0.0.5/DocuWare/Services/UserProvisioningService/ping/scim" },
                { allowLoopbackHttp: true },
            ),
            'PropagationStore "acme-connection" must use an https scimUrl, but it is "http://10.0.0.5/DocuWare/Services/UserProvisioningService/ping/scim"; use DocuWare\'s https SCIM BASE URL (http only on loopback, with allowLoopbackHttp).',
        );
    });

    it("reports a URL that is not DocuWare's User Provisioning service", async () => {
        await assertResourceViolations(policy, storeArgs({ scimUrl: "https://scim.example.com/v2" }), [
            'PropagationStore "acme-connection" must use a DocuWare User Provisioning URL (…/DocuWare/Services/UserProvisioningService/ping/scim), but scimUrl is "https://scim.example.com/v2"; copy the SCIM BASE URL from DocuWare\'s User Provisioning settings.',
        ]);
    });

    it("reports another identity provider's path", async () => {
        await assertResourceViolations(
            policy,
            storeArgs({ scimUrl: "https://acme.docuware.cloud/DocuWare/Services/UserProvisioningService/okta/scim" }),
            [
                'PropagationStore "acme-connection" must use the identity-provider path "ping" of DocuWare\'s settings, but scimUrl uses "okta"; use …/DocuWare/Services/UserProvisioningService/ping/scim.',
            ],
        );
    });

    it("takes the identity provider from the config", async () => {
        const config = { identityProvider: "generic-acme" };
        await assertHasResourceViolation(
            policy,
            storeArgs({}, config),
            'PropagationStore "acme-connection" must use the identity-provider path "generic-acme" of DocuWare\'s settings, but scimUrl uses "ping"; use …/DocuWare/Services/UserProvisioningService/generic-acme/scim.',
        );
        await assertNoResourceViolations(
            policy,
            storeArgs(
                { scimUrl: "https://acme.docuware.cloud/DocuWare/Services/UserProvisioningService/generic-acme/scim/" },
                config,
            ),
        );
    });

    it("reports DocuWare settings with another identity provider", async () => {
        await assertResourceViolations(policy, settingsArgs({ identityProvider: "okta" }), [
            'UserProvisioning "acme-docuware-provisioning" must use identity provider "ping" for PingOne, but identityProvider is "okta"; set identityProvider to "ping".',
        ]);
    });

    it("reports an http organization URL, which becomes the SCIM URL", async () => {
        await assertResourceViolations(policy, settingsArgs({ organizationUrl: "http://127.0.0.1:40123" }), [
            'UserProvisioning "acme-docuware-provisioning" must use an https organizationUrl, but it is "http://127.0.0.1:40123"; use the organization\'s https URL, e.g. https://acme.docuware.cloud (http only on loopback, with allowLoopbackHttp).',
        ]);
        await assertNoResourceViolations(
            policy,
            settingsArgs({ organizationUrl: "http://127.0.0.1:40123" }, { allowLoopbackHttp: true }),
        );
    });

    it("checks an existing registration's identity provider", async () => {
        await assertResourceViolations(
            policy,
            createResourceValidationArgs(
                ExistingAppRegistration,
                { ...existingAppRegistrationProps(), identityProvider: "azure" },
                { name: "acme-registration" },
            ),
            [
                'ExistingAppRegistration "acme-registration" must use identity provider "ping" for PingOne, but identityProvider is "azure"; set identityProvider to "ping".',
            ],
        );
    });

    it("stays silent while the SCIM URL is unknown (fresh preview)", async () => {
        await assertNoResourceViolations(
            policy,
            createResourceValidationArgs(PropagationStore, previewStoreProps(), { name: "acme-connection" }),
        );
    });
});

describe("#scim-connection-oauth-client-credentials", () => {
    const policy = scimConnectionOAuthClientCredentials;

    it("passes client credentials with DocuWare's https token URL", async () => {
        await assertNoResourceViolations(policy, storeArgs());
    });

    it("reports another authentication method", async () => {
        await assertResourceViolations(
            policy,
            storeArgs({ authenticationMethod: "Basic Authentication", basicAuthUser: "u", basicAuthPassword: "p" }),
            [
                'PropagationStore "acme-connection" must authenticate with "OAuth 2 Client Credentials", but authenticationMethod is "Basic Authentication"; use the DocuWare app registration\'s client id and secret with DocuWare\'s token URL.',
            ],
        );
    });

    it("treats a missing method as the default, client credentials", async () => {
        await assertNoResourceViolations(policy, storeArgs({ authenticationMethod: undefined }));
    });

    it("reports a missing token URL", async () => {
        await assertResourceViolations(policy, storeArgs({ oauthTokenUrl: undefined }), [
            'PropagationStore "acme-connection" must set oauthTokenUrl; use the OAuth Token Request URL from DocuWare\'s User Provisioning settings.',
        ]);
    });

    it("reports an http token URL; loopback only with allowLoopbackHttp", async () => {
        const message = `PropagationStore "acme-connection" must use an https oauthTokenUrl, but it is "${EMULATOR_TOKEN_URL}"; use DocuWare's https OAuth Token Request URL (http only on loopback, with allowLoopbackHttp).`;
        await assertResourceViolations(policy, storeArgs({ oauthTokenUrl: EMULATOR_TOKEN_URL }), [message]);
        await assertNoResourceViolations(
            policy,
            storeArgs({ oauthTokenUrl: EMULATOR_TOKEN_URL }, { allowLoopbackHttp: true }),
        );
    });

    it("checks the method while the token URL is unknown (fresh preview)", async () => {
        const preview = () => previewStoreProps();
        await assertNoResourceViolations(
            policy,
            createResourceValidationArgs(PropagationStore, preview(), { name: "acme-connection" }),
        );
        await assertHasResourceViolation(
            policy,
            createResourceValidationArgs(
                PropagationStore,
                { ...preview(), authenticationMethod: "OAuth 2 Bearer Token" },
                { name: "acme-connection" },
            ),
            'PropagationStore "acme-connection" must authenticate with "OAuth 2 Client Credentials", but authenticationMethod is "OAuth 2 Bearer Token"; use the DocuWare app registration\'s client id and secret with DocuWare\'s token URL.',
        );
    });
});

describe("#scim-connection-remove-action-disable", () => {
    const policy = scimConnectionRemoveActionDisable;

    it('passes "Disable" and the default', async () => {
        await assertNoResourceViolations(policy, storeArgs());
        await assertNoResourceViolations(policy, storeArgs({ removeAction: undefined }));
    });

    it('reports "Delete"', async () => {
        await assertResourceViolations(policy, storeArgs({ removeAction: "Delete" }), [
            'PropagationStore "acme-connection" must disable deprovisioned DocuWare users rather than delete them, but removeAction is "Delete"; set removeAction to "Disable".',
        ]);
    });
});
