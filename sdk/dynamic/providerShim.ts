import type * as pulumi from "@pulumi/pulumi";

/**
 * Module that holds the provider implementations, loaded by package name inside the dynamic-provider process.
 *
 * Pulumi serializes a dynamic provider's code into state (`__provider`). Serializing this package's modules by value
 * fails (zod schemas hold native functions) and would freeze old code into state, so the serialized shim below only
 * names the implementation; the provider process `require`s it from the program's node_modules. Refresh and destroy
 * therefore always run the installed version of this package, never a stale copy kept in state.
 */
const RUNTIME_MODULE = "pulumi-docuware-pingone/provider-runtime";

type Runtime = typeof import("../runtime/providerRuntime");

const shims = new Map<string, pulumi.dynamic.ResourceProvider>();

/** The (serializable) provider for one resource kind, e.g. `pingone:PropagationStore`. One object per kind. */
export function providerShim(kind: string): pulumi.dynamic.ResourceProvider {
    let shim = shims.get(kind);
    if (!shim) {
        shim = {
            async configure(request) {
                (require(RUNTIME_MODULE) as Runtime).configure(request);
            },
            check: (olds, news) => (require(RUNTIME_MODULE) as Runtime).providerFor(kind).check!(olds, news),
            diff: (id, olds, news) => (require(RUNTIME_MODULE) as Runtime).providerFor(kind).diff!(id, olds, news),
            create: (inputs) => (require(RUNTIME_MODULE) as Runtime).providerFor(kind).create(inputs),
            read: (id, props) => (require(RUNTIME_MODULE) as Runtime).providerFor(kind).read!(id, props),
            update: (id, olds, news) => (require(RUNTIME_MODULE) as Runtime).providerFor(kind).update!(id, olds, news),
            delete: (id, props) => (require(RUNTIME_MODULE) as Runtime).providerFor(kind).delete!(id, props),
        };
        shims.set(kind, shim);
    }
    return shim;
}
