import assert from "node:assert/strict";
import { expectStatus, type PingOneHarness, startHarness } from "./pingoneTestHarness";

const user = (username: string, extra: Record<string, unknown> = {}) => ({
    username,
    email: `${username}@example.com`,
    name: { given: "Jane", family: "Doe" },
    ...extra,
});

describe("PingOne emulator: populations and users", () => {
    let harness: PingOneHarness;

    beforeEach(async () => {
        harness = await startHarness();
    });
    afterEach(() => harness.close());

    describe("populations", () => {
        const names = async (filter: string) => {
            const body = expectStatus(await harness.api.get("/populations", { params: { filter } }), 200);
            return body._embedded.populations.map((p: { name: string }) => p.name).sort();
        };

        it("has a default population named Default", async () => {
            const body = expectStatus(await harness.api.get("/populations"), 200);
            assert.equal(body.count, 1);
            assert.deepEqual(
                body._embedded.populations.map((p: { name: string; default: boolean }) => [p.name, p.default]),
                [["Default", true]],
            );
        });

        it("filters with name eq, the double-parenthesised form, name sw and id eq", async () => {
            expectStatus(await harness.api.post("/populations", { name: "Default Contractors" }), 201);
            expectStatus(await harness.api.post("/populations", { name: "Marketing" }), 201);
            assert.deepEqual(await names('name eq "Default"'), ["Default"]);
            assert.deepEqual(await names('((name eq "Default"))'), ["Default"]);
            assert.deepEqual(await names('name sw "Default"'), ["Default", "Default Contractors"]);
            assert.deepEqual(await names(`id eq "${harness.defaultPopulationId}"`), ["Default"]);
        });

        it("rejects a malformed filter with 400 INVALID_FILTER", async () => {
            const body = expectStatus(await harness.api.get("/populations", { params: { filter: "name eq" } }), 400);
            assert.equal(body.code, "INVALID_REQUEST");
            assert.equal(body.details[0].code, "INVALID_FILTER");
            assert.equal(body.details[0].target, "filter");
        });

        it("creates, reads, updates and deletes a population; names are unique", async () => {
            const created = expectStatus(await harness.api.post("/populations", { name: "HR" }), 201);
            assert.match(created.createdAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
            assert.equal(created.default, false);
            assert.equal(created.userCount, 0);
            const duplicate = expectStatus(await harness.api.post("/populations", { name: "hr" }), 400);
            assert.equal(duplicate.details[0].code, "UNIQUENESS_VIOLATION");
            const updated = expectStatus(await harness.api.put(`/populations/${created.id}`, { name: "People" }), 200);
            assert.equal(updated.name, "People");
            expectStatus(await harness.api.delete(`/populations/${created.id}`), 204);
            expectStatus(await harness.api.get(`/populations/${created.id}`), 404);
        });

        it("refuses to delete the default population", async () => {
            const refused = expectStatus(await harness.api.delete(`/populations/${harness.defaultPopulationId}`), 400);
            assert.equal(refused.code, "INVALID_DATA");
        });
    });

    describe("users", () => {
        it("creates a user in the default population with server-owned defaults", async () => {
            const created = expectStatus(await harness.api.post("/users", user("jdoe")), 201);
            assert.match(created.id, /^[0-9a-f-]{36}$/);
            assert.equal(created.population.id, harness.defaultPopulationId);
            assert.equal(created.enabled, true);
            assert.equal(created.lifecycle.status, "ACCOUNT_OK");
            assert.equal(created.environment.id, harness.envId);
            assert.match(
                created._links.self.href,
                new RegExp(`/v1/environments/${harness.envId}/users/${created.id}$`),
            );
        });

        it("requires username and email and keeps usernames unique (case-insensitively)", async () => {
            const invalid = expectStatus(await harness.api.post("/users", { email: "x@example.com" }), 400);
            assert.equal(invalid.code, "INVALID_DATA");
            assert.deepEqual(
                invalid.details.map((d: { target: string; code: string }) => [d.target, d.code]),
                [["username", "REQUIRED_VALUE"]],
            );
            expectStatus(await harness.api.post("/users", user("jdoe")), 201);
            const duplicate = expectStatus(await harness.api.post("/users", user("JDoe")), 400);
            assert.equal(duplicate.details[0].code, "UNIQUENESS_VIOLATION");
            assert.equal(duplicate.details[0].target, "username");
            const unknownPopulation = await harness.api.post("/users", user("x", { population: { id: "nope" } }));
            assert.equal(expectStatus(unknownPopulation, 400).details[0].target, "population.id");
        });

        it("updates with PUT (full) and PATCH (partial); PUT cannot move the user", async () => {
            const created = expectStatus(await harness.api.post("/users", user("jdoe", { title: "Engineer" })), 201);
            const replaced = expectStatus(
                await harness.api.put(`/users/${created.id}`, { username: "jdoe", email: "new@example.com" }),
                200,
            );
            assert.equal(replaced.email, "new@example.com");
            assert.equal(replaced.title, undefined);
            assert.equal(replaced.name, undefined);
            assert.equal(replaced.createdAt, created.createdAt);
            const patched = expectStatus(
                await harness.api.patch(`/users/${created.id}`, { name: { given: "J" } }),
                200,
            );
            assert.deepEqual(patched.name, { given: "J" });
            assert.equal(patched.email, "new@example.com");
            const other = expectStatus(await harness.api.post("/populations", { name: "Other" }), 201);
            const move = await harness.api.put(`/users/${created.id}`, {
                username: "jdoe",
                email: "new@example.com",
                population: { id: other.id },
            });
            assert.equal(expectStatus(move, 400).details[0].target, "population.id");
        });

        it("enables, disables, moves and deletes a user", async () => {
            const created = expectStatus(await harness.api.post("/users", user("jdoe")), 201);
            const disabled = expectStatus(
                await harness.api.put(`/users/${created.id}/enabled`, { enabled: false }),
                200,
            );
            assert.equal(disabled.enabled, false);
            assert.equal(expectStatus(await harness.api.get(`/users/${created.id}`), 200).enabled, false);
            const invalid = expectStatus(await harness.api.put(`/users/${created.id}/enabled`, { enabled: "no" }), 400);
            assert.equal(invalid.details[0].target, "enabled");

            const other = expectStatus(await harness.api.post("/populations", { name: "Other" }), 201);
            const moved = expectStatus(await harness.api.put(`/users/${created.id}/population`, { id: other.id }), 200);
            assert.equal(moved.population.id, other.id);
            expectStatus(await harness.api.put(`/users/${created.id}/population`, { id: "nope" }), 400);

            expectStatus(await harness.api.delete(`/users/${created.id}`), 204);
            expectStatus(await harness.api.get(`/users/${created.id}`), 404);
            expectStatus(await harness.api.delete(`/users/${created.id}`), 404);
        });

        it("lists with filter=username eq and pages with limit and cursor", async () => {
            for (const name of ["u1", "u2", "u3", "u4", "u5"]) {
                expectStatus(await harness.api.post("/users", user(name)), 201);
            }
            const filtered = expectStatus(
                await harness.api.get("/users", { params: { filter: 'username eq "u3"' } }),
                200,
            );
            assert.deepEqual(
                filtered._embedded.users.map((u: { username: string }) => u.username),
                ["u3"],
            );

            const seen: string[] = [];
            let page = expectStatus(await harness.api.get("/users", { params: { limit: 2 } }), 200);
            for (;;) {
                assert.equal(page.count, 5);
                assert.equal(page.size, page._embedded.users.length);
                seen.push(...page._embedded.users.map((u: { username: string }) => u.username));
                if (!page._links.next) {
                    break;
                }
                assert.match(page._links.next.href, /[?&]cursor=/);
                page = expectStatus(await harness.api.get(page._links.next.href), 200);
            }
            assert.deepEqual(seen, ["u1", "u2", "u3", "u4", "u5"]);
            const badCursor = expectStatus(await harness.api.get("/users", { params: { cursor: "garbage" } }), 400);
            assert.equal(badCursor.details[0].code, "INVALID_PARAMETER");
        });
    });
});
