import { strict as assert } from "node:assert";
import { randomUUID } from "node:crypto";
import { type Cell, OPERATIONS, cellName, indent, matrixCells } from "../helpers/faultMatrix";
import { OPERATION_CALLS, callName } from "../helpers/faultMatrixCalls";
import { GUIDE_MAPPING_PAIRS } from "../helpers/faultInvariants";
import { GUIDE_PROGRAM } from "../helpers/inProcessDeployment";
import { InProcessMatrix } from "../helpers/inProcessMatrix";

const CELLS = matrixCells(OPERATION_CALLS);

/** Preview cells first (deployed), then destroy and up cells in turns, so that each leaves what the next needs. */
function inRunOrder(cells: readonly Cell[]): Cell[] {
    const of = (operation: string) => cells.filter((cell) => cell.operation === operation);
    const [destroy, up] = [of("destroy"), of("up")];
    const turns = Array.from({ length: Math.max(destroy.length, up.length) }, (_, i) => [destroy[i], up[i]]);
    return [...of("preview --refresh"), ...turns.flat().filter((cell): cell is Cell => cell !== undefined)];
}

/**
 * The fault matrix: for every API call that `up`, `preview --refresh` and `destroy` of the component make, each
 * fault kind injected into that call, with the providers called in this process as the engine calls them. The
 * engine tier (test/engine/faultMatrix.spec.ts) runs one cell per fault kind and operation through the CLI.
 */
describe(`fault matrix: ${CELLS.length} cells, every API call of up, preview --refresh and destroy × every fault`, function () {
    this.timeout(60_000);
    let matrix: InProcessMatrix;
    const started = Date.now();
    let passed = 0;

    before(async () => {
        matrix = await InProcessMatrix.start();
    });
    after(async () => {
        console.log(`      ${passed}/${CELLS.length} cells passed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
        await matrix?.stop();
    });

    for (const operation of OPERATIONS) {
        it(`${operation} makes exactly the calls of the matrix`, async () => {
            assert.deepEqual(
                (await matrix.discover(operation)).sort(),
                OPERATION_CALLS[operation].map(callName).sort(),
            );
        });
    }

    for (const cell of inRunOrder(CELLS)) {
        it(cellName(cell), async () => {
            const problems = await matrix.runCell(cell);
            assert.deepEqual(problems, [], problems.join("\n"));
            passed++;
        });
    }
});

/**
 * Failures that are not one faulted request (issue 13.7): a rule update that fails half-way, an unknown
 * environment, revoked credentials, a token endpoint answering 404, a read answering 403. None may drop an object
 * from the state, leave the state claiming what is not live, create a duplicate or touch the DocuWare user.
 */
describe("fault matrix: failures beyond one faulted request", function () {
    this.timeout(60_000);
    let matrix: InProcessMatrix;

    before(async () => {
        matrix = await InProcessMatrix.start();
    });
    after(async () => matrix?.stop());

    /** Runs a refresh (as `pulumi refresh` / `up --refresh` do) that must fail clearly and drop nothing. */
    async function refreshMustFailKeepingState(cause: RegExp, arrange: () => Promise<() => void>): Promise<string[]> {
        await matrix.startFrom("preview --refresh");
        const before = [...matrix.deployment.state.entries()].map(([name, r]) => `${name}=${r.id}`);
        const restore = await arrange();
        const problems: string[] = [];
        try {
            for (const [operation, run] of [
                ["refresh", () => matrix.deployment.refresh()],
                ["preview --refresh", () => matrix.deployment.previewRefresh()],
            ] as const) {
                const outcome = await run().then(
                    (changes) => `succeeded${Array.isArray(changes) ? ` showing ${changes.join(", ")}` : ""}`,
                    (error: unknown) => error,
                );
                if (typeof outcome === "string") {
                    problems.push(`${operation} ${outcome}; it must fail`);
                } else {
                    problems.push(...matrix.errorProblems(String((outcome as Error).message), cause));
                }
            }
        } finally {
            restore();
            await Promise.all(Object.values(matrix.controls).map((c) => c.clearFaults()));
        }
        const after = [...matrix.deployment.state.entries()].map(([name, r]) => `${name}=${r.id}`);
        if (JSON.stringify(after) !== JSON.stringify(before)) {
            problems.push(`the state changed: ${before.join(", ")} → ${after.join(", ")}`);
        }
        problems.push(...(await matrix.endProblems(true)));
        return problems;
    }

    const withEnv = (name: string, value: string) => async () => {
        const saved = process.env[name];
        process.env[name] = value;
        return () => void (process.env[name] = saved);
    };
    const withFault = (service: "pingone" | "docuware", route: string, status: number) => async () => {
        await matrix.controls[service].addFault({ route, kind: "status", status, times: 0 });
        return () => undefined;
    };

    it("a rule update that fails half-way leaves the state as live, and the next up finishes it", async () => {
        await matrix.startFrom("preview --refresh");
        const changed = [...GUIDE_PROGRAM.mappings.filter((m) => m.target !== "familyName")];
        changed.push({ source: "name.formatted", target: "displayName" });
        matrix.deployment.program = { mappings: changed };
        // PingOne refuses the new mapping after the one no longer wanted was deleted.
        const { error, triggered } = await matrix.withFault(
            "pingone",
            { route: "POST /v1/environments/:envId/propagation/rules/:ruleId/mappings", kind: "status", status: 400 },
            () => matrix.deployment.up(),
        );
        const problems: string[] = [];
        if (!triggered || error === undefined) {
            problems.push(`the update ${error === undefined ? "succeeded" : "never created a mapping"}`);
        }
        problems.push(...(await matrix.deployment.stateVersusLive()));
        problems.push(...(await matrix.converge("up")));
        const pairs = changed.map((m) => `${m.source}→${m.target}`).sort();
        problems.push(...(await matrix.endProblems(true, pairs)));
        matrix.deployment.program = GUIDE_PROGRAM;
        await matrix.deployment.up();
        problems.push(...(await matrix.endProblems(true, GUIDE_MAPPING_PAIRS)));
        assert.deepEqual(problems, [], problems.join("\n"));
    });

    const cases: [string, RegExp, () => Promise<() => void>][] = [
        [
            "an unknown environment in the stack config",
            /HTTP 404.*not found|was not found/i,
            withEnv("PINGONE_ENVIRONMENT_ID", randomUUID()),
        ],
        ["revoked PingOne credentials", /HTTP 401|invalid_client/, withEnv("PINGONE_CLIENT_SECRET", "revoked-secret")],
        ["revoked DocuWare credentials", /HTTP 40[01]|invalid_client/, withEnv("DOCUWARE_CLIENT_SECRET", "revoked")],
        ["a 404 from PingOne's token endpoint", /HTTP 404/, withFault("pingone", "POST /:envId/as/token", 404)],
        [
            "a 404 from DocuWare's token endpoint",
            /HTTP 404/,
            withFault("docuware", "POST /:organizationId/connect/token", 404),
        ],
        [
            "a 403 on a rule read",
            /HTTP 403/,
            withFault("pingone", "GET /v1/environments/:envId/propagation/rules/:ruleId", 403),
        ],
        [
            "a 403 on an app registration read",
            /HTTP 403/,
            withFault(
                "docuware",
                "GET /DocuWare/Platform/Organizations/:organizationId/AppRegistrations/:clientId",
                403,
            ),
        ],
    ];
    for (const [name, cause, arrange] of cases) {
        it(`${name}: refresh fails naming the cause, drops nothing and changes nothing`, async () => {
            const problems = await refreshMustFailKeepingState(cause, arrange);
            assert.deepEqual(problems, [], indent(problems.join("\n")));
        });
    }
});
