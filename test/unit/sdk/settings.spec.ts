import { strict as assert } from "node:assert";
import { setStackConfig } from "../../../sdk/config/stackConfig";
import { ConfigurationError } from "../../../sdk/core/errors";
import { docuWareAdminCredentials } from "../../../sdk/docuware/api/settings";
import { pingOneSettings } from "../../../sdk/pingone/api/settings";
import { PROVIDER_ENVIRONMENT_VARIABLES } from "../../helpers/providerEnvironmentVariables";

describe("provider settings from stack config and environment", () => {
    const saved: Record<string, string | undefined> = {};
    beforeEach(() => {
        for (const name of PROVIDER_ENVIRONMENT_VARIABLES) {
            saved[name] = process.env[name];
            delete process.env[name];
        }
        setStackConfig(undefined);
    });
    afterEach(() => {
        for (const name of PROVIDER_ENVIRONMENT_VARIABLES) {
            if (saved[name] === undefined) {
                delete process.env[name];
            } else {
                process.env[name] = saved[name];
            }
        }
        setStackConfig(undefined);
    });

    it("reads the Terraform provider's PingOne variables and the region's hosts", () => {
        Object.assign(process.env, {
            PINGONE_CLIENT_ID: "id",
            PINGONE_CLIENT_SECRET: "secret-value",
            PINGONE_ENVIRONMENT_ID: "6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b",
            PINGONE_REGION_CODE: "EU",
        });
        assert.deepEqual(pingOneSettings(), {
            clientId: "id",
            clientSecret: "secret-value",
            environmentId: "6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b",
            tokenEndpointAuthMethod: "auto",
            authUrl: "https://auth.pingone.eu",
            apiUrl: "https://api.pingone.eu/v1",
        });
        assert.equal(pingOneSettings("asia").apiUrl, "https://api.pingone.asia/v1", "a resource's region wins");
    });

    it("reads the worker's token endpoint authentication method, and names the key and variable of a bad one", () => {
        Object.assign(process.env, {
            PINGONE_CLIENT_ID: "id",
            PINGONE_CLIENT_SECRET: "secret-value",
            PINGONE_ENVIRONMENT_ID: "6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b",
            PINGONE_REGION_CODE: "sg",
        });
        for (const [value, expected] of [
            ["post", "post"],
            ["BASIC", "basic"],
            ["client_secret_post", "post"],
            ["auto", "auto"],
        ]) {
            process.env.PINGONE_TOKEN_ENDPOINT_AUTH_METHOD = value;
            assert.equal(pingOneSettings().tokenEndpointAuthMethod, expected);
        }
        setStackConfig({ get: (key) => (key === "pingone:tokenEndpointAuthMethod" ? "header" : undefined) });
        assert.throws(
            () => pingOneSettings(),
            (error: Error) => {
                assert.ok(error instanceof ConfigurationError);
                assert.equal(
                    error.message,
                    '`pingone:tokenEndpointAuthMethod` (PINGONE_TOKEN_ENDPOINT_AUTH_METHOD) must be auto, basic or post, got "header"; ' +
                        "leave it unset (auto) unless the worker application must use one method.",
                );
                return true;
            },
        );
    });

    it("prefers stack config over environment variables, and custom URLs over the region", () => {
        Object.assign(process.env, { PINGONE_CLIENT_ID: "from-env", PINGONE_REGION_CODE: "com" });
        const config: Record<string, string> = {
            "pingone:clientId": "from-config",
            "pingone:clientSecret": "config-secret",
            "pingone:environmentId": "6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b",
            "pingone:authUrl": "http://127.0.0.1:1/",
            "pingone:apiUrl": "http://127.0.0.1:2/v1/",
        };
        setStackConfig({ get: (key) => config[key] });
        const settings = pingOneSettings();
        assert.equal(settings.clientId, "from-config");
        assert.equal(settings.authUrl, "http://127.0.0.1:1");
        assert.equal(settings.apiUrl, "http://127.0.0.1:2/v1");
    });

    it("names every missing credential and where to set it, once", () => {
        assert.throws(
            () => pingOneSettings(),
            (error: Error) => {
                assert.ok(error instanceof ConfigurationError);
                assert.equal(
                    error.message,
                    "PingOne credentials are incomplete; set `pingone:clientId` (pulumi config set pingone:clientId …, or PINGONE_CLIENT_ID), " +
                        "`pingone:clientSecret` (pulumi config set --secret pingone:clientSecret …, or PINGONE_CLIENT_SECRET), " +
                        "`pingone:environmentId` (pulumi config set pingone:environmentId …, or PINGONE_ENVIRONMENT_ID).",
                );
                return true;
            },
        );
        Object.assign(process.env, {
            PINGONE_CLIENT_ID: "a",
            PINGONE_CLIENT_SECRET: "b",
            PINGONE_ENVIRONMENT_ID: "6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b",
        });
        assert.throws(() => pingOneSettings(), /PingOne region is not set; set `pingone:regionCode`/);
    });

    it("picks a DocuWare organization's own admin credential, else the default one", () => {
        process.env.DOCUWARE_ADMIN_CREDENTIALS = JSON.stringify({
            "https://hr.docuware.cloud/": { clientId: "hr-admin", clientSecret: "hr-admin-secret" },
        });
        Object.assign(process.env, { DOCUWARE_CLIENT_ID: "admin", DOCUWARE_CLIENT_SECRET: "admin-secret" });
        assert.deepEqual(docuWareAdminCredentials("https://HR.docuware.cloud"), {
            clientId: "hr-admin",
            clientSecret: "hr-admin-secret",
        });
        assert.deepEqual(docuWareAdminCredentials("https://acme.docuware.cloud"), {
            clientId: "admin",
            clientSecret: "admin-secret",
        });
        process.env.DOCUWARE_ADMIN_CREDENTIALS = "not json";
        assert.throws(
            () => docuWareAdminCredentials("https://acme.docuware.cloud"),
            /`docuware:adminCredentials` \(DOCUWARE_ADMIN_CREDENTIALS\) must be JSON like/,
        );
    });
});
