import { strict as assert } from "node:assert";
import { z } from "zod";
import { ConfigurationError, NotFoundError, ReadFailedError } from "../../../sdk/core/errors";
import { registerSecret } from "../../../sdk/core/secrets";
import {
    PROVIDER_KEY,
    PartialFailure,
    type ResourceDefinition,
    toDynamicProvider,
} from "../../../sdk/dynamic/resourceDefinition";
import { UNKNOWN } from "../../../sdk/dynamic/unknowns";

const InputsSchema = z.object({
    name: z.string().min(1, "name must not be empty"),
    size: z.number().int().default(1),
    tags: z.array(z.string()).default([]),
    location: z.string().default("eu"),
});
type Inputs = z.infer<typeof InputsSchema>;
interface Outputs extends Inputs {
    objectId: string;
    note?: string;
}

/** A definition over an in-memory "service", recording every call. */
function fakeService(overrides: Partial<ResourceDefinition<Inputs, Outputs>> = {}) {
    const live = new Map<string, Outputs>();
    const calls: string[] = [];
    const definition: ResourceDefinition<Inputs, Outputs> = {
        kind: "test:Thing",
        inputs: InputsSchema,
        managedFields: ["name", "size", "tags", "location"],
        outputOnlyFields: ["objectId", "note"],
        replaceFields: ["location"],
        equals: {
            tags: (a, b) =>
                JSON.stringify([...((a as string[]) ?? [])].sort()) ===
                JSON.stringify([...((b as string[]) ?? [])].sort()),
        },
        async create(inputs) {
            calls.push(`create ${inputs.name}`);
            const outs = { ...inputs, objectId: `id-${inputs.name}`, note: undefined };
            live.set(outs.objectId, outs);
            return { id: outs.objectId, outs };
        },
        async read(id) {
            calls.push(`read ${id}`);
            return live.get(id);
        },
        async update(id, _olds, news) {
            calls.push(`update ${id}`);
            const outs = { ...news, objectId: id };
            live.set(id, outs);
            return outs;
        },
        async delete(id) {
            calls.push(`delete ${id}`);
            live.delete(id);
        },
        ...overrides,
    };
    return { provider: toDynamicProvider(definition), live, calls };
}

describe("provider framework (toDynamicProvider)", () => {
    describe("check", () => {
        it("returns the parsed inputs with defaults, keeping the serialized provider", async () => {
            const { provider } = fakeService();
            const result = await provider.check!({}, { name: "a", [PROVIDER_KEY]: "serialized" });
            assert.deepEqual(result, {
                inputs: { name: "a", size: 1, tags: [], location: "eu", [PROVIDER_KEY]: "serialized" },
            });
        });

        it("reports every invalid field with its path and the schema's message", async () => {
            const { provider } = fakeService();
            const result = await provider.check!({}, { name: "", size: 1.5, tags: ["ok", 3] });
            assert.deepEqual(
                result.failures?.map((f) => f.property),
                ["name", "size", "tags.1"],
            );
            assert.equal(result.failures?.[0]?.reason, "name must not be empty");
        });

        it("leaves values unknown during a preview to be checked at `up`, and passes the inputs on as they are", async () => {
            const { provider } = fakeService();
            const news = { name: "a", size: UNKNOWN };
            assert.deepEqual(await provider.check!({}, news), { inputs: news });
        });

        it("still reports a known invalid field next to an unknown one", async () => {
            const { provider } = fakeService();
            const result = await provider.check!({}, { name: "a", size: UNKNOWN, tags: "none" });
            assert.deepEqual(
                result.failures?.map((f) => f.property),
                ["tags"],
            );
        });

        it("runs the preflight on valid inputs, so missing settings fail the preview as a check failure", async () => {
            const { provider } = fakeService({
                preflight: () => {
                    throw new ConfigurationError("`test:key` (TEST_KEY) is not set");
                },
            });
            assert.deepEqual(await provider.check!({}, { name: "a" }), {
                failures: [{ property: "", reason: "`test:key` (TEST_KEY) is not set" }],
            });
        });
    });

    describe("diff", () => {
        const olds = { name: "a", size: 1, tags: ["x", "y"], location: "eu" };

        it("reports no change when only the order of a set changed", async () => {
            const { provider } = fakeService();
            assert.deepEqual(await provider.diff!("id-a", olds, { ...olds, tags: ["y", "x"] }), {
                changes: false,
                replaces: [],
            });
        });

        it("updates in place for a mutable field and replaces for an immutable one", async () => {
            const { provider } = fakeService();
            assert.deepEqual(await provider.diff!("id-a", olds, { ...olds, size: 2 }), { changes: true, replaces: [] });
            assert.deepEqual(await provider.diff!("id-a", olds, { ...olds, location: "com" }), {
                changes: true,
                replaces: ["location"],
            });
        });

        it("counts an unknown value as a change (and a replacement for an immutable field)", async () => {
            const { provider } = fakeService();
            assert.deepEqual(await provider.diff!("id-a", olds, { ...olds, location: UNKNOWN }), {
                changes: true,
                replaces: ["location"],
            });
        });

        it("ignores the serialized provider and output-only fields", async () => {
            const { provider } = fakeService();
            const diff = await provider.diff!(
                "id-a",
                { ...olds, objectId: "id-a", [PROVIDER_KEY]: "old" },
                { ...olds, [PROVIDER_KEY]: "new" },
            );
            assert.deepEqual(diff, { changes: false, replaces: [] });
        });
    });

    describe("create, read, update, delete", () => {
        it("creates with the parsed inputs and returns outputs without undefined values", async () => {
            const { provider, calls } = fakeService();
            const result = await provider.create!({ name: "a", [PROVIDER_KEY]: "p" });
            assert.deepEqual(result, {
                id: "id-a",
                outs: { name: "a", size: 1, tags: [], location: "eu", objectId: "id-a" },
            });
            assert.ok(!("note" in result.outs), "undefined is dropped, as the engine's structs would");
            assert.deepEqual(calls, ["create a"]);
        });

        it("reads live values back as props and as inputs without the output-only fields", async () => {
            const { provider, live } = fakeService();
            live.set("id-a", { name: "a", size: 3, tags: [], location: "eu", objectId: "id-a", note: "n" });
            assert.deepEqual(await provider.read!("id-a", {}), {
                id: "id-a",
                props: { name: "a", size: 3, tags: [], location: "eu", objectId: "id-a", note: "n" },
                inputs: { name: "a", size: 3, tags: [], location: "eu" },
            });
        });

        it("reads a deleted object as gone (an empty result), never as an error", async () => {
            const { provider } = fakeService();
            assert.deepEqual(await provider.read!("id-gone", {}), {});
        });

        it("passes a read failure on instead of taking it for a deletion", async () => {
            const failure = new NotFoundError({ service: "PingOne", method: "GET", url: "u", status: 404 });
            const { provider } = fakeService({ read: () => Promise.reject(failure) });
            await assert.rejects(
                provider.read!("id-a", {}),
                (error) => error instanceof ReadFailedError && error.cause === failure && /id-a/.test(error.message),
            );
        });

        it("updates with the new inputs parsed and the old outputs as they were", async () => {
            let seen: unknown[] = [];
            const { provider } = fakeService({
                async update(id, olds, news) {
                    seen = [id, olds, news];
                    return { ...news, objectId: id };
                },
            });
            const olds = { name: "a", size: 1, tags: [], location: "eu", objectId: "id-a" };
            const result = await provider.update!("id-a", olds, { name: "a", size: 5, [PROVIDER_KEY]: "p" });
            assert.deepEqual(seen, ["id-a", olds, { name: "a", size: 5, tags: [], location: "eu" }]);
            assert.deepEqual(result, { outs: { name: "a", size: 5, tags: [], location: "eu", objectId: "id-a" } });
        });

        it("deletes by id with the recorded outputs", async () => {
            const { provider, calls } = fakeService();
            await provider.delete!("id-a", { name: "a" });
            assert.deepEqual(calls, ["delete id-a"]);
        });
    });

    describe("failures", () => {
        it("records a partial failure with the serialized provider, so the object is kept in state", async () => {
            const cause = new Error("activating the rule failed");
            const { provider } = fakeService({
                create: () => Promise.reject(new PartialFailure("id-a", { name: "a", objectId: "id-a" }, cause)),
            });
            await assert.rejects(provider.create!({ name: "a", [PROVIDER_KEY]: "serialized" }), (error: unknown) => {
                assert.ok(error instanceof PartialFailure);
                assert.equal(error.id, "id-a");
                assert.deepEqual(error.properties, { name: "a", objectId: "id-a", [PROVIDER_KEY]: "serialized" });
                assert.deepEqual((error as unknown as { reasons: string[] }).reasons, ["activating the rule failed"]);
                assert.equal(error.cause, cause);
                return true;
            });
        });

        it("does the same for a partial failure of an update", async () => {
            const { provider } = fakeService({
                update: () => Promise.reject(new PartialFailure("id-a", { name: "a" }, new Error("step"))),
            });
            await assert.rejects(provider.update!("id-a", {}, { name: "a", [PROVIDER_KEY]: "p" }), (error: unknown) => {
                assert.ok(error instanceof PartialFailure);
                assert.deepEqual(error.properties, { name: "a", [PROVIDER_KEY]: "p" });
                return true;
            });
        });

        it("redacts registered secrets from every operation's error", async () => {
            const secret = "framework-secret-123";
            registerSecret(secret);
            const failing = () => Promise.reject(new Error(`rejected ${secret}`));
            const { provider } = fakeService({ create: failing, read: failing, update: failing, delete: failing });
            const operations = [
                provider.create!({ name: "a" }),
                provider.read!("id", {}),
                provider.update!("id", {}, { name: "a" }),
                provider.delete!("id", {}),
            ];
            for (const operation of operations) {
                await assert.rejects(
                    operation,
                    (error: Error) => error.message.endsWith("rejected [secret]") && !error.message.includes(secret),
                );
            }
        });

        it("rejects invalid inputs in create with the schema's error instead of calling the service", async () => {
            const { provider, calls } = fakeService();
            await assert.rejects(provider.create!({ name: "" }), /name must not be empty/);
            assert.deepEqual(calls, []);
        });
    });
});
