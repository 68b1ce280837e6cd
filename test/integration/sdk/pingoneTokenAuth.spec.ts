import { strict as assert } from "node:assert";
import { type PingOneEmulator, startPingOneEmulator } from "../../../emulators/pingone";
import type { TokenAuthMethod } from "../../../emulators/pingone/auth/authApp";
import { ApiError } from "../../../sdk/core/errors";
import { type ClientAuthStyle, ClientCredentialsTokenSource } from "../../../sdk/core/tokenSource";
import { PingOneClient } from "../../../sdk/pingone/api/pingOneClient";

const TOKEN_ROUTE = "POST /:envId/as/token";

describe("PingOne worker token authentication against a worker app limited to one method", function () {
    this.timeout(30_000);

    const cases: { app: TokenAuthMethod; style: ClientAuthStyle; requests: number[] | "invalid_client" }[] = [
        // `requests`: token requests of a first token, then of a renewal after `invalidate`.
        { app: "client_secret_basic", style: "auto", requests: [1, 1] },
        { app: "client_secret_basic", style: "basic", requests: [1, 1] },
        { app: "client_secret_basic", style: "post", requests: "invalid_client" },
        { app: "client_secret_post", style: "auto", requests: [2, 1] },
        { app: "client_secret_post", style: "post", requests: [1, 1] },
        { app: "client_secret_post", style: "basic", requests: "invalid_client" },
    ];

    for (const { app, style, requests } of cases) {
        it(`${app} app, ${style} client: ${requests === "invalid_client" ? "refused" : `${requests.join(" then ")} token request(s)`}`, async () => {
            const emulator: PingOneEmulator = await startPingOneEmulator({ tokenAuthMethod: app });
            try {
                const source = new ClientCredentialsTokenSource({
                    service: "PingOne",
                    tokenUrl: `${emulator.authUrl}/${emulator.environmentId}/as/token`,
                    clientId: emulator.workerClientId,
                    clientSecret: emulator.workerClientSecret,
                    authStyle: style,
                });
                const tokenRequests = async () => {
                    const count = (await emulator.control.requests()).byRoute[TOKEN_ROUTE] ?? 0;
                    await emulator.control.resetRequests();
                    return count;
                };
                if (requests === "invalid_client") {
                    await assert.rejects(source.token(), (error: unknown) => {
                        assert.ok(error instanceof ApiError);
                        assert.equal(error.code, "invalid_client");
                        return true;
                    });
                    assert.equal(await tokenRequests(), 1, "a forced method is never switched");
                    return;
                }
                await source.token();
                assert.equal(await tokenRequests(), requests[0]);
                source.invalidate();
                await source.token();
                assert.equal(await tokenRequests(), requests[1], "the method that worked is remembered");
            } finally {
                await emulator.close();
            }
        });
    }

    it("the PingOne client authenticates with the configured method (auto by default)", async () => {
        const emulator = await startPingOneEmulator({ tokenAuthMethod: "client_secret_post" });
        try {
            const settings = {
                clientId: emulator.workerClientId,
                clientSecret: emulator.workerClientSecret,
                environmentId: emulator.environmentId,
                authUrl: emulator.authUrl,
                apiUrl: emulator.apiUrl,
            };
            // First, as tokens are cached per credential for the process.
            await assert.rejects(
                new PingOneClient({ ...settings, tokenEndpointAuthMethod: "basic" }).getEnvironment(
                    emulator.environmentId,
                ),
                /invalid_client/,
            );
            const environment = await new PingOneClient(settings).getEnvironment(emulator.environmentId);
            assert.equal(environment.id, emulator.environmentId);
        } finally {
            await emulator.close();
        }
    });
});
