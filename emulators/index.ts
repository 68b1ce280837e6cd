import * as path from "node:path";
import { type DocuWareEmulator, startDocuWareEmulator } from "./docuware";
import { type PingOneEmulator, startPingOneEmulator } from "./pingone";
import type { TokenAuthMethod } from "./pingone/auth/authApp";

export interface EmulatorsOptions {
    /** How many DocuWare organizations to emulate (one emulator each). Defaults to 1. */
    docuwareOrganizations?: number;
    /** How many PingOne environments. Defaults to 1. */
    pingoneEnvironments?: number;
    /** Persist state under this folder so a restart keeps every object. In memory when absent. */
    stateDir?: string;
    /** Access-token lifetime of both services, in seconds. Defaults to 3600. */
    tokenLifetimeSeconds?: number;
    /** Limits the PingOne worker app to one token endpoint authentication method; both are accepted when absent. */
    pingoneTokenAuth?: TokenAuthMethod;
    /** Round-trip latency per service added to every request (not the control API), in ms, e.g. 100 and 150. */
    latencyMs?: { pingone?: number; docuware?: number };
    /** False: DocuWare answers 404 on the app-registration and User Provisioning API, as DocuWare Cloud does. */
    docuwareManagementApi?: boolean;
}

/** Everything a client needs to reach one emulated DocuWare organization. */
export interface DocuWareConnection {
    baseUrl: string;
    identityServiceUrl: string;
    organizationId: string;
    organizationName: string;
    adminClientId: string;
    adminClientSecret: string;
}

/** Everything a client needs to reach the emulated PingOne. */
export interface PingOneConnection {
    authUrl: string;
    apiUrl: string;
    environmentId: string;
    environmentIds: string[];
    workerClientId: string;
    workerClientSecret: string;
}

export interface Emulators {
    docuware: DocuWareEmulator[];
    pingone: PingOneEmulator;
    connection(): {
        docuware: DocuWareConnection;
        docuwareOrganizations: DocuWareConnection[];
        pingone: PingOneConnection;
    };
    /** The environment variables this package's providers read, pointing at DocuWare organization `index`. */
    providerEnvironment(index?: number): Record<string, string>;
    close(): Promise<void>;
}

/** The environment variables this package's providers read, pointing at one DocuWare organization and PingOne. */
export function providerEnvironment(
    organization: DocuWareConnection,
    pingone: Omit<PingOneConnection, "environmentIds">,
): Record<string, string> {
    return {
        DOCUWARE_ORGANIZATION_URL: organization.baseUrl,
        DOCUWARE_CLIENT_ID: organization.adminClientId,
        DOCUWARE_CLIENT_SECRET: organization.adminClientSecret,
        PINGONE_CLIENT_ID: pingone.workerClientId,
        PINGONE_CLIENT_SECRET: pingone.workerClientSecret,
        PINGONE_ENVIRONMENT_ID: pingone.environmentId,
        PINGONE_AUTH_URL: pingone.authUrl,
        PINGONE_API_URL: pingone.apiUrl,
    };
}

/** Starts emulated PingOne and DocuWare on ephemeral loopback ports. */
export async function startEmulators(options: EmulatorsOptions = {}): Promise<Emulators> {
    const stateFile = (name: string) => (options.stateDir ? path.join(options.stateDir, `${name}.json`) : undefined);
    const pingone = await startPingOneEmulator({
        environments: Array.from({ length: options.pingoneEnvironments ?? 1 }, () => ({})),
        tokenLifetimeSeconds: options.tokenLifetimeSeconds,
        tokenAuthMethod: options.pingoneTokenAuth,
        stateFile: stateFile("pingone"),
        latencyMs: options.latencyMs?.pingone,
    });
    const docuware: DocuWareEmulator[] = [];
    for (let i = 0; i < (options.docuwareOrganizations ?? 1); i++) {
        docuware.push(
            await startDocuWareEmulator({
                organizationName: i === 0 ? undefined : `Organization ${i + 1}`,
                tokenLifetimeSeconds: options.tokenLifetimeSeconds,
                stateFile: stateFile(`docuware-${i + 1}`),
                latencyMs: options.latencyMs?.docuware,
                managementApi: options.docuwareManagementApi,
            }),
        );
    }
    const describe = (d: DocuWareEmulator): DocuWareConnection => ({
        baseUrl: d.baseUrl,
        identityServiceUrl: d.identityServiceUrl,
        organizationId: d.organizationId,
        organizationName: d.organizationName,
        adminClientId: d.adminClientId,
        adminClientSecret: d.adminClientSecret,
    });
    return {
        docuware,
        pingone,
        connection: () => ({
            docuware: describe(docuware[0]!),
            docuwareOrganizations: docuware.map(describe),
            pingone: {
                authUrl: pingone.authUrl,
                apiUrl: pingone.apiUrl,
                environmentId: pingone.environmentId,
                environmentIds: pingone.environmentIds,
                workerClientId: pingone.workerClientId,
                workerClientSecret: pingone.workerClientSecret,
            },
        }),
        providerEnvironment: (index = 0) => providerEnvironment(describe(docuware[index]!), pingone),
        async close() {
            await Promise.all([pingone.close(), ...docuware.map((d) => d.close())]);
        },
    };
}
