import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startPingOneEmulator } from "../../../emulators/pingone";
import { apiClient, configureOutboundRule, expectStatus, scimStoreBody, startHarness } from "./pingoneTestHarness";
import { startScimTarget } from "./pingoneScimTarget";

describe("PingOne emulator: state file", () => {
    let directory: string;
    before(() => {
        directory = mkdtempSync(join(tmpdir(), "pingone-state-"));
    });
    after(() => rmSync(directory, { recursive: true, force: true }));

    it("round-trips state, tokens and store secrets across a restart", async () => {
        const stateFile = join(directory, "state.json");
        const target = await startScimTarget();
        try {
            const first = await startHarness({ stateFile });
            const store = await first.api.post("/propagation/stores", scimStoreBody(target.configuration()));
            const storeId = expectStatus(store, 201).id;
            await configureOutboundRule(first, storeId);
            expectStatus(await first.api.post("/users", { username: "before", email: "b@example.com" }), 201);
            await first.close();
            const saved = JSON.parse(readFileSync(stateFile, "utf8"));
            assert.equal(
                saved.environments[first.envId].stores[storeId].configuration.OAUTH_CLIENT_SECRET,
                "target-secret",
            );

            const second = await startPingOneEmulator({ stateFile });
            try {
                assert.equal(second.environmentId, first.envId);
                assert.equal(second.workerClientSecret, first.emulator.workerClientSecret);
                const api = apiClient(second, second.environmentId, first.token);
                const users = expectStatus(await api.get('/users?filter=username eq "before"'), 200);
                assert.equal(users.count, 1, "the old token still works and the user is there");
                expectStatus(await api.post("/users", { username: "after", email: "a@example.com" }), 201);
                await second.waitForProvisioningIdle();
                const provisioned = [...target.users.values()].map((u) => u["userName"]).sort();
                assert.deepEqual(provisioned, ["after", "before"], "the stored secret still authenticates the engine");
            } finally {
                await second.close();
            }
        } finally {
            await target.close();
        }
    });

    it("refuses a state file that is not the emulator's", async () => {
        const stateFile = join(directory, "broken.json");
        writeFileSync(stateFile, JSON.stringify({ version: 2 }));
        await assert.rejects(startPingOneEmulator({ stateFile }), /is not a PingOne emulator state file/);
    });
});
