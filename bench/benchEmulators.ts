import { type Emulators, startEmulators } from "../emulators";
import type { Latency } from "./requestChains";

export interface BenchEmulators {
    emulators: Emulators;
    organizationUrls: string[];
    /** What the providers read: PingOne's worker app and every organization's admin credential. */
    providerEnvironment: Record<string, string>;
}

/**
 * Emulated PingOne (one environment) and `organizations` DocuWare organizations, one per component; every request
 * takes `latency` (per service, in ms) when given.
 */
export async function startBenchEmulators(organizations: number, latency?: Latency): Promise<BenchEmulators> {
    const emulators = await startEmulators({ docuwareOrganizations: organizations, latencyMs: latency });
    const adminCredentials = Object.fromEntries(
        emulators.docuware.map((d) => [d.baseUrl, { clientId: d.adminClientId, clientSecret: d.adminClientSecret }]),
    );
    return {
        emulators,
        organizationUrls: emulators.docuware.map((d) => d.baseUrl),
        providerEnvironment: {
            ...emulators.providerEnvironment(0),
            DOCUWARE_ADMIN_CREDENTIALS: JSON.stringify(adminCredentials),
        },
    };
}
