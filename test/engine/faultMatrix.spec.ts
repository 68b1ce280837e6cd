import { strict as assert } from "node:assert";
import { printEngineVersion, requireEngine } from "../helpers/engine";
import {
    type ApiCall,
    type CellResult,
    FAULT_KINDS,
    OPERATIONS,
    type Operation,
    cellName,
    dealCells,
    errorProblems,
    indent,
    matrixCells,
    matrixTable,
    outcomeSummary,
    sampleCells,
} from "../helpers/faultMatrix";
import { OPERATION_CALLS, callName } from "../helpers/faultMatrixCalls";
import { MatrixLane, runLane } from "../helpers/faultMatrixLane";

describe("fault matrix: what counts as a clear error", () => {
    const fault = FAULT_KINDS.find((f) => f.name === "500")!;
    const names = ["acme-plan", "acme-rule"];
    const output = (resource: string, text: string) =>
        [
            "Updating (test):",
            "Diagnostics:",
            "  pulumi:pulumi:Stack (project-test):",
            "    ApiError: PingOne GET http://127.0.0.1/v1/plans/1 failed with HTTP 500 UNEXPECTED_ERROR",
            "    error: update failed",
            "",
            `  ${resource}:`,
            `    error: ${text}`,
            "",
            "Resources:",
            "    4 unchanged",
        ].join("\n");

    it("names the resource and the cause in that resource's diagnostic", () => {
        const clear = output(
            "pulumi-nodejs:dynamic/pingone:PropagationPlan (acme-plan)",
            "PingOne GET http://127.0.0.1/v1/plans/1 failed with HTTP 500 UNEXPECTED_ERROR",
        );
        assert.deepEqual(errorProblems(clear, fault, names, {}), []);
    });

    it("is not clear when only the stack's output shows the cause", () => {
        const unclear = output("pulumi-nodejs:dynamic/pingone:PropagationPlan (acme-plan)", "something went wrong");
        assert.equal(errorProblems(unclear, fault, names, {}).length, 1);
    });

    it("must not contain a secret", () => {
        const leaky = output(
            "pulumi-nodejs:dynamic/pingone:PropagationPlan (acme-plan)",
            "HTTP 500 for client secret s3cr3t-value",
        );
        assert.deepEqual(errorProblems(leaky, fault, names, { "worker secret": "s3cr3t-value" }), [
            "the error contains the worker secret",
        ]);
    });
});

/**
 * The fault matrix through the CLI: one cell per operation and fault kind (each on another API call of the operation,
 * found in the emulators' request logs); the full matrix, every call × every fault, runs at integration level
 * (test/integration/faultMatrix.spec.ts), or here with FAULT_MATRIX_FULL=1. The operation must succeed after
 * retries, or fail with a clear error naming the resource and the cause, and the next `up` (or `destroy`) must
 * converge; the emulators then hold exactly one of each object (or none), and the DocuWare user provisioned before
 * the matrix is never deleted nor disabled. Cells are dealt to lanes that run in parallel, each with its own
 * emulators and stack.
 */
describe("fault matrix through the engine: up, preview --refresh and destroy × every fault kind", function () {
    this.timeout(45 * 60_000);
    const laneCount = Math.max(1, Number(process.env.FAULT_MATRIX_LANES ?? 3));
    let started = 0;
    const lanes: MatrixLane[] = [];
    const calls = {} as Record<Operation, ApiCall[]>;
    const results: CellResult[] = [];

    before(async function () {
        requireEngine(this);
        printEngineVersion();
        started = Date.now();
        for (let i = 0; i < laneCount; i++) {
            lanes.push(await MatrixLane.start(i));
        }
        await Promise.all(lanes.map((lane) => lane.deployWithUser()));
    });

    after(async () => {
        if (results.length > 0) {
            console.log(`\n${indent(matrixTable(results), "    ")}\n`);
            console.log(`${indent(outcomeSummary(results), "    ")}\n`);
        }
        console.log(`    fault matrix: ${laneCount} lanes, ${((Date.now() - started) / 1000).toFixed(0)} s in all`);
        await Promise.all(lanes.map((lane) => lane.dispose()));
    });

    it("finds the API calls of each operation in the request logs", async () => {
        const lane = lanes[0]!;
        // The lane is deployed: refresh it, destroy it, and deploy it again (the user is provisioned by then).
        calls["preview --refresh"] = await lane.discover("preview --refresh");
        calls.destroy = await lane.discover("destroy");
        calls.up = await lane.discover("up");
        for (const operation of OPERATIONS) {
            // The integration tier's table of calls is the engine's.
            assert.deepEqual(
                calls[operation].map(callName).sort(),
                OPERATION_CALLS[operation].map(callName).sort(),
                `${operation}: the calls through the engine are those of test/helpers/faultMatrixCalls.ts`,
            );
            console.log(`      ${operation}: ${calls[operation].length} calls`);
            console.log(indent(calls[operation].map((c) => `${c.service} ${c.route}`).join("\n"), "        "));
            for (const service of ["pingone", "docuware"]) {
                assert.ok(
                    calls[operation].some((c) => c.service === service),
                    `${operation} calls ${service}`,
                );
            }
        }
    });

    it("passes every cell", async () => {
        // FAULT_MATRIX_ONLY (a regular expression on cell names) narrows the matrix when debugging one cell.
        const only = process.env.FAULT_MATRIX_ONLY ? new RegExp(process.env.FAULT_MATRIX_ONLY) : undefined;
        const all = process.env.FAULT_MATRIX_FULL ? matrixCells(calls) : sampleCells(calls);
        const cells = all.filter((cell) => !only || only.test(cellName(cell)));
        if (only) {
            console.log(`      FAULT_MATRIX_ONLY=${only.source}: ${cells.length} of ${all.length} cells`);
        }
        const dealt = dealCells(cells, lanes.length);
        let done = 0;
        const lanesRun = await Promise.allSettled(
            lanes.map((lane, i) =>
                runLane(lane, dealt[i]!, (result) => {
                    results.push(result);
                    done++;
                    if (process.env.FAULT_MATRIX_VERBOSE) {
                        console.log(`      ${result.outcome} (${result.durationMs} ms): ${cellName(result.cell)}`);
                        if (result.error) {
                            console.log(indent(result.error, "          "));
                        }
                    }
                    if (result.problems.length > 0) {
                        console.log(
                            `      ✗ ${cellName(result.cell)}\n${indent(result.problems.join("\n"), "          ")}`,
                        );
                    }
                    if (done % 25 === 0 || done === cells.length) {
                        const elapsed = ((Date.now() - started) / 1000).toFixed(0);
                        console.log(`      ${done}/${cells.length} cells (${elapsed} s)`);
                    }
                }),
            ),
        );
        const stopped = lanesRun.flatMap((run, i) =>
            run.status === "rejected" ? [`lane ${i + 1} stopped: ${String(run.reason)}`] : [],
        );
        const failed = results.filter((r) => r.problems.length > 0);
        assert.deepEqual(
            [...stopped, ...failed.map((r) => `${cellName(r.cell)}\n${indent(r.problems.join("\n"))}`)],
            [],
            `${failed.length} of ${results.length} cells failed${stopped.length > 0 ? ", some lanes stopped" : ""}`,
        );
        assert.equal(results.length, cells.length, "every cell ran");
    });
});
