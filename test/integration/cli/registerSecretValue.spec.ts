import { strict as assert } from "node:assert";
import { randomBytes } from "node:crypto";
import { registerEnvironmentSecrets } from "../../../bin/registerEnvironmentSecrets";
import { registerSecretValue } from "../../../bin/registerSecretValue";
import { redact } from "../../../sdk/core/secrets";

const unique = (label: string) => `${label}-${randomBytes(6).toString("hex")}`;

describe("CLI secret registration", () => {
    it("registers a plain secret value", () => {
        const secret = unique("plain");
        registerSecretValue(secret);
        assert.equal(redact(`value ${secret}.`), "value [secret].");
    });

    it("registers the secret fields of a JSON value, leaving client ids and URLs readable", () => {
        const clientSecret = unique("secret");
        const clientId = unique("client");
        const value = JSON.stringify({ "https://acme.docuware.cloud": { clientId, clientSecret } });
        registerSecretValue(value);
        assert.equal(
            redact(`https://acme.docuware.cloud ${clientId} ${clientSecret}`),
            `https://acme.docuware.cloud ${clientId} [secret]`,
        );
        assert.equal(redact(value), "[secret]");
    });

    it("registers the secrets of the environment, including DOCUWARE_ADMIN_CREDENTIALS", () => {
        const scim = unique("scim");
        const admin = unique("admin");
        registerEnvironmentSecrets({
            DOCUWARE_SCIM_CLIENT_SECRET: scim,
            DOCUWARE_ADMIN_CREDENTIALS: JSON.stringify({ "https://x": { clientId: "id-1", clientSecret: admin } }),
            DOCUWARE_SCIM_CLIENT_ID: unique("not-secret"),
        });
        assert.equal(redact(`${scim} ${admin}`), "[secret] [secret]");
    });
});
