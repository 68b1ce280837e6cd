import { strict as assert } from "node:assert";
import { ListingCache, enableListingCaches } from "../../../sdk/pingone/api/listingCache";

interface Item {
    id: string;
    name: string;
}

describe("ListingCache", () => {
    let fetches: number;
    let live: Item[];
    const fetch = async () => {
        fetches++;
        return live.map((i) => ({ ...i }));
    };

    beforeEach(() => {
        fetches = 0;
        live = [{ id: "1", name: "a" }];
    });
    afterEach(() => enableListingCaches(false));

    it("lists fresh every time while caching is off (tests, CLI commands)", async () => {
        const cache = new ListingCache<Item>();
        await cache.list("k", fetch);
        await cache.list("k", fetch);
        assert.equal(fetches, 2);
    });

    it("shares one listing within a provider operation and applies the process's own writes", async () => {
        enableListingCaches();
        const cache = new ListingCache<Item>();
        const [first, second] = await Promise.all([cache.list("k", fetch), cache.list("k", fetch)]);
        assert.equal(fetches, 1);
        assert.deepEqual(first, second);
        await cache.write(
            "k",
            async () => ({ id: "2", name: "b" }),
            (created) => cache.put("k", created),
        );
        assert.deepEqual(
            (await cache.list("k", fetch)).map((i) => i.name),
            ["a", "b"],
        );
        cache.remove("1");
        assert.deepEqual(
            (await cache.list("k", fetch)).map((i) => i.name),
            ["b"],
        );
        assert.equal(fetches, 1);
    });

    it("lists again after a write whose outcome is unknown, so a recovery sees what the service has", async () => {
        enableListingCaches();
        const cache = new ListingCache<Item>();
        await cache.list("k", fetch);
        live.push({ id: "2", name: "b" }); // the create happened, but its answer was lost
        await assert.rejects(
            cache.write(
                "k",
                () => Promise.reject(new Error("timeout")),
                () => undefined,
            ),
            /timeout/,
        );
        assert.deepEqual(
            (await cache.list("k", fetch)).map((i) => i.name),
            ["a", "b"],
        );
        assert.equal(fetches, 2);
    });
});
