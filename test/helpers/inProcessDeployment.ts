import { createHash } from "node:crypto";
import { GUIDE_MAPPINGS } from "../../components/provisioningArgs";
import { clearProcessCaches } from "../../sdk/core/processCache";
import { changedFields } from "../../sdk/dynamic/resourceDefinition";
import { definitions } from "../../sdk/runtime/registry";
import { providerFor } from "../../sdk/runtime/providerRuntime";

type Props = Record<string, unknown>;

/** One resource as the engine's state records it. */
export interface Recorded {
    id: string;
    inputs: Props;
    outputs: Props;
}

/** What the program declares: the component's children, in the order the engine creates them. */
interface Declared {
    name: string;
    kind: string;
    /** The inputs, from the recorded outputs of the resources it depends on; undefined while one is missing. */
    inputs(state: ReadonlyMap<string, Recorded>): Props | undefined;
}

/** The program's choices a cell may change (a mapping edit, to fail in the middle of a rule update). */
export interface ProgramOptions {
    mappings: { source: string; target: string }[];
}

export const GUIDE_PROGRAM: ProgramOptions = { mappings: GUIDE_MAPPINGS.map((m) => ({ ...m })) };

const digest = (value: unknown) => createHash("sha256").update(JSON.stringify(value)).digest("hex");

/**
 * The children of `DocuWarePingOneProvisioning` with the component's defaults and wiring (components/
 * docuWarePingOneProvisioning.ts), as plain inputs: the component itself needs the Pulumi runtime.
 */
function declared(component: string, options: ProgramOptions): Declared[] {
    const names = {
        registration: `${component}-registration`,
        settings: `${component}-docuware-provisioning`,
        store: `${component}-connection`,
        plan: `${component}-plan`,
        rule: `${component}-rule`,
        revision: `${component}-revision`,
    };
    const ruleSettings = {
        name: `PingOne to DocuWare (${component})`,
        userFilter: { populationName: "Default" },
        mappings: options.mappings,
        active: true,
    };
    return [
        {
            name: names.registration,
            kind: "docuware:AppRegistration",
            inputs: () => ({ name: `PingOne provisioning (${component})` }),
        },
        {
            name: names.settings,
            kind: "docuware:UserProvisioning",
            inputs: (state) => {
                const registration = state.get(names.registration);
                return (
                    registration && {
                        enabled: true,
                        identityProvider: "ping",
                        appRegistrationClientId: registration.id,
                    }
                );
            },
        },
        {
            name: names.store,
            kind: "pingone:PropagationStore",
            inputs: (state) => {
                const [registration, settings] = [state.get(names.registration), state.get(names.settings)];
                return (
                    registration &&
                    settings && {
                        name: `DocuWare (${component})`,
                        enabled: true,
                        scimUrl: settings.outputs.scimBaseUrl,
                        authenticationMethod: "OAuth 2 Client Credentials",
                        oauthTokenUrl: settings.outputs.tokenUrl,
                        oauthClientId: registration.id,
                        oauthClientSecret: registration.outputs.clientSecret,
                    }
                );
            },
        },
        { name: names.plan, kind: "pingone:PropagationPlan", inputs: () => ({}) },
        {
            name: names.rule,
            kind: "pingone:PropagationRule",
            inputs: (state) => {
                const [plan, store] = [state.get(names.plan), state.get(names.store)];
                return plan && store && { ...ruleSettings, planId: plan.id, targetStoreId: store.id };
            },
        },
        {
            name: names.revision,
            kind: "pingone:PropagationRevision",
            inputs: (state) => {
                const [store, rule] = [state.get(names.store), state.get(names.rule)];
                return store && rule && { triggers: { configuration: digest([store.id, rule.id, ruleSettings]) } };
            },
        },
    ];
}

/** An operation failed: which resource, and the provider's error. */
export class OperationError extends Error {
    constructor(
        readonly resource: string,
        override readonly cause: unknown,
    ) {
        super(`${resource}: ${cause instanceof Error ? cause.message : String(cause)}`);
    }
}

const errorWithRecord = (error: unknown): { id?: string; properties?: Props } =>
    (error ?? {}) as { id?: string; properties?: Props };

/**
 * The component's resources deployed through the real dynamic providers in this process, called the way the engine
 * calls them (check, diff, create, read, update, delete) and recorded the way it records them: a partial failure's
 * properties are kept, a failed update keeps the old outputs, a refresh drops what `read` says is gone. Each operation
 * starts with empty process caches, like the provider process the engine starts for it.
 */
export class InProcessDeployment {
    readonly state = new Map<string, Recorded>();
    program: ProgramOptions = GUIDE_PROGRAM;

    constructor(readonly component: string) {}

    get declared(): Declared[] {
        return declared(this.component, this.program);
    }

    /** Names in creation order. */
    get names(): string[] {
        return this.declared.map((d) => d.name);
    }

    private async checked(resource: Declared, inputs: Props): Promise<Props> {
        const old = this.state.get(resource.name);
        const result = await providerFor(resource.kind).check!(old?.inputs ?? {}, inputs);
        if (result.failures?.length) {
            throw new OperationError(
                resource.name,
                new Error(result.failures.map((f) => `${f.property}: ${f.reason}`).join("; ")),
            );
        }
        return result.inputs as Props;
    }

    /** `pulumi up`: creates what is missing, updates what differs, in dependency order; stops at the first error. */
    async up(): Promise<void> {
        clearProcessCaches();
        for (const resource of this.declared) {
            const inputs = resource.inputs(this.state);
            if (!inputs) {
                throw new Error(`${resource.name}: a resource it depends on is missing`);
            }
            const news = await this.checked(resource, inputs);
            const provider = providerFor(resource.kind);
            const old = this.state.get(resource.name);
            try {
                if (!old) {
                    const { id, outs } = await provider.create!(news);
                    this.state.set(resource.name, { id, inputs: news, outputs: outs as Props });
                    continue;
                }
                const diff = await provider.diff!(old.id, old.outputs, news);
                if ((diff.replaces ?? []).length > 0) {
                    // The engine creates the replacement first and deletes the old object at the end.
                    const { id, outs } = await provider.create!(news);
                    this.state.set(resource.name, { id, inputs: news, outputs: outs as Props });
                    await provider.delete!(old.id, old.outputs);
                } else if (diff.changes) {
                    const { outs } = await provider.update!(old.id, old.outputs, news);
                    this.state.set(resource.name, { id: old.id, inputs: news, outputs: outs as Props });
                }
            } catch (error) {
                const { id, properties } = errorWithRecord(error);
                if (id && properties) {
                    this.state.set(resource.name, { id, inputs: news, outputs: properties });
                }
                throw new OperationError(resource.name, error);
            }
        }
    }

    /** `pulumi refresh`: reads every recorded resource, dropping those `read` says are gone; stops at the first error. */
    async refresh(): Promise<void> {
        clearProcessCaches();
        for (const name of this.names) {
            const recorded = this.state.get(name);
            if (!recorded) {
                continue;
            }
            const kind = this.declared.find((d) => d.name === name)!.kind;
            let result: { id?: string; props?: Props; inputs?: Props };
            try {
                result = await providerFor(kind).read!(recorded.id, recorded.outputs);
            } catch (error) {
                throw new OperationError(name, error);
            }
            if (!result.id) {
                this.state.delete(name);
            } else {
                this.state.set(name, { id: result.id, inputs: result.inputs ?? {}, outputs: result.props ?? {} });
            }
        }
    }

    /**
     * `pulumi preview --refresh`: refreshes a copy of the state, then diffs the program against it. Returns the
     * changes (`create name`, `update name [fields]`, `replace name [fields]`); nothing is recorded.
     */
    async previewRefresh(): Promise<string[]> {
        const saved = new Map(this.state);
        try {
            await this.refresh();
            const changes: string[] = [];
            for (const resource of this.declared) {
                const recorded = this.state.get(resource.name);
                const inputs = resource.inputs(this.state);
                if (!recorded) {
                    changes.push(`create ${resource.name}`);
                    continue;
                }
                if (!inputs) {
                    continue; // depends on a resource to create: reported there
                }
                const news = await this.checked(resource, inputs);
                const diff = await providerFor(resource.kind).diff!(recorded.id, recorded.outputs, news);
                if (diff.changes) {
                    const definition = definitions.find((d) => d.kind === resource.kind)!;
                    const fields = changedFields(definition, recorded.outputs, news).join(",");
                    changes.push(
                        `${(diff.replaces ?? []).length > 0 ? "replace" : "update"} ${resource.name} [${fields}]`,
                    );
                }
            }
            return changes;
        } finally {
            this.state.clear();
            saved.forEach((recorded, name) => this.state.set(name, recorded));
        }
    }

    /** `pulumi destroy`: deletes in reverse dependency order; stops at the first error. */
    async destroy(): Promise<void> {
        clearProcessCaches();
        for (const resource of [...this.declared].reverse()) {
            const recorded = this.state.get(resource.name);
            if (!recorded) {
                continue;
            }
            try {
                await providerFor(resource.kind).delete!(recorded.id, recorded.outputs);
            } catch (error) {
                throw new OperationError(resource.name, error);
            }
            this.state.delete(resource.name);
        }
    }

    /**
     * Recorded resources whose managed fields differ from the live object (`read` now), or that `read` says are
     * gone: what the state claims that is not live.
     */
    async stateVersusLive(): Promise<string[]> {
        clearProcessCaches();
        const problems: string[] = [];
        for (const resource of this.declared) {
            const recorded = this.state.get(resource.name);
            if (!recorded) {
                continue;
            }
            const result = await providerFor(resource.kind).read!(recorded.id, recorded.outputs);
            if (!result.id) {
                problems.push(`the state records ${resource.name} (${recorded.id}), which does not exist`);
                continue;
            }
            const definition = definitions.find((d) => d.kind === resource.kind)!;
            const fields = changedFields(definition, result.props as Props, recorded.outputs);
            if (fields.length > 0) {
                problems.push(`the state records ${resource.name} with ${fields.join(", ")} other than live`);
            }
        }
        return problems;
    }
}
