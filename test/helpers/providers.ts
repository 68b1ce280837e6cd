import type * as pulumi from "@pulumi/pulumi";
import { providerFor } from "../../sdk/runtime/providerRuntime";

type Props = Record<string, unknown>;

/** The real dynamic provider of a kind, called in-process the way the engine calls it (check first). */
export class ProviderHarness {
    readonly provider: Required<Omit<pulumi.dynamic.ResourceProvider, "configure">>;

    constructor(kind: string) {
        this.provider = providerFor(kind) as ProviderHarness["provider"];
    }

    /** Runs `check` and fails with its failures, or returns the checked inputs. */
    async checked(inputs: Props, olds: Props = {}): Promise<Props> {
        const result = await this.provider.check(olds, inputs);
        if (result.failures?.length) {
            throw new Error(result.failures.map((f) => `${f.property}: ${f.reason}`).join("\n"));
        }
        return result.inputs as Props;
    }

    async failures(inputs: Props): Promise<string[]> {
        const result = await this.provider.check({}, inputs);
        return (result.failures ?? []).map((f) => `${f.property}: ${f.reason}`);
    }

    async create(inputs: Props): Promise<{ id: string; outs: Props }> {
        const result = await this.provider.create(await this.checked(inputs));
        return { id: result.id, outs: result.outs as Props };
    }

    async read(id: string, outs: Props): Promise<Props | undefined> {
        const result = await this.provider.read(id, outs);
        return result.id ? (result.props as Props) : undefined;
    }

    /** `diff` of live (or stored) outputs against desired inputs, as on `preview --refresh`. */
    async diff(id: string, outs: Props, inputs: Props) {
        return this.provider.diff(id, outs, await this.checked(inputs));
    }

    async update(id: string, olds: Props, inputs: Props): Promise<Props> {
        return (await this.provider.update(id, olds, await this.checked(inputs))).outs as Props;
    }

    async delete(id: string, outs: Props): Promise<void> {
        await this.provider.delete(id, outs);
    }
}
