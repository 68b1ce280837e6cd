import type * as pulumi from "@pulumi/pulumi";
import { setStackConfig } from "../config/stackConfig";
import { ProvisioningError } from "../core/errors";
import { enableListingCaches } from "../pingone/api/listingCache";
import { definitions } from "./registry";
import { toDynamicProvider } from "../dynamic/resourceDefinition";

/**
 * The provider implementations, as loaded by `providerSource` inside the dynamic-provider process (exported as
 * `pulumi-docuware-pingone/provider-runtime`).
 */
const providers = new Map(definitions.map((definition) => [definition.kind, toDynamicProvider(definition)]));

export function providerFor(kind: string): pulumi.dynamic.ResourceProvider {
    const provider = providers.get(kind);
    if (!provider) {
        throw new ProvisioningError(
            `The installed pulumi-docuware-pingone has no provider for "${kind}"; install the version the program was deployed with or newer.`,
        );
    }
    return provider;
}

/** What `providerSource(kind)` loads: the kind's provider, with `configure`. */
export function shim(kind: string): pulumi.dynamic.ResourceProvider {
    return { ...providerFor(kind), configure: async (request) => configure(request) };
}

export function configure(request: pulumi.dynamic.ConfigureRequest): void {
    setStackConfig({ get: (key) => request.config.get(key) });
    // This process serves one Pulumi operation: its creates may share listings for their name-conflict checks.
    enableListingCaches();
}
