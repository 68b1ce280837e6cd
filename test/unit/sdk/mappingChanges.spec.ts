import { strict as assert } from "node:assert";
import { mapConcurrently } from "../../../sdk/core/mapConcurrently";
import { mappingChanges } from "../../../sdk/pingone/resources/mappingChanges";

const live = (id: string, sourceAttribute: string, targetAttribute: string) => ({
    id,
    sourceAttribute,
    targetAttribute,
});

describe("mapping changes", () => {
    it("keeps equal mappings, updates changed sources, creates new targets and deletes dropped ones", () => {
        const changes = mappingChanges(
            [
                { source: "username", target: "userName" },
                { source: "email", target: "userPrincipal" },
                { expression: "#root.user.name.given", target: "givenName" },
            ],
            [live("1", "username", "userName"), live("2", "username", "givenName"), live("3", "id", "externalId")],
        );
        assert.deepEqual(
            changes.keep.map((m) => m.id),
            ["1"],
        );
        assert.deepEqual(changes.update, [
            { id: "2", mapping: { expression: "#root.user.name.given", target: "givenName" } },
        ]);
        assert.deepEqual(changes.create, [{ source: "email", target: "userPrincipal" }]);
        assert.deepEqual(
            changes.remove.map((m) => m.id),
            ["3"],
        );
    });
});

describe("mapConcurrently", () => {
    it("runs at most `limit` at once and keeps the item order", async () => {
        let running = 0;
        let peak = 0;
        const results = await mapConcurrently([5, 1, 4, 2, 3, 0], 4, async (n) => {
            running++;
            peak = Math.max(peak, running);
            await new Promise((resolve) => setTimeout(resolve, n * 2));
            running--;
            return n * 10;
        });
        assert.deepEqual(results, [50, 10, 40, 20, 30, 0]);
        assert.equal(peak, 4);
    });

    it("rejects with the first failure once the work in flight has settled, starting nothing new", async () => {
        const started: number[] = [];
        let settled = 0;
        await assert.rejects(
            mapConcurrently([1, 2, 3, 4, 5, 6], 2, async (n) => {
                started.push(n);
                await new Promise((resolve) => setTimeout(resolve, n));
                settled++;
                if (n === 1) {
                    throw new Error("first");
                }
            }),
            /first/,
        );
        assert.equal(settled, started.length, "nothing left running");
        assert.ok(started.length < 6);
    });
});
