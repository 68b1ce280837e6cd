import { strict as assert } from "node:assert";
import { DirectoryReader } from "../../../bin/impact/directoryReader";
import { Output } from "../../../bin/output";
import { PingOneClient } from "../../../sdk/pingone/api/pingOneClient";
import { PopulationSchema } from "../../../sdk/pingone/api/schemas";
import { parsePopulationExpression, pingOneCanFilterUsers } from "../../../sdk/pingone/api/userFilterSupport";
import { type RunningEmulators, startTestEmulators } from "../../helpers/emulators";
import { writesOf } from "../../helpers/requestWrites";

describe("impact: reading the PingOne directory (in-process emulator)", function () {
    this.timeout(60_000);
    let emulators: RunningEmulators;
    let envId: string;
    const populations: Record<string, string> = {};
    let progress: string[];
    let reader: DirectoryReader;

    before(async () => {
        emulators = await startTestEmulators();
        emulators.useProviderEnvironment();
        envId = emulators.pingone.environmentId;
        const client = PingOneClient.fromConfig();
        for (const name of ["Sales", "Support"]) {
            const created = await client.http.request({
                method: "POST",
                path: `/environments/${envId}/populations`,
                body: { name },
                responseSchema: PopulationSchema,
            });
            populations[name] = created.id;
        }
        const users = [
            ...Array.from({ length: 250 }, (_, i) => ({ name: `sales-${String(i).padStart(3, "0")}`, pop: "Sales" })),
            ...Array.from({ length: 150 }, (_, i) => ({
                name: `support-${String(i).padStart(3, "0")}`,
                pop: "Support",
            })),
            ...Array.from({ length: 50 }, (_, i) => ({ name: `default-${i}`, pop: undefined })),
        ].map((u) => ({
            username: u.name,
            email: `${u.name}@example.com`,
            ...(u.pop !== undefined && { population: { id: populations[u.pop]! } }),
        }));
        const seeded = await emulators.pingone.control.post<{ ids: string[] }>(`/environments/${envId}/users`, {
            users,
        });
        assert.equal(seeded.ids.length, 450);
    });

    beforeEach(async () => {
        progress = [];
        reader = new DirectoryReader(
            new Output({ write: () => true }, { write: (text: string) => progress.push(text) }),
        );
        await emulators.pingone.control.resetRequests();
    });

    after(() => emulators?.stop());

    const userRequests = async () =>
        (await emulators.pingone.control.requests()).log
            .filter((r) => r.route === "/v1/environments/:envId/users")
            .map((r) => new URL(r.url, "http://x").searchParams);

    it("lets PingOne filter by population id, reading every page once, and changes nothing", async () => {
        const expression = `population.id eq "${populations["Sales"]}"`;
        const scope = await reader.usersMatching(envId, undefined, expression);
        assert.equal(scope.evaluation, "pingone-filter");
        assert.equal(scope.users.length, 250);
        assert.equal(scope.users[0]!.username, "sales-000");
        assert.deepEqual((scope.users[0]!["population"] as { name: string }).name, "Sales");
        const again = await reader.usersMatching(envId, undefined, expression);
        assert.equal(again.users.length, 250);
        const requests = await userRequests();
        assert.deepEqual(
            requests.map((q) => [q.get("filter"), q.get("limit"), q.has("cursor")]),
            [
                [expression, "200", false],
                [expression, "200", true],
            ],
            "two pages, read once for both calls",
        );
        assert.deepEqual(progress, [`reading users matching ${expression} in PingOne environment ${envId}…\n`]);
        assert.deepEqual(writesOf((await emulators.pingone.control.requests()).log), []);
    });

    it("evaluates an expression PingOne cannot filter with scim2-parse-filter over all users, read once", async () => {
        const scope = await reader.usersMatching(
            envId,
            undefined,
            'population.name eq "support" or username sw "SALES-00"',
        );
        assert.equal(scope.evaluation, "local-scim2-parse-filter");
        assert.equal(scope.users.length, 160);
        assert.deepEqual(
            scope.users.slice(0, 3).map((u) => u.username),
            ["sales-000", "sales-001", "sales-002"],
        );
        const other = await reader.usersMatching(envId, undefined, "population.name pr");
        assert.equal(other.users.length, 450);
        const requests = await userRequests();
        assert.deepEqual(
            requests.map((q) => [q.get("filter"), q.has("cursor")]),
            [
                [null, false],
                [null, true],
                [null, true],
            ],
        );
        assert.deepEqual(writesOf((await emulators.pingone.control.requests()).log), []);
    });

    it("resolves a population name to the expression the provider writes", async () => {
        const expression = await reader.expressionFor(envId, undefined, { populationName: "Sales" });
        assert.equal(expression, `population.id eq "${populations["Sales"]}"`);
        assert.deepEqual(writesOf((await emulators.pingone.control.requests()).log), []);
    });

    it("knows which expressions PingOne's users filter supports", () => {
        const supported = (expression: string) => pingOneCanFilterUsers(parsePopulationExpression(expression));
        assert.equal(supported('population.id eq "a" or population.id eq "b"'), true);
        assert.equal(supported('(username sw "a") and (name.family co "x")'), true);
        assert.equal(supported('population.name eq "Sales"'), false);
        assert.equal(supported("email pr"), false);
        assert.equal(supported('name.given ne "x"'), false);
        assert.throws(
            () => parsePopulationExpression("population.id eq"),
            /is not a valid SCIM filter.*userFilter\.expression/,
        );
    });
});
