import { strict as assert } from "node:assert";
import { DocuWarePingOneProvisioning } from "../../../components/docuWarePingOneProvisioning";
import { clientSecretStoredAsSecret } from "../../../policy/policies";
import {
    AppRegistration,
    ExistingAppRegistration,
    PropagationRule,
    PropagationStore,
    appRegistrationProps,
    existingAppRegistrationProps,
    ruleProps,
    secretOutputs,
    storeProps,
} from "../../helpers/policyFixtures";
import {
    Secret,
    UNKNOWN_STRING,
    assertNoResourceViolations,
    assertResourceViolations,
    createResourceValidationArgs,
    runResourceRemediation,
} from "../../helpers/policyHarness";

const policy = clientSecretStoredAsSecret;

const registrationArgs = (additionalSecretOutputs = secretOutputs.appRegistration.additionalSecretOutputs) =>
    createResourceValidationArgs(AppRegistration, appRegistrationProps(), {
        name: "acme-registration",
        opts: { additionalSecretOutputs },
    });

const existingArgs = (changes: Record<string, unknown> = {}, opts = secretOutputs.existingAppRegistration) =>
    createResourceValidationArgs(
        ExistingAppRegistration,
        { ...existingAppRegistrationProps(), ...changes },
        { name: "acme-registration", opts },
    );

const storeArgs = (changes: Record<string, unknown> = {}, opts = secretOutputs.store) =>
    createResourceValidationArgs(
        PropagationStore,
        { ...storeProps(), oauthClientSecret: new Secret("s3cr3t"), ...changes },
        { name: "acme-connection", opts },
    );

describe("#client-secret-stored-as-secret", () => {
    it("passes the resources as this package creates them", async () => {
        await assertNoResourceViolations(policy, registrationArgs());
        await assertNoResourceViolations(policy, existingArgs());
        await assertNoResourceViolations(policy, storeArgs());
    });

    it("reports an app registration whose clientSecret output is not secret", async () => {
        await assertResourceViolations(policy, registrationArgs([]), [
            'AppRegistration "acme-registration" must store clientSecret as a secret, but additionalSecretOutputs leaves it out; keep "clientSecret" in additionalSecretOutputs (no transform may drop it).',
        ]);
    });

    it("reports an existing registration whose clientSecret is not kept secret", async () => {
        await assertResourceViolations(policy, existingArgs({}, { additionalSecretOutputs: ["clientId"] }), [
            'ExistingAppRegistration "acme-registration" must store clientSecret as a secret, but additionalSecretOutputs leaves it out; keep "clientSecret" in additionalSecretOutputs (no transform may drop it).',
        ]);
    });

    it("reports a connection whose oauthClientSecret is not kept secret", async () => {
        await assertResourceViolations(policy, storeArgs({}, { additionalSecretOutputs: [] }), [
            'PropagationStore "acme-connection" must store oauthClientSecret as a secret, but additionalSecretOutputs leaves it out; keep "oauthClientSecret" in additionalSecretOutputs (no transform may drop it).',
        ]);
    });

    it("does not apply to rules", async () => {
        await assertNoResourceViolations(policy, createResourceValidationArgs(PropagationRule, ruleProps()));
    });

    describe("remediation", () => {
        it("marks a plain-text client secret input secret", async () => {
            const { props } = await runResourceRemediation(policy, existingArgs({ clientSecret: "plain" }));
            assert.ok(props?.clientSecret instanceof Secret);
            assert.equal(props.clientSecret.value, "plain");
            assert.ok(props.clientId instanceof Secret);
            assert.equal(props.organizationUrl, existingAppRegistrationProps().organizationUrl);
        });

        it("marks a connection's plain-text oauthClientSecret secret", async () => {
            const { props } = await runResourceRemediation(policy, storeArgs({ oauthClientSecret: "plain" }));
            assert.deepEqual(props?.oauthClientSecret, new Secret("plain"));
        });

        it("marks the component's existingRegistration secrets secret", async () => {
            const args = createResourceValidationArgs(DocuWarePingOneProvisioning, {
                existingRegistration: { clientId: "id-1", clientSecret: new Secret("s3cr3t") },
            });
            const { props } = await runResourceRemediation(policy, args);
            assert.deepEqual(props, {
                existingRegistration: { clientId: new Secret("id-1"), clientSecret: new Secret("s3cr3t") },
            });
        });

        it("changes nothing when the secrets are secret or unknown", async () => {
            assert.deepEqual(await runResourceRemediation(policy, existingArgs()), { props: undefined });
            assert.deepEqual(
                await runResourceRemediation(policy, storeArgs({ oauthClientSecret: new Secret(UNKNOWN_STRING) })),
                { props: undefined },
            );
            assert.deepEqual(await runResourceRemediation(policy, storeArgs({ oauthClientSecret: UNKNOWN_STRING })), {
                props: undefined,
            });
        });
    });
});
