import type { FastifyInstance } from "fastify";
import { createServiceApp, listenOnLoopback } from "../shared/app";
import { ControlClient } from "../shared/controlClient";
import { ControlPlane } from "../shared/controlPlane";
import { AccessTokenIssuer } from "./accessTokens";
import { registerDocuWareControlRoutes } from "./controlRoutes";
import { EmulatorUrls } from "./emulatorUrls";
import { ErrorResponder } from "./errorResponses";
import { registerIdentityRoutes } from "./identityRoutes";
import { OrganizationState } from "./organizationState";
import { registerPlatformRoutes } from "./platformRoutes";
import { registerScimService } from "./scimService";
import { generateSecret } from "./secrets";

export interface DocuWareEmulatorOptions {
    /** Round-trip latency added to every request (not the control API), in ms. Defaults to 0. */
    latencyMs?: number;
    /** Defaults to "Peters Engineering". Ignored when `stateFile` already holds an organization. */
    organizationName?: string;
    /** Client id of the fixed Organization Administrator credential. Defaults to a generated GUID. */
    adminClientId?: string;
    /** Defaults to a random string, new on every start (only its hash is ever stored). */
    adminClientSecret?: string;
    /** Lifetime of admin tokens and upper bound of every other token's lifetime. Defaults to 3600 for the admin. */
    tokenLifetimeSeconds?: number;
    /** Load the state from this JSON file at start and write changes to it (secret hashes only). */
    stateFile?: string;
    /** Health path below the SCIM base; the real one is not public. Defaults to "/health". */
    scimHealthPath?: string;
    /** Port of the organization host. Defaults to an ephemeral port. */
    port?: number;
    /** Port of the identity host. Defaults to an ephemeral port. */
    identityPort?: number;
    /**
     * Serve the management API of app registrations and User Provisioning settings (this project's model; DocuWare
     * publishes none). False answers 404 there, as real DocuWare Cloud does. Defaults to true.
     */
    managementApi?: boolean;
}

export interface DocuWareEmulator {
    /** Organization host, like `https://{org}.docuware.cloud`. */
    baseUrl: string;
    /** Like `https://login-emea.docuware.cloud/{org-guid}`: a separate listener. */
    identityServiceUrl: string;
    organizationId: string;
    organizationName: string;
    adminClientId: string;
    adminClientSecret: string;
    /** Control API of the shared control plane (counts and faults cover both listeners). */
    control: ControlClient;
    close(): Promise<void>;
}

/** Starts one emulated DocuWare organization: an organization host and an identity host on loopback. */
export async function startDocuWareEmulator(options: DocuWareEmulatorOptions = {}): Promise<DocuWareEmulator> {
    const adminClientSecret = options.adminClientSecret ?? generateSecret();
    const state = OrganizationState.open({
        organizationName: options.organizationName ?? "Peters Engineering",
        adminClientId: options.adminClientId,
        adminClientSecret,
        stateFile: options.stateFile,
    });
    const urls = new EmulatorUrls(state.organization.id);
    const errors = new ErrorResponder(urls);
    const controlPlane = new ControlPlane(errors.controlPlaneBody, options.latencyMs);
    const tokens = new AccessTokenIssuer(urls);
    const context = { state, tokens, urls };

    const identityApp = createServiceApp(controlPlane);
    errors.install(identityApp);
    registerIdentityRoutes(identityApp, { state, tokens, urls, tokenLifetimeSeconds: options.tokenLifetimeSeconds });

    const organizationApp = createServiceApp(controlPlane);
    errors.install(organizationApp);
    registerPlatformRoutes(organizationApp, context, options.managementApi ?? true);
    registerScimService(organizationApp, context, options.scimHealthPath ?? "/health");
    registerDocuWareControlRoutes(organizationApp, context);

    const apps: FastifyInstance[] = [];
    const close = async (): Promise<void> => {
        state.flush();
        await Promise.all(apps.map((app) => app.close()));
    };
    try {
        apps.push(identityApp);
        urls.identityHostUrl = await listenOnLoopback(identityApp, options.identityPort);
        urls.identityPort = Number(new URL(urls.identityHostUrl).port);
        apps.push(organizationApp);
        urls.baseUrl = await listenOnLoopback(organizationApp, options.port);
    } catch (error) {
        await close();
        throw error;
    }

    return {
        baseUrl: urls.baseUrl,
        identityServiceUrl: urls.identityServiceUrl,
        organizationId: state.organization.id,
        organizationName: state.organization.name,
        adminClientId: state.adminClientId,
        adminClientSecret,
        control: new ControlClient(urls.baseUrl),
        close,
    };
}
