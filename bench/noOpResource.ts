import * as pulumi from "@pulumi/pulumi";

/** Inputs of a no-op resource: any values, kept as they are (used to mirror the component's dependency chain). */
export interface NoOpResourceArgs {
    after?: pulumi.Input<string>;
    value?: pulumi.Input<string>;
}

/**
 * The engine's floor: a dynamic provider whose every method returns at once without any I/O. Serialized by value
 * into state, like any inline dynamic provider; it captures nothing.
 */
const noOpProvider: pulumi.dynamic.ResourceProvider = {
    async check(_olds: Record<string, unknown>, news: Record<string, unknown>) {
        return { inputs: news };
    },
    async diff() {
        return { changes: false };
    },
    async create(inputs: Record<string, unknown>) {
        return { id: `noop-${Math.random().toString(36).slice(2)}`, outs: inputs };
    },
    async read(id: string, props: Record<string, unknown>) {
        return { id, props };
    },
    async update(_id: string, _olds: Record<string, unknown>, news: Record<string, unknown>) {
        return { outs: news };
    },
    async delete() {},
};

/** A dynamic resource that does nothing: one engine step with a provider round trip, no network. */
export class NoOpResource extends pulumi.dynamic.Resource {
    static readonly __pulumiType = "pulumi-nodejs:dynamic/bench:NoOpResource";

    constructor(name: string, args: NoOpResourceArgs = {}, opts?: pulumi.CustomResourceOptions) {
        super(noOpProvider, name, { ...args }, opts, "bench", "NoOpResource");
    }
}
