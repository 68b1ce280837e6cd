import { strict as assert } from "node:assert";
import { ApiError, NotFoundError, TransportError } from "../../../sdk/core/errors";
import { isServiceNotFound, readUnlessDeleted } from "../../../sdk/core/recovery";

const notFound = (init: Partial<ConstructorParameters<typeof NotFoundError>[0]>) =>
    new NotFoundError({ service: "PingOne", method: "GET", url: "https://api/x", status: 404, ...init });

describe("read error classification", () => {
    it("only the service's own not-found answer to a GET counts as a deletion", () => {
        assert.equal(isServiceNotFound(notFound({ code: "NOT_FOUND" })), true);
        assert.equal(
            isServiceNotFound(
                notFound({ service: "DocuWare", serviceMessage: "App registration 'x' does not exist." }),
            ),
            true,
        );
        assert.equal(isServiceNotFound(notFound({})), false, "a 404 without PingOne's error code (proxy, wrong host)");
        assert.equal(
            isServiceNotFound(notFound({ service: "DocuWare" })),
            false,
            "a 404 without a Platform error body",
        );
        assert.equal(
            isServiceNotFound(new ApiError({ service: "PingOne", method: "GET", url: "u", status: 403 })),
            false,
        );
        assert.equal(isServiceNotFound(new TransportError("PingOne", "GET", "u", "timeout", "t")), false);
    });

    it("a not-found object is gone only when its container exists", async () => {
        const gone = () => Promise.reject(notFound({ code: "NOT_FOUND" }));
        assert.equal(await readUnlessDeleted(gone, async () => ({})), undefined);
        await assert.rejects(
            readUnlessDeleted(gone, () => Promise.reject(new Error("environment missing"))),
            /environment missing/,
        );
        await assert.rejects(
            readUnlessDeleted(
                () => Promise.reject(new ApiError({ service: "PingOne", method: "GET", url: "u", status: 401 })),
                async () => ({}),
            ),
            /HTTP 401/,
        );
    });
});
