import { spawn } from "node:child_process";
import * as path from "node:path";
import { createInterface } from "node:readline";
import { type DocuWareConnection, type PingOneConnection, providerEnvironment } from "../emulators";
import { ControlClient } from "../emulators/shared/controlClient";
import type { Latency } from "./requestChains";

const REPO_ROOT = path.resolve(__dirname, "..");

/** The emulators' test-control APIs: request counts, faults, rate limits. */
export interface EmulatorControls {
    pingone: { control: ControlClient };
    docuware: { control: ControlClient }[];
    close(): Promise<void>;
}

export interface BenchEmulators {
    emulators: EmulatorControls;
    organizationUrls: string[];
    /** What the providers read: PingOne's worker app and every organization's admin credential. */
    providerEnvironment: Record<string, string>;
}

interface Connection {
    docuwareOrganizations: DocuWareConnection[];
    pingone: PingOneConnection;
}

/**
 * Emulated PingOne (one environment) and `organizations` DocuWare organizations, one per component; every request
 * takes `latency` (per service, in ms) when given. They run in their own process (`npm run emulators`): in the
 * benchmark's process they would share one thread with the inline program and slow it down, which a real, remote
 * service does not.
 */
export async function startBenchEmulators(organizations: number, latency?: Latency): Promise<BenchEmulators> {
    const args = ["emulators/cli.ts", "--json", "--docuware-organizations", String(organizations)];
    if (latency) {
        args.push("--latency-ms", `pingone=${latency.pingone},docuware=${latency.docuware}`);
    }
    const child = spawn(process.execPath, ["-r", "ts-node/register/transpile-only", ...args], {
        cwd: REPO_ROOT,
        stdio: ["ignore", "pipe", "inherit"],
    });
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    const connection = await new Promise<Connection>((resolve, reject) => {
        const lines = createInterface({ input: child.stdout });
        lines.once("line", (line) => resolve(JSON.parse(line) as Connection));
        child.once("exit", (code) => reject(new Error(`the emulators exited with code ${code} before starting`)));
    });
    const organizationsList = connection.docuwareOrganizations;
    const adminCredentials = Object.fromEntries(
        organizationsList.map((d) => [d.baseUrl, { clientId: d.adminClientId, clientSecret: d.adminClientSecret }]),
    );
    return {
        emulators: {
            pingone: { control: new ControlClient(new URL(connection.pingone.apiUrl).origin) },
            docuware: organizationsList.map((d) => ({ control: new ControlClient(d.baseUrl) })),
            async close() {
                child.kill("SIGTERM");
                await exited;
            },
        },
        organizationUrls: organizationsList.map((d) => d.baseUrl),
        providerEnvironment: {
            ...providerEnvironment(organizationsList[0]!, connection.pingone),
            DOCUWARE_ADMIN_CREDENTIALS: JSON.stringify(adminCredentials),
        },
    };
}
