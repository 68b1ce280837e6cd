import * as pulumi from "@pulumi/pulumi";

/**
 * Module that holds the provider implementations, loaded by package name inside the dynamic-provider process.
 *
 * Pulumi stores a dynamic provider's code with every resource (`__provider`), loads it in the provider process and
 * calls its `handler()` for the provider. Serializing this package's modules by value fails (zod schemas hold native
 * functions) and would freeze old code into state, so the stored code only names the implementation; the provider
 * process `require`s it from the program's node_modules. Refresh and destroy therefore always run the installed
 * version of this package, never a stale copy kept in state.
 */
const RUNTIME_MODULE = "pulumi-docuware-pingone/provider-runtime";

/**
 * The code stored as `__provider` for one resource kind, e.g. `pingone:PropagationStore`: one line, written here
 * rather than serialized from a closure by the SDK (2.8 kB per resource, stored twice, sent and diffed in every
 * engine call: a quarter of a 50-component stack's state).
 */
export function providerSource(kind: string): string {
    return `exports.handler = () => require(${JSON.stringify(RUNTIME_MODULE)}).shim(${JSON.stringify(kind)});\n`;
}

/**
 * Base of this package's resources: a dynamic resource (type `pulumi-nodejs:dynamic/<kind>`, served by the SDK's
 * dynamic provider like `pulumi.dynamic.Resource`) whose provider is `providerSource(kind)`.
 */
export abstract class ShimResource extends pulumi.CustomResource {
    constructor(kind: string, name: string, props: pulumi.Inputs, opts?: pulumi.CustomResourceOptions) {
        super(`pulumi-nodejs:dynamic/${kind}`, name, { ...props, __provider: providerSource(kind) }, opts);
    }
}
