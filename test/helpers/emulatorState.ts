import type { RunningEmulators } from "./emulators";

export interface DocuWareState {
    AppRegistrations: { ClientId: string; Name: string; AccessTokenLifetimeSeconds: number }[];
    UserProvisioning: {
        Enabled: boolean;
        IdentityProvider: string | null;
        GenericIdentifier?: string | null;
        AppRegistrationId: string | null;
    };
    Users: { Id: string; Name: string; EMail?: string | null; Active: boolean; ExternalIdp?: string | null }[];
}

export interface PingOneEnvironmentState {
    plans: Record<string, { id: string; name: string }>;
    stores: Record<
        string,
        { id: string; name: string; type: string; status: string; configuration: Record<string, unknown> }
    >;
    rules: Record<string, { id: string; name: string; active: boolean }>;
    mappings: Record<string, { id: string; rule: { id: string }; targetAttribute: string; sourceAttribute?: string }>;
    populations: Record<string, { id: string; name: string }>;
}

export function docuwareState(emulators: RunningEmulators, index = 0): Promise<DocuWareState> {
    return emulators.docuware[index]!.control.get<DocuWareState>("/state");
}

export async function pingoneState(
    emulators: RunningEmulators,
    environmentId?: string,
): Promise<PingOneEnvironmentState> {
    const state = await emulators.pingone.control.get<{ environments: Record<string, PingOneEnvironmentState> }>(
        "/state",
    );
    return state.environments[environmentId ?? emulators.pingone.environmentId]!;
}

/** The provisioning configuration on both sides, without timestamps: equal before a deployment and after its destroy. */
export async function configurationSnapshot(emulators: RunningEmulators): Promise<unknown> {
    const pingone = await pingoneState(emulators);
    const docuware = await Promise.all(emulators.docuware.map((_, i) => docuwareState(emulators, i)));
    return {
        docuware: docuware.map((d) => ({
            registrations: d.AppRegistrations.map((r) => r.Name).sort(),
            provisioning: {
                Enabled: d.UserProvisioning.Enabled,
                IdentityProvider: d.UserProvisioning.IdentityProvider,
                AppRegistrationId: d.UserProvisioning.AppRegistrationId,
            },
        })),
        pingone: {
            plans: Object.values(pingone.plans).map((p) => p.name),
            stores: Object.values(pingone.stores).map((s) => s.name),
            rules: Object.values(pingone.rules).map((r) => r.name),
            mappings: Object.keys(pingone.mappings).length,
        },
    };
}

/** Requests both emulators received since the last reset. */
export async function requestTotal(emulators: RunningEmulators): Promise<number> {
    const counts = await Promise.all([
        emulators.pingone.control.requests(),
        ...emulators.docuware.map((d) => d.control.requests()),
    ]);
    return counts.reduce((sum, c) => sum + c.total, 0);
}

export async function resetRequests(emulators: RunningEmulators): Promise<void> {
    await Promise.all([
        emulators.pingone.control.resetRequests(),
        ...emulators.docuware.map((d) => d.control.resetRequests()),
    ]);
}
