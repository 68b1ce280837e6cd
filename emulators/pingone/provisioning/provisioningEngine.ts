import { ScimConfigurationSchema } from "../api/payloads/scimStoreConfiguration";
import type { EmulatorState } from "../state/emulatorState";
import { timestamp } from "../state/emulatorState";
import type { Environment, SyncRecord, User } from "../state/resourceSchemas";
import { evaluateMappings, sourceView } from "./attributeMapper";
import { MappingError, TargetError } from "./provisioningErrors";
import { type EngagedRule, engagedRules, isInScope } from "./ruleScope";
import { recordSyncOutcome, syncRecordKey } from "./syncRecords";
import type { ProvisioningAction, ProvisioningResult, UserProvisioner } from "./userProvisioner";

type Job =
    /** A user was created, changed, moved or deleted. */
    | { kind: "user"; envId: string; userId: string }
    /** A revision: every in-scope user of every engaged rule, plus pending deprovisioning. */
    | { kind: "resync"; envId: string }
    /** An out-of-band configuration edit: only users whose scope membership changed. */
    | { kind: "reconcile"; envId: string }
    /** A rule deleted with `?deprovision=true`: only the queued deprovisioning. */
    | { kind: "deprovision"; envId: string };

export interface ProvisioningSummary {
    jobs: number;
    operations: Record<ProvisioningAction | "failed", number>;
    failures: { storeId?: string; ruleId?: string; userId?: string; details: string }[];
}

const emptySummary = (): ProvisioningSummary => ({
    jobs: 0,
    operations: { create: 0, update: 0, disable: 0, delete: 0, none: 0, skip: 0, failed: 0 },
    failures: [],
});

/**
 * The provisioning engine: a queue of jobs worked off one at a time in the background ("near real-time"), each
 * pushing users of engaged outbound rules to the rules' SCIM stores and recording the outcome per user and store.
 * inferred: user events use the live configuration (not the latest revision's snapshot); a revision additionally
 * resyncs every in-scope user, as the reference says it "triggers store resynchronization".
 */
export class ProvisioningEngine {
    private readonly queue: Job[] = [];
    private running?: Promise<void>;
    private summary = emptySummary();
    private closed = false;

    constructor(
        private readonly state: EmulatorState,
        private readonly provisioner: UserProvisioner,
    ) {}

    userChanged(envId: string, userId: string): void {
        this.enqueue({ kind: "user", envId, userId });
    }

    revisionCreated(envId: string): void {
        this.enqueue({ kind: "resync", envId });
    }

    configurationChanged(envId: string): void {
        this.enqueue({ kind: "reconcile", envId });
    }

    deprovisionPending(envId: string): void {
        this.enqueue({ kind: "deprovision", envId });
    }

    /** Resolves when no job is queued or running. */
    async waitForIdle(): Promise<void> {
        while (this.running) {
            await this.running;
        }
    }

    /** Waits for idle, then returns (and restarts) the summary of the work done since the previous flush. */
    async flush(): Promise<ProvisioningSummary> {
        await this.waitForIdle();
        const summary = this.summary;
        this.summary = emptySummary();
        return summary;
    }

    /** Drops queued jobs and waits for the running one. */
    async close(): Promise<void> {
        this.closed = true;
        this.queue.length = 0;
        await this.waitForIdle();
    }

    private enqueue(job: Job): void {
        if (this.closed) {
            return;
        }
        this.queue.push(job);
        this.running ??= this.drain();
    }

    private async drain(): Promise<void> {
        try {
            await new Promise((resolve) => setImmediate(resolve));
            for (let job = this.queue.shift(); job; job = this.queue.shift()) {
                this.summary.jobs++;
                try {
                    await this.run(job);
                } catch (error) {
                    // A bug must not stop the queue (or crash the process through an unhandled rejection).
                    this.summary.failures.push({ details: `Internal emulator error: ${String(error)}` });
                }
            }
        } finally {
            this.running = undefined;
        }
    }

    private async run(job: Job): Promise<void> {
        const environment = this.state.data.environments[job.envId];
        if (!environment) {
            return;
        }
        if (job.kind === "deprovision") {
            await this.runPendingDeprovisions(environment);
            this.state.changed();
            return;
        }
        for (const engaged of engagedRules(environment)) {
            const candidates = job.kind === "user" ? [job.userId] : candidateUsers(environment, engaged);
            for (const userId of candidates) {
                const user = environment.users[userId];
                const inScope = user !== undefined && isInScope(environment, engaged.rule, user);
                const record = environment.syncRecords[syncRecordKey(engaged.rule.id, userId)];
                if (
                    job.kind === "reconcile" &&
                    inScope === (record?.provisioned ?? false) &&
                    record?.status !== "FAILED"
                ) {
                    continue;
                }
                await this.syncUser(environment, engaged, userId, inScope ? user : undefined, record);
            }
        }
        if (job.kind === "resync") {
            await this.runPendingDeprovisions(environment);
        }
        if (job.kind === "user" && !environment.users[job.userId]) {
            forgetDeletedUser(environment, job.userId);
        }
        this.state.changed();
    }

    /** Provisions a user in scope, or deprovisions one that was provisioned and no longer is (or was deleted). */
    private async syncUser(
        environment: Environment,
        engaged: EngagedRule,
        userId: string,
        userInScope: User | undefined,
        record: SyncRecord | undefined,
    ): Promise<void> {
        if (!userInScope && !record?.provisioned) {
            return;
        }
        const operation = userInScope ? "PROVISION" : "DEPROVISION";
        let result: ProvisioningResult;
        try {
            if (!engaged.configuration) {
                throw new TargetError(`The connection's configuration is invalid: ${engaged.configurationError}`);
            }
            if (userInScope) {
                if (engaged.mappings.length === 0) {
                    throw new MappingError("The rule has no attribute mappings.");
                }
                const source = sourceView(userInScope, environment.populations[userInScope.population.id]);
                const attributes = evaluateMappings(engaged.mappings, source);
                result = await this.provisioner.provision(
                    engaged.configuration,
                    attributes,
                    userInScope.enabled,
                    record?.identifier,
                );
            } else {
                result = await this.provisioner.deprovision(engaged.configuration, record?.identifier ?? "");
            }
        } catch (error) {
            if (!(error instanceof TargetError || error instanceof MappingError)) {
                throw error;
            }
            this.summary.operations.failed++;
            this.summary.failures.push({
                ruleId: engaged.rule.id,
                storeId: engaged.store.id,
                userId,
                details: error.message,
            });
            recordSyncOutcome(environment, {
                ...(record ?? { provisioned: false }),
                ruleId: engaged.rule.id,
                storeId: engaged.store.id,
                userId,
                operation,
                status: "FAILED",
                lastSyncAt: timestamp(),
                details: error.message,
            });
            return;
        }
        this.summary.operations[result.action]++;
        recordSyncOutcome(environment, {
            ruleId: engaged.rule.id,
            storeId: engaged.store.id,
            userId,
            operation,
            status: "SUCCESS",
            lastSyncAt: timestamp(),
            details: result.details,
            provisioned: result.provisioned,
            ...((result.identifier ?? record?.identifier) !== undefined && {
                identifier: result.identifier ?? record?.identifier,
            }),
        });
    }

    /** Users of deleted `managed` stores, deprovisioned at the next revision (read), and of rules deleted with deprovisioning. */
    private async runPendingDeprovisions(environment: Environment): Promise<void> {
        for (const { store, identifiers } of environment.pendingDeprovisions.splice(0)) {
            const configuration = ScimConfigurationSchema.safeParse(store.configuration);
            if (!configuration.success) {
                continue;
            }
            for (const identifier of identifiers) {
                try {
                    const result = await this.provisioner.deprovision(configuration.data, identifier);
                    this.summary.operations[result.action]++;
                } catch (error) {
                    if (!(error instanceof TargetError)) {
                        throw error;
                    }
                    this.summary.operations.failed++;
                    this.summary.failures.push({ storeId: store.id, details: error.message });
                }
            }
        }
    }
}

/** Users a full pass looks at: everyone, plus users already deleted whose deprovisioning is still owed. */
function candidateUsers(environment: Environment, engaged: EngagedRule): string[] {
    const owed = Object.values(environment.syncRecords)
        .filter((record) => record.ruleId === engaged.rule.id && record.provisioned)
        .map((record) => record.userId);
    return [...new Set([...Object.keys(environment.users), ...owed])];
}

function forgetDeletedUser(environment: Environment, userId: string): void {
    for (const [key, record] of Object.entries(environment.syncRecords)) {
        if (record.userId === userId && !record.provisioned) {
            delete environment.syncRecords[key];
        }
    }
}
