import type { EngineEvent } from "@pulumi/pulumi/automation";
import { DocuWarePingOneProvisioning } from "../../components";
import type { ControlClient } from "../../emulators/shared/controlClient";
import { type RunningEmulators, startTestEmulators } from "./emulators";
import { StepRecorder, type TestStack, createInlineStack } from "./engine";
import {
    type ApiCall,
    type Cell,
    type CellResult,
    type Operation,
    REQUEST_TIMEOUT_SECONDS,
    cellName,
    type ServiceKey,
    errorExcerpt,
    errorProblems,
    observedCalls,
} from "./faultMatrix";
import { LiveInvariants } from "./faultInvariants";

const COMPONENT_NAME = "matrix";

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * One lane of the fault matrix: its own emulators (so that faults injected for one cell reach only its operation)
 * and one stack of the component, reused by every cell of the lane. A lane is either deployed or destroyed between
 * cells; every cell ends in one of the two states with the invariants checked.
 */
export class MatrixLane {
    /** Names of the component and its children, as the engine's diagnostics show them. */
    resourceNames: string[] = [];
    /** The stack outputs of the last successful `up`. */
    private outputs: Record<string, unknown> = {};
    /** The component's `status` output after the first deployment: every later one must read the same. */
    private expectedStatus?: string;
    /** The cell that ran before, for problems a cell finds that the previous one may have caused. */
    private previousCell?: Cell;

    private constructor(
        readonly index: number,
        readonly emulators: RunningEmulators,
        readonly test: TestStack,
        readonly invariants: LiveInvariants,
    ) {}

    static async start(index: number): Promise<MatrixLane> {
        const emulators = await startTestEmulators();
        const test = await createInlineStack({
            projectName: "fault-matrix",
            envVars: {
                ...emulators.providerEnvironment(),
                DOCUWARE_PINGONE_REQUEST_TIMEOUT_SECONDS: String(REQUEST_TIMEOUT_SECONDS),
            },
            program: async () => {
                const provisioning = new DocuWarePingOneProvisioning(COMPONENT_NAME, {});
                return {
                    clientId: provisioning.clientId,
                    storeId: provisioning.storeId,
                    planId: provisioning.planId,
                    ruleId: provisioning.ruleId,
                    status: provisioning.status,
                };
            },
        });
        // After each `up` and `destroy`, the Automation API reads the stack outputs and the last history entry: three
        // more CLI runs per operation, two of them decrypting secrets. The lane takes the outputs from the engine
        // events instead, and needs no history.
        Object.assign(test.stack, { outputs: async () => ({}), info: async () => undefined });
        return new MatrixLane(index, emulators, test, await LiveInvariants.capture(emulators));
    }

    get controls(): Record<ServiceKey, ControlClient> {
        return { pingone: this.emulators.pingone.control, docuware: this.emulators.docuware[0]!.control };
    }

    /** Deploys, then creates a PingOne user in the Default population and lets it provision to DocuWare. */
    async deployWithUser(): Promise<void> {
        await this.up();
        this.expectedStatus = String(this.outputs.status);
        await this.invariants.provisionUser(`matrix-user-${this.index + 1}`);
        const deployment = (await this.test.stack.exportStack()).deployment as { resources: { urn: string }[] };
        this.resourceNames = deployment.resources
            .map((r) => r.urn)
            .filter((urn) => !urn.includes("::pulumi:pulumi:Stack::") && !urn.includes("::pulumi:providers:"))
            .map((urn) => urn.split("::").pop()!);
    }

    /** The API calls `operation` makes, from the request logs. */
    async discover(operation: Operation): Promise<ApiCall[]> {
        await this.idle();
        await Promise.all(Object.values(this.controls).map((c) => c.resetRequests()));
        await this.run(operation);
        await this.idle();
        return observedCalls(this.controls);
    }

    async up(refresh = false): Promise<void> {
        let outputs: Record<string, unknown> = {};
        const onEvent = (event: EngineEvent) => {
            const metadata = event.resOutputsEvent?.metadata;
            if (metadata?.type === "pulumi:pulumi:Stack") {
                outputs = metadata.new?.outputs ?? {};
            }
        };
        await this.test.stack.up({ refresh, onEvent });
        this.outputs = outputs;
    }

    async destroy(): Promise<void> {
        await this.test.stack.destroy();
        this.outputs = {};
    }

    /** Runs an operation; a `preview --refresh` returns the changes it shows. */
    private async run(operation: Operation): Promise<string[]> {
        if (operation === "up") {
            await this.up();
        } else if (operation === "destroy") {
            await this.destroy();
        } else {
            const steps = new StepRecorder();
            await this.test.stack.preview({ refresh: true, onEvent: steps.onEvent });
            return steps.changes();
        }
        return [];
    }

    /**
     * One cell: injects the fault into the first request of the call, runs the operation, and checks the outcome.
     * A failed operation must fail clearly and the next `up` (or `destroy`) must converge. Either way the emulators
     * must end holding exactly the component's objects (or none), and the test user must be untouched.
     */
    async runCell(cell: Cell): Promise<CellResult> {
        const started = Date.now();
        const problems: string[] = [];
        const control = this.controls[cell.call.service];
        await this.idle();
        await control.clearFaults();
        await control.addFault(cell.fault.spec(cell.call.route));
        let failure: string | undefined;
        let converged = true;
        try {
            const changes = await this.run(cell.operation);
            if (changes.length > 0) {
                const previous = this.previousCell ? ` (the cell before: ${cellName(this.previousCell)})` : "";
                problems.push(`preview --refresh shows changes nobody made: ${changes.join(", ")}${previous}`);
            }
        } catch (error) {
            failure = message(error);
        }
        const { faults } = await control.get<{ faults: unknown[] }>("/faults");
        if (faults.length > 0) {
            problems.push("the operation never made this call: the fault was not triggered");
        }
        await control.clearFaults();

        if (failure !== undefined) {
            if (cell.fault.mustRecover) {
                problems.push(`the operation must recover from this fault, but failed:\n${errorExcerpt(failure)}`);
            }
            problems.push(...errorProblems(failure, cell.fault, this.resourceNames, await this.secrets()));
            const convergence = await this.converge(cell.operation);
            converged = convergence.length === 0;
            problems.push(...convergence);
        }
        const deployed = cell.operation !== "destroy";
        problems.push(...(deployed ? await this.deployedProblems() : await this.destroyedProblems()));
        problems.push(...(await this.userProblems()));
        this.previousCell = cell;
        const outcome = failure === undefined ? "recovered" : converged ? "failed clearly" : "broken";
        const error = failure === undefined ? undefined : errorExcerpt(failure);
        return { cell, outcome, problems, error, durationMs: Date.now() - started };
    }

    /** The one following operation allowed after a failed cell; it must succeed. */
    private async converge(operation: Operation): Promise<string[]> {
        const next = operation === "destroy" ? "destroy" : operation === "up" ? "up" : "up --refresh";
        try {
            await (operation === "destroy" ? this.destroy() : this.up(operation !== "up"));
            return [];
        } catch (error) {
            const problem = `the following \`pulumi ${next}\` did not converge:\n${errorExcerpt(message(error))}`;
            // Back to a known state for the lane's next cells; this cell has failed either way.
            await (operation === "destroy" ? this.destroy() : this.up(true)).catch(() => undefined);
            return [problem];
        }
    }

    /** Exactly one of each object, wired together, and the stack tracks exactly those (no duplicate, no orphan). */
    async deployedProblems(): Promise<string[]> {
        const problems = await this.invariants.deployedProblems(this.outputs);
        if (this.outputs.status !== this.expectedStatus) {
            problems.push(`the stack's status reads "${String(this.outputs.status)}", not "${this.expectedStatus}"`);
        }
        return problems;
    }

    destroyedProblems(): Promise<string[]> {
        return this.invariants.destroyedProblems();
    }

    userProblems(): Promise<string[]> {
        return this.invariants.userProblems();
    }

    /** Secrets that must never appear in an error: both admin credentials and the app registration's secret. */
    private async secrets(): Promise<Record<string, string>> {
        const connection = this.emulators.connection();
        const secrets: Record<string, string> = {
            "PingOne worker secret": connection.pingone.workerClientSecret,
            "DocuWare admin secret": connection.docuware.adminClientSecret,
        };
        const deployment = (await this.test.stack.exportStack()).deployment as {
            resources?: { type: string; outputs?: { clientSecret?: { plaintext?: string } } }[];
        };
        const stored = deployment.resources?.find((r) => r.type.endsWith("docuware:AppRegistration"))?.outputs
            ?.clientSecret?.plaintext;
        if (stored) {
            secrets["app registration secret"] = JSON.parse(stored) as string;
        }
        return secrets;
    }

    private idle(): Promise<void> {
        return this.emulators.pingone.waitForProvisioningIdle();
    }

    async dispose(): Promise<void> {
        try {
            await this.test.dispose();
        } finally {
            await this.emulators.stop();
        }
    }
}

/**
 * Runs a lane's cells on its one stack, starting deployed: each `up` cell starts from the destroyed stack and each
 * `destroy` cell from the deployed one, so that every operation is both a cell and the reset for the next; the
 * `preview --refresh` cells are spread over the deployed phases. Plain operations fill in where one kind runs out.
 */
export async function runLane(
    lane: MatrixLane,
    cells: Record<Operation, Cell[]>,
    record: (result: CellResult) => void,
): Promise<void> {
    const up = [...cells.up];
    const refresh = [...cells["preview --refresh"]];
    const destroy = [...cells.destroy];
    const perDeployedPhase = Math.ceil(refresh.length / (Math.max(up.length, destroy.length) + 1));
    const plain = async (operation: () => Promise<void>) => {
        // A fault-free operation between cells; one retry, since the previous cell already reported any trouble.
        await operation().catch(() => operation());
    };
    let deployed = true;
    while (up.length + refresh.length + destroy.length > 0) {
        if (deployed) {
            for (const cell of refresh.splice(0, perDeployedPhase)) {
                record(await lane.runCell(cell));
            }
            if (destroy.length > 0) {
                record(await lane.runCell(destroy.shift()!));
                deployed = false;
            } else if (up.length > 0) {
                await plain(() => lane.destroy());
                deployed = false;
            }
        } else {
            if (up.length > 0) {
                record(await lane.runCell(up.shift()!));
            } else {
                await plain(() => lane.up());
            }
            deployed = true;
        }
    }
}
