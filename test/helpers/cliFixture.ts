import { PingOneClient } from "../../sdk/pingone/api/pingOneClient";
import { PropagationClient } from "../../sdk/pingone/api/propagationClient";
import type { Store, StoreConfiguration } from "../../sdk/pingone/api/schemas";
import { consoleScimConnection } from "./consoleScimConnection";
import { type AppRegistrationWithSecret, enableProvisioning, tokenEndpoint } from "./docuwareTestClient";
import { type RunningEmulators, startTestEmulators } from "./emulators";

/** Emulators with DocuWare provisioning enabled for Ping, as `verify` finds them after a deployment. */
export interface VerifyFixture {
    emulators: RunningEmulators;
    registration: AppRegistrationWithSecret;
    scimBaseUrl: string;
    tokenUrl: string;
    propagation: PropagationClient;
    /** `DOCUWARE_ORGANIZATION_URL`, `DOCUWARE_SCIM_CLIENT_ID` and `…_SECRET` of the working registration. */
    docuwareEnv(): Record<string, string>;
    /** The `PINGONE_*` worker-application variables of the emulated environment. */
    pingoneEnv(): Record<string, string>;
    /** A SCIM connection in PingOne to this DocuWare organization (with the right secret), with overrides. */
    createConnection(name: string, configuration?: StoreConfiguration): Promise<Store>;
    stop(): Promise<void>;
}

export async function startVerifyFixture(): Promise<VerifyFixture> {
    const emulators = await startTestEmulators();
    const docuware = emulators.docuware[0]!;
    const { registration, scimBaseUrl } = await enableProvisioning(docuware);
    const tokenUrl = tokenEndpoint(docuware);
    const pingoneEnv = () =>
        Object.fromEntries(
            Object.entries(emulators.providerEnvironment()).filter(([name]) => name.startsWith("PINGONE_")),
        );
    const connection = emulators.connection().pingone;
    const client = new PingOneClient(
        {
            clientId: connection.workerClientId,
            clientSecret: connection.workerClientSecret,
            environmentId: connection.environmentId,
            authUrl: connection.authUrl,
            apiUrl: connection.apiUrl,
        },
        { timeoutMs: 10_000, retry: { maxRetries: 0 } },
    );
    const propagation = new PropagationClient(client, connection.environmentId);
    return {
        emulators,
        registration,
        scimBaseUrl,
        tokenUrl,
        propagation,
        docuwareEnv: () => ({
            DOCUWARE_ORGANIZATION_URL: docuware.baseUrl,
            DOCUWARE_SCIM_CLIENT_ID: registration.ClientId,
            DOCUWARE_SCIM_CLIENT_SECRET: registration.ClientSecret,
        }),
        pingoneEnv,
        createConnection: (name, configuration = {}) =>
            propagation.createStore(
                consoleScimConnection(
                    name,
                    {
                        scimUrl: scimBaseUrl,
                        tokenUrl,
                        clientId: registration.ClientId,
                        clientSecret: registration.ClientSecret,
                    },
                    configuration,
                ),
            ),
        stop: () => emulators.stop(),
    };
}
