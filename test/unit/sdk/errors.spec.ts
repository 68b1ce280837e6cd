import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { AxiosError } from "axios";
import { z } from "zod";
import { httpSettings } from "../../../sdk/config/httpSettings";
import { toApiError, toTransportError } from "../../../sdk/core/errorConversion";
import {
    ApiError,
    ConfigurationError,
    InvalidArgumentsError,
    NotFoundError,
    PartialFailure,
    ProvisioningError,
    RequestValidationError,
    ResponseValidationError,
    TransportError,
    type TransportFailure,
    isOutcomeUnknown,
} from "../../../sdk/core/errors";
import { retriesStatus, retriesTransportFailure } from "../../../sdk/core/retry";
import { registerSecret } from "../../../sdk/core/secrets";
import { docuWareAdminCredentials } from "../../../sdk/docuware/api/settings";
import { PartialFailure as PartialFailureOfProviders } from "../../../sdk/dynamic/resourceDefinition";

const api = { service: "PingOne" as const, method: "GET", url: "https://api.pingone.eu/v1/x", status: 500 };

describe("error hierarchy", () => {
    const cause = new Error("the step that failed");
    const errors: [string, Error][] = [
        ["RequestValidationError", new RequestValidationError("bad", ["name: empty"])],
        ["InvalidArgumentsError", new InvalidArgumentsError("bad", ["x"], {})],
        ["ConfigurationError", new ConfigurationError("missing")],
        ["PartialFailure", new PartialFailure("id-1", { a: 1 }, cause)],
        ["ApiError", new ApiError(api)],
        ["NotFoundError", new NotFoundError({ ...api, status: 404 })],
        ["TransportError", new TransportError("DocuWare", "GET", "https://x", "timeout", "t")],
        ["ResponseValidationError", new ResponseValidationError("DocuWare", "GET", "https://x", 200, "issues")],
    ];
    for (const [name, error] of errors) {
        it(`${name} is a ProvisioningError named ${name}`, () => {
            assert.ok(error instanceof ProvisioningError);
            assert.equal(error.name, name);
        });
    }

    it("keeps the failed step of a partial failure as its cause, and is the one the providers raise", () => {
        const failure = new PartialFailure("id-1", { a: 1 }, cause);
        assert.equal(failure.cause, cause);
        assert.equal(failure.message, "the step that failed");
        assert.equal(PartialFailureOfProviders, PartialFailure);
    });

    it("attributes invalid component arguments to the component, as a pulumi.ResourceError", () => {
        const resource = {};
        const error = new InvalidArgumentsError("bad", ["x"], resource);
        assert.ok(pulumi.ResourceError.isInstance(error), "the Pulumi SDK's brand is still the one it checks");
        assert.equal(error.resource, resource);
    });
});

describe("transport failure classification", () => {
    const cases: [string, string, TransportFailure][] = [
        ["ECONNABORTED", "timeout of 1000ms exceeded", "timeout"],
        ["ETIMEDOUT", "connect ETIMEDOUT", "timeout"],
        ["ECONNREFUSED", "connect ECONNREFUSED 127.0.0.1:1", "connection-refused"],
        ["ECONNRESET", "read ECONNRESET", "connection-reset"],
        ["", "socket hang up", "connection-reset"],
        ["ENOTFOUND", "getaddrinfo ENOTFOUND x", "dns"],
        ["EAI_AGAIN", "getaddrinfo EAI_AGAIN x", "dns"],
        ["DEPTH_ZERO_SELF_SIGNED_CERT", "self-signed certificate", "tls"],
        ["EHOSTUNREACH", "connect EHOSTUNREACH", "network"],
    ];
    for (const [code, message, failure] of cases) {
        it(`classifies ${code || message} as ${failure}`, () => {
            const error = toTransportError(new AxiosError(message, code), "PingOne", "GET", "https://x");
            assert.equal(error.failure, failure);
        });
    }

    it("keeps the network failure as cause, without the request and its credentials", () => {
        const secret = "s3cret-value-xyz";
        registerSecret(secret);
        const axiosError = new AxiosError(`connect ECONNRESET while sending ${secret}`, "ECONNRESET", {
            headers: { Authorization: `Bearer ${secret}` },
        } as never);
        const error = toTransportError(axiosError, "PingOne", "POST", "https://x");
        const cause = error.cause as Error & { code?: string; config?: unknown };
        assert.equal(cause.code, "ECONNRESET");
        assert.equal(cause.config, undefined);
        assert.ok(!cause.message.includes(secret) && !error.message.includes(secret));
    });

    it("reads a cause's code when axios has none (e.g. a reset under fetch adapters)", () => {
        const error = Object.assign(new Error("fetch failed"), { cause: { code: "ECONNREFUSED" } });
        assert.equal(toTransportError(error, "DocuWare", "GET", "https://x").failure, "connection-refused");
    });
});

describe("error status classification", () => {
    const envelope = () => ({ code: "INVALID_DATA", message: "bad" });
    it("makes a 404 a NotFoundError and other statuses an ApiError with the service's code", () => {
        const notFound = toApiError({ ...api, status: 404, body: {}, parseErrorEnvelope: envelope });
        const failed = toApiError({ ...api, status: 400, body: {}, parseErrorEnvelope: envelope });
        assert.ok(notFound instanceof NotFoundError);
        assert.ok(failed instanceof ApiError && !(failed instanceof NotFoundError));
        assert.equal(failed.code, "INVALID_DATA");
        assert.equal(failed.message, "PingOne GET https://api.pingone.eu/v1/x failed with HTTP 400 INVALID_DATA: bad");
    });

    const outcomes: [string, Error, boolean][] = [
        ["a timeout", new TransportError("PingOne", "POST", "u", "timeout", "t"), true],
        ["a reset connection", new TransportError("PingOne", "POST", "u", "connection-reset", "r"), true],
        ["a refused connection", new TransportError("PingOne", "POST", "u", "connection-refused", "r"), false],
        ["a DNS failure", new TransportError("PingOne", "POST", "u", "dns", "d"), false],
        ["HTTP 500", new ApiError({ ...api, status: 500 }), true],
        ["HTTP 503", new ApiError({ ...api, status: 503 }), true],
        ["HTTP 400", new ApiError({ ...api, status: 400 }), false],
        ["a configuration error", new ConfigurationError("x"), false],
    ];
    for (const [what, error, unknown] of outcomes) {
        it(`${unknown ? "may" : "cannot"} have been applied after ${what}`, () => {
            assert.equal(isOutcomeUnknown(error), unknown);
        });
    }
});

describe("retry classification", () => {
    const transport: [TransportFailure, boolean, boolean][] = [
        ["timeout", true, true],
        ["timeout", false, false],
        ["connection-reset", false, false],
        ["connection-refused", false, true],
        ["dns", true, false],
        ["tls", true, false],
        ["network", true, true],
    ];
    for (const [failure, repeatable, retried] of transport) {
        it(`${retried ? "retries" : "does not retry"} ${failure} of a ${repeatable ? "repeatable" : "one-shot"} request`, () =>
            assert.equal(retriesTransportFailure(failure, repeatable), retried));
    }

    const statuses: [number, boolean, boolean][] = [
        [502, true, true],
        [503, true, true],
        [504, true, true],
        [503, false, false],
        [500, true, true],
        [408, true, true],
        [501, true, false],
        [429, true, false],
        [404, true, false],
    ];
    for (const [status, repeatable, retried] of statuses) {
        it(`${retried ? "retries" : "does not retry"} HTTP ${status} of a ${repeatable ? "repeatable" : "one-shot"} request`, () =>
            assert.equal(retriesStatus(status, repeatable), retried));
    }
});

describe("configuration errors", () => {
    const saved = { ...process.env };
    afterEach(() => {
        process.env = { ...saved };
    });

    it("names the config key and the variable of an invalid number", () => {
        process.env.DOCUWARE_PINGONE_MAX_RETRIES = "many";
        assert.throws(
            () => httpSettings(),
            (error: Error) =>
                error instanceof ConfigurationError &&
                error.message.startsWith(
                    '`docuware-pingone:maxRetries` (DOCUWARE_PINGONE_MAX_RETRIES) must be a non-negative number, got "many"',
                ),
        );
    });

    it("names the key and the variable of unreadable admin credentials without quoting them", () => {
        process.env.DOCUWARE_ADMIN_CREDENTIALS = '{"https://acme.docuware.cloud": {"clientSecret": "plain-secret-1"';
        assert.throws(
            () => docuWareAdminCredentials("https://acme.docuware.cloud"),
            (error: Error) => {
                assert.ok(error instanceof ConfigurationError);
                assert.match(error.message, /^`docuware:adminCredentials` \(DOCUWARE_ADMIN_CREDENTIALS\) must be JSON/);
                assert.ok(!error.message.includes("plain-secret-1"));
                return true;
            },
        );
    });

    it("keeps the schema issues of well-formed but wrong admin credentials as the cause", () => {
        process.env.DOCUWARE_ADMIN_CREDENTIALS = '{"https://acme.docuware.cloud": {"clientSecret": "plain-secret-2"}}';
        assert.throws(
            () => docuWareAdminCredentials("https://acme.docuware.cloud"),
            (error: Error) => {
                assert.ok(error.cause instanceof z.ZodError);
                assert.match(error.message, /clientId/);
                assert.ok(!error.message.includes("plain-secret-2"));
                return true;
            },
        );
    });
});
