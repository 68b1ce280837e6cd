import type { ControlClient } from "../../emulators/shared/controlClient";
import type { FaultSpec } from "../../emulators/shared/controlPlane";
import { type RunningEmulators, startTestEmulators } from "./emulators";
import { type Cell, type Operation, type ServiceKey, indent, observedCalls } from "./faultMatrix";
import { LiveInvariants, type TrackedIds } from "./faultInvariants";
import { GUIDE_PROGRAM, InProcessDeployment } from "./inProcessDeployment";

/** Request timeout of the in-process providers: short, so that a timeout cell costs about a second. */
export const IN_PROCESS_TIMEOUT_SECONDS = 1;
/**
 * `Retry-After` of the 429 cells: 0, so that a cell waits a jittered quarter second at most instead of one to two
 * seconds. The cells show that every call repeats a rate-limited request; that the client waits as long as
 * `Retry-After` says is shown once in test/integration/sdk/httpCore.spec.ts and by the engine's 429 cells.
 */
export const IN_PROCESS_RETRY_AFTER_SECONDS = 0;

const COMPONENT = "matrix";

const inProcessFault = (spec: FaultSpec): FaultSpec =>
    spec.retryAfterSeconds === undefined ? spec : { ...spec, retryAfterSeconds: IN_PROCESS_RETRY_AFTER_SECONDS };
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The fault matrix at integration level: one deployment of the component's resources through the real providers in
 * this process, against in-process emulators. Every cell starts from the state its operation needs (deployed, or
 * destroyed for `up`), reached with fault-free operations, so that each cell stands alone.
 */
export class InProcessMatrix {
    readonly deployment = new InProcessDeployment(COMPONENT);

    private constructor(
        readonly emulators: RunningEmulators,
        readonly invariants: LiveInvariants,
    ) {}

    static async start(): Promise<InProcessMatrix> {
        const emulators = await startTestEmulators();
        emulators.useProviderEnvironment();
        process.env.DOCUWARE_PINGONE_REQUEST_TIMEOUT_SECONDS = String(IN_PROCESS_TIMEOUT_SECONDS);
        const matrix = new InProcessMatrix(emulators, await LiveInvariants.capture(emulators));
        await matrix.deployment.up();
        await matrix.invariants.provisionUser("matrix-user");
        return matrix;
    }

    get controls(): Record<ServiceKey, ControlClient> {
        return { pingone: this.emulators.pingone.control, docuware: this.emulators.docuware[0]!.control };
    }

    /** The ids the state tracks, as the component's outputs would show them. */
    get tracked(): TrackedIds {
        const id = (suffix: string) => this.deployment.state.get(`${COMPONENT}-${suffix}`)?.id;
        return { clientId: id("registration"), storeId: id("connection"), planId: id("plan"), ruleId: id("rule") };
    }

    get deployed(): boolean {
        return this.deployment.names.every((name) => this.deployment.state.has(name));
    }

    idle(): Promise<void> {
        return this.emulators.pingone.waitForProvisioningIdle();
    }

    /** Runs an operation; a `preview --refresh` returns the changes it shows. */
    async run(operation: Operation): Promise<string[]> {
        if (operation === "preview --refresh") {
            return this.deployment.previewRefresh();
        }
        await (operation === "up" ? this.deployment.up() : this.deployment.destroy());
        return [];
    }

    /** The API calls `operation` makes from its starting state, from the request logs. */
    async discover(operation: Operation): Promise<string[]> {
        await this.startFrom(operation);
        await this.idle();
        await Promise.all(Object.values(this.controls).map((c) => c.resetRequests()));
        await this.run(operation);
        await this.idle();
        return (await observedCalls(this.controls)).map((c) => `${c.service} ${c.route}`);
    }

    /** Reaches the state `operation` starts from (destroyed for `up`, deployed otherwise) without faults. */
    async startFrom(operation: Operation): Promise<void> {
        await Promise.all(Object.values(this.controls).map((c) => c.clearFaults()));
        this.deployment.program = GUIDE_PROGRAM;
        if (operation === "up") {
            await this.deployment.destroy();
        } else if (!this.deployed || (await this.deployment.previewRefresh()).length > 0) {
            await this.deployment.refresh();
            await this.deployment.up();
        }
    }

    /** Injects a fault and runs `attempt`; returns its error, or undefined when it succeeded. */
    async withFault(
        service: ServiceKey,
        fault: FaultSpec,
        attempt: () => Promise<unknown>,
    ): Promise<{ error?: string; triggered: boolean }> {
        const control = this.controls[service];
        await this.idle();
        await control.clearFaults();
        await control.addFault(fault);
        let error: string | undefined;
        try {
            await attempt();
        } catch (failure) {
            error = message(failure);
        }
        const { faults } = await control.get<{ faults: { hits: number }[] }>("/faults");
        await control.clearFaults();
        // A fault for one request is gone once it hit; one for every request stays, counting its hits.
        return { error, triggered: faults.every((f) => f.hits > 0) };
    }

    /**
     * One cell: the fault in the first request of the call, during the operation. The operation must recover, or
     * fail naming the cause without a secret, leaving no state that claims what is not live; the next operation must
     * converge. Then exactly the component's objects exist (or none), and the DocuWare user is untouched.
     */
    async runCell(cell: Cell): Promise<string[]> {
        const problems: string[] = [];
        await this.startFrom(cell.operation);
        let changes: string[] = [];
        const { error, triggered } = await this.withFault(
            cell.call.service,
            inProcessFault(cell.fault.spec(cell.call.route, IN_PROCESS_TIMEOUT_SECONDS)),
            async () => (changes = await this.run(cell.operation)),
        );
        if (!triggered) {
            problems.push("the operation never made this call: the fault was not triggered");
        }
        if (changes.length > 0) {
            problems.push(`preview --refresh shows changes nobody made: ${changes.join(", ")}`);
        }
        if (error !== undefined) {
            problems.push(...this.errorProblems(error, cell.fault.cause));
            if (cell.fault.mustRecover) {
                problems.push(`the operation must recover from this fault, but failed:\n${indent(error)}`);
            }
            if (cell.operation === "up") {
                problems.push(...(await this.deployment.stateVersusLive()));
            }
            problems.push(...(await this.converge(cell.operation)));
        }
        problems.push(...(await this.endProblems(cell.operation !== "destroy")));
        return problems;
    }

    /** A clear error: it names the cause, and carries no secret. */
    errorProblems(error: string, cause: RegExp): string[] {
        const problems = cause.test(error) ? [] : [`the error does not name the cause (${cause}):\n${indent(error)}`];
        const registration = this.deployment.state.get(`${COMPONENT}-registration`)?.outputs.clientSecret;
        const connection = this.emulators.connection();
        const secrets: Record<string, unknown> = {
            "PingOne worker secret": connection.pingone.workerClientSecret,
            "DocuWare admin secret": connection.docuware.adminClientSecret,
            "app registration secret": registration,
        };
        for (const [what, value] of Object.entries(secrets)) {
            if (typeof value === "string" && value !== "" && error.includes(value)) {
                problems.push(`the error contains the ${what}`);
            }
        }
        return problems;
    }

    /** The one operation allowed after a failed one (`up --refresh` after a preview); it must succeed. */
    async converge(operation: Operation): Promise<string[]> {
        try {
            if (operation === "destroy") {
                await this.deployment.destroy();
            } else {
                if (operation !== "up") {
                    await this.deployment.refresh();
                }
                await this.deployment.up();
            }
            return [];
        } catch (error) {
            return [`the following operation did not converge:\n${indent(message(error))}`];
        }
    }

    /** The invariants at the end of a cell: deployed (and no drift) or destroyed, and the user untouched. */
    async endProblems(deployed: boolean, expectedMappings?: string[]): Promise<string[]> {
        const problems: string[] = [];
        if (deployed) {
            problems.push(...(await this.invariants.deployedProblems(this.tracked, expectedMappings)));
            const drift = await this.deployment.previewRefresh().catch((error: unknown) => [message(error)]);
            problems.push(...drift.map((change) => `preview --refresh afterwards shows ${change}`));
        } else {
            problems.push(...(await this.invariants.destroyedProblems()));
            if (this.deployment.state.size > 0) {
                problems.push(`the state still records ${[...this.deployment.state.keys()].join(", ")}`);
            }
        }
        problems.push(...(await this.invariants.userProblems()));
        return problems;
    }

    async stop(): Promise<void> {
        delete process.env.DOCUWARE_PINGONE_REQUEST_TIMEOUT_SECONDS;
        await this.emulators.stop();
    }
}
