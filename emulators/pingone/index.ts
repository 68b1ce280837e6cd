import { randomBytes, randomUUID } from "node:crypto";
import { z } from "zod";
import { listenOnLoopback } from "../shared/app";
import { ControlClient } from "../shared/controlClient";
import { ControlPlane } from "../shared/controlPlane";
import { StateFile } from "../shared/stateFile";
import { createApiApp } from "./api/apiApp";
import { pingOneErrorBody } from "./api/pingOneError";
import { type TokenAuthMethod, createAuthApp } from "./auth/authApp";
import { TokenIssuer } from "./auth/tokenIssuer";
import { ProvisioningEngine } from "./provisioning/provisioningEngine";
import { ScimTargetClient } from "./provisioning/scimTargetClient";
import { UserProvisioner } from "./provisioning/userProvisioner";
import { EmulatorState } from "./state/emulatorState";
import { newEnvironment } from "./state/newEnvironment";
import { type EmulatorStateData, EmulatorStateSchema } from "./state/resourceSchemas";

export type { ProvisioningSummary } from "./provisioning/provisioningEngine";

export interface PingOneEmulatorOptions {
    /** Round-trip latency added to every request (not the control API), in ms. Defaults to 0. */
    latencyMs?: number;
    /** Environments to create; defaults to one. Each gets a "Default" population and the "PingOne Directory" store. */
    environments?: { name?: string }[];
    /** The worker app (Environment Admin in every environment unless limited via the control API); generated when absent. */
    workerClientId?: string;
    workerClientSecret?: string;
    /** Limits the worker app to one token endpoint authentication method; both are accepted when absent. */
    tokenAuthMethod?: TokenAuthMethod;
    /** Access token lifetime; defaults to 3600. */
    tokenLifetimeSeconds?: number;
    /** JSON file the state is loaded from at start and persisted to on change (it holds the store secrets). */
    stateFile?: string;
}

export interface PingOneEmulator {
    /** Like `https://auth.pingone.com`; the token endpoint is `${authUrl}/${envId}/as/token`. */
    authUrl: string;
    /** Like `https://api.pingone.com/v1`. */
    apiUrl: string;
    /** The first environment. */
    environmentId: string;
    environmentIds: string[];
    workerClientId: string;
    workerClientSecret: string;
    /** Test-control client on the API listener. */
    control: ControlClient;
    /** Resolves when the provisioning engine has no queued or running work. */
    waitForProvisioningIdle(): Promise<void>;
    close(): Promise<void>;
}

function initialState(options: PingOneEmulatorOptions): EmulatorStateData {
    const environments = (options.environments ?? [{}]).map((environment, index) =>
        newEnvironment(
            environment.name ?? (index === 0 ? "Emulated Environment" : `Emulated Environment ${index + 1}`),
        ),
    );
    return {
        version: 1,
        signingKey: randomBytes(32).toString("base64url"),
        worker: {
            clientId: options.workerClientId ?? randomUUID(),
            clientSecret: options.workerClientSecret ?? randomBytes(24).toString("base64url"),
        },
        environments: Object.fromEntries(environments.map((environment) => [environment.id, environment])),
    };
}

function parseStoredState(path: string | undefined, stored: unknown): EmulatorStateData {
    const parsed = EmulatorStateSchema.safeParse(stored);
    if (!parsed.success) {
        throw new Error(`${path} is not a PingOne emulator state file:\n${z.prettifyError(parsed.error)}`);
    }
    return parsed.data;
}

/**
 * Starts the PingOne emulator: an auth listener and an API listener on loopback sharing one control plane, with
 * an in-memory (optionally file-backed) state and a provisioning engine that pushes users to SCIM targets.
 * With a state file that already exists, its environments and worker app win over `environments`; explicit worker
 * credentials still override the stored ones.
 */
export async function startPingOneEmulator(options: PingOneEmulatorOptions = {}): Promise<PingOneEmulator> {
    const stored = StateFile.read(options.stateFile);
    const data = stored === undefined ? initialState(options) : parseStoredState(options.stateFile, stored);
    const stateFile = new StateFile<EmulatorStateData>(options.stateFile, () => data);
    data.worker = {
        ...data.worker,
        clientId: options.workerClientId ?? data.worker.clientId,
        clientSecret: options.workerClientSecret ?? data.worker.clientSecret,
    };
    const state = new EmulatorState(data, () => stateFile.changed());

    const controlPlane = new ControlPlane(
        (status, _request, code) => pingOneErrorBody(status, code),
        options.latencyMs,
    );
    const issuer = new TokenIssuer(data.signingKey, options.tokenLifetimeSeconds ?? 3600);
    const targetClient = new ScimTargetClient();
    const engine = new ProvisioningEngine(state, new UserProvisioner(targetClient));
    const authApp = createAuthApp(controlPlane, state, issuer, options.tokenAuthMethod);
    const apiApp = createApiApp(controlPlane, issuer, { state, engine, targetClient });
    const authUrl = await listenOnLoopback(authApp);
    const apiOrigin = await listenOnLoopback(apiApp);
    stateFile.flush();

    return {
        authUrl,
        apiUrl: `${apiOrigin}/v1`,
        environmentId: state.environmentIds[0] ?? "",
        environmentIds: state.environmentIds,
        workerClientId: data.worker.clientId,
        workerClientSecret: data.worker.clientSecret,
        control: new ControlClient(apiOrigin),
        waitForProvisioningIdle: () => engine.waitForIdle(),
        async close() {
            await engine.close();
            await Promise.all([authApp.close(), apiApp.close()]);
            stateFile.flush();
        },
    };
}
