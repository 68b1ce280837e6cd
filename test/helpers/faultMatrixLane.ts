import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import * as path from "node:path";
import type { EngineEvent } from "@pulumi/pulumi/automation";
import { DocuWarePingOneProvisioning } from "../../components";
import { GUIDE_MAPPINGS } from "../../components/provisioningArgs";
import type { ControlClient } from "../../emulators/shared/controlClient";
import { type RunningEmulators, startTestEmulators } from "./emulators";
import { docuwareState, pingoneState } from "./emulatorState";
import { REPO_ROOT, StepRecorder, type TestStack, createInlineStack } from "./engine";
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
import { docuWareUser, provisionUser } from "./projects";

/** The objects as the emulators' control APIs show them (the fields the invariants look at). */
interface PingOneObjects {
    plans: Record<string, { id: string; name: string }>;
    stores: Record<
        string,
        { id: string; name: string; type: string; status: string; configuration: Record<string, unknown> }
    >;
    rules: Record<
        string,
        { id: string; name: string; active: boolean; plan: { id: string }; targetStore: { id: string } }
    >;
    mappings: Record<string, { id: string; rule: { id: string }; targetAttribute: string; sourceAttribute?: string }>;
}

interface Baseline {
    registrations: string[];
    provisioning: unknown;
    plans: number;
    /** DocuWare users before the test user was provisioned. */
    users: number;
}

const COMPONENT_NAME = "matrix";
const EXPECTED_MAPPINGS = GUIDE_MAPPINGS.map((m) => `${m.source}→${m.target}`).sort();

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
    private user?: { username: string; docuwareId: string };

    private constructor(
        readonly index: number,
        readonly emulators: RunningEmulators,
        readonly test: TestStack,
        private readonly baseline: Baseline,
    ) {}

    static async start(index: number): Promise<MatrixLane> {
        const emulators = await startTestEmulators();
        const cache = warmCompileCache();
        const test = await createInlineStack({
            projectName: "fault-matrix",
            envVars: {
                ...emulators.providerEnvironment(),
                DOCUWARE_PINGONE_REQUEST_TIMEOUT_SECONDS: String(REQUEST_TIMEOUT_SECONDS),
                // The dynamic-provider process starts for every operation: reuse its compiled code.
                NODE_COMPILE_CACHE: cache,
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
        const pingone = await pingoneState(emulators);
        const docuware = await docuwareState(emulators);
        return new MatrixLane(index, emulators, test, {
            registrations: docuware.AppRegistrations.map((r) => r.Name).sort(),
            provisioning: provisioningView(docuware.UserProvisioning),
            plans: Object.keys(pingone.plans).length,
            users: docuware.Users.length,
        });
    }

    get controls(): Record<ServiceKey, ControlClient> {
        return { pingone: this.emulators.pingone.control, docuware: this.emulators.docuware[0]!.control };
    }

    /** Deploys, then creates a PingOne user in the Default population and lets it provision to DocuWare. */
    async deployWithUser(): Promise<void> {
        await this.up();
        this.expectedStatus = String(this.outputs.status);
        const username = `matrix-user-${this.index + 1}`;
        await provisionUser(this.emulators, this.emulators.connection().pingone, username);
        const user = await docuWareUser(this.emulators.docuware[0]!, username);
        if (!user?.Active) {
            throw new Error(`The PingOne user ${username} was not provisioned to DocuWare before the matrix.`);
        }
        this.user = { username, docuwareId: user.Id };
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
        const problems: string[] = [];
        const pingone = (await pingoneState(this.emulators)) as unknown as PingOneObjects;
        const docuware = await docuwareState(this.emulators);
        const stores = Object.values(pingone.stores).filter((s) => s.type === "scim");
        const plans = Object.values(pingone.plans);
        const rules = Object.values(pingone.rules);
        const mappings = Object.values(pingone.mappings);
        const registrations = docuware.AppRegistrations.filter((r) => !this.baseline.registrations.includes(r.Name));
        const exactlyOne = (what: string, items: { name?: string; Name?: string }[]) => {
            if (items.length !== 1) {
                problems.push(
                    `${what}: ${items.length} (expected 1): ${items.map((i) => i.name ?? i.Name).join(", ")}`,
                );
            }
        };
        exactlyOne("PingOne SCIM connections", stores);
        exactlyOne(
            "PingOne directory stores",
            Object.values(pingone.stores).filter((s) => s.type === "directory"),
        );
        exactlyOne("PingOne plans", plans);
        exactlyOne("PingOne rules", rules);
        exactlyOne("DocuWare app registrations", registrations);
        const [store, plan, rule, registration] = [stores[0], plans[0], rules[0], registrations[0]];
        const live = mappings.map((m) => `${m.sourceAttribute}→${m.targetAttribute}`).sort();
        if (
            JSON.stringify(live) !== JSON.stringify(EXPECTED_MAPPINGS) ||
            mappings.some((m) => m.rule.id !== rule?.id)
        ) {
            problems.push(
                `PingOne mappings: ${live.join(", ")} (expected ${EXPECTED_MAPPINGS.join(", ")} on the rule)`,
            );
        }
        const settings = docuware.UserProvisioning;
        if (!settings.Enabled || settings.AppRegistrationId !== registration?.ClientId) {
            problems.push(`DocuWare provisioning settings: ${JSON.stringify(provisioningView(settings))}`);
        }
        if (store && registration && store.configuration.OAUTH_CLIENT_ID !== registration.ClientId) {
            problems.push("the SCIM connection does not use the app registration's credentials");
        }
        if (
            store?.status !== "ACTIVE" ||
            !rule?.active ||
            rule.targetStore.id !== store.id ||
            rule.plan.id !== plan?.id
        ) {
            problems.push("the connection or rule is not enabled and wired to the connection and plan");
        }
        const tracked = {
            clientId: registration?.ClientId,
            storeId: store?.id,
            planId: plan?.id,
            ruleId: rule?.id,
        };
        for (const [output, id] of Object.entries(tracked)) {
            if (this.outputs[output] !== id) {
                problems.push(`the stack's ${output} is ${String(this.outputs[output])}, the live object's ${id}`);
            }
        }
        if (this.outputs.status !== this.expectedStatus) {
            problems.push(`the stack's status reads "${String(this.outputs.status)}", not "${this.expectedStatus}"`);
        }
        return problems;
    }

    /** Nothing of the component left; the DocuWare provisioning settings as they were before it. */
    async destroyedProblems(): Promise<string[]> {
        const problems: string[] = [];
        const pingone = (await pingoneState(this.emulators)) as unknown as PingOneObjects;
        const docuware = await docuwareState(this.emulators);
        const left = {
            "PingOne SCIM connections": Object.values(pingone.stores).filter((s) => s.type === "scim").length,
            "PingOne plans": Object.keys(pingone.plans).length - this.baseline.plans,
            "PingOne rules": Object.keys(pingone.rules).length,
            "PingOne mappings": Object.keys(pingone.mappings).length,
            "DocuWare app registrations": docuware.AppRegistrations.length - this.baseline.registrations.length,
        };
        for (const [what, count] of Object.entries(left)) {
            if (count !== 0) {
                problems.push(`${what} left after destroy: ${count}`);
            }
        }
        const settings = provisioningView(docuware.UserProvisioning);
        if (JSON.stringify(settings) !== JSON.stringify(this.baseline.provisioning)) {
            problems.push(
                `DocuWare provisioning settings not restored: ${JSON.stringify(settings)}, before: ${JSON.stringify(this.baseline.provisioning)}`,
            );
        }
        return problems;
    }

    /** The DocuWare user provisioned before the matrix: never deleted (same id), never disabled, never duplicated. */
    async userProblems(): Promise<string[]> {
        await this.idle();
        const { username, docuwareId } = this.user!;
        const users = (await docuwareState(this.emulators)).Users;
        const user = users.find((u) => u.Name === username);
        if (!user) {
            return [`the DocuWare user ${username} was deleted`];
        }
        const problems: string[] = [];
        if (user.Id !== docuwareId) {
            problems.push(`the DocuWare user ${username} was deleted and re-created (id ${docuwareId} → ${user.Id})`);
        }
        if (!user.Active) {
            problems.push(`the DocuWare user ${username} was disabled`);
        }
        if (users.length !== this.baseline.users + 1) {
            problems.push(`DocuWare has ${users.length} users, expected ${this.baseline.users + 1}`);
        }
        return problems;
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

let compileCache: string | undefined;

/**
 * A Node.js compile cache for the dynamic-provider processes, which the engine starts for every operation and
 * kills at its end (so they never write the cache themselves): one process that loads the same modules and exits
 * fills it, which saves a third of each provider process's start-up.
 */
function warmCompileCache(): string {
    if (!compileCache) {
        compileCache = path.join(REPO_ROOT, ".work", "node-compile-cache");
        mkdirSync(compileCache, { recursive: true });
        spawnSync(
            process.execPath,
            [
                "-e",
                "require('pulumi-docuware-pingone/provider-runtime'); require('@pulumi/pulumi/cmd/dynamic-provider')",
            ],
            { cwd: REPO_ROOT, env: { ...process.env, NODE_COMPILE_CACHE: compileCache }, stdio: "ignore" },
        );
    }
    return compileCache;
}

function provisioningView(settings: {
    Enabled: boolean;
    IdentityProvider: string | null;
    AppRegistrationId: string | null;
}) {
    return {
        Enabled: settings.Enabled,
        IdentityProvider: settings.IdentityProvider,
        AppRegistrationId: settings.AppRegistrationId,
    };
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
