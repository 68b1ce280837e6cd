import type { ConfigMap } from "@pulumi/pulumi/automation";
import type { DocuWareConnection, Emulators, PingOneConnection } from ".";

/** The PingOne provider settings for an emulated environment, as stack config. */
export function pingOneStackConfig(pingone: PingOneConnection, environmentId = pingone.environmentId): ConfigMap {
    return {
        "pingone:clientId": { value: pingone.workerClientId },
        "pingone:clientSecret": { value: pingone.workerClientSecret, secret: true },
        "pingone:environmentId": { value: environmentId },
        "pingone:authUrl": { value: pingone.authUrl },
        "pingone:apiUrl": { value: pingone.apiUrl },
    };
}

/** The DocuWare provider settings for an emulated organization (URL and admin credential), as stack config. */
export function docuWareStackConfig(docuware: DocuWareConnection): ConfigMap {
    return {
        "docuware:organizationUrl": { value: docuware.baseUrl },
        "docuware:clientId": { value: docuware.adminClientId },
        "docuware:clientSecret": { value: docuware.adminClientSecret, secret: true },
    };
}

/** Everything the guide's flow needs to run against the emulators (PingOne environment 0, organization `index`). */
export function emulatorStackConfig(emulators: Emulators, index = 0): ConfigMap {
    const connection = emulators.connection();
    return {
        ...pingOneStackConfig(connection.pingone),
        ...docuWareStackConfig(connection.docuwareOrganizations[index]!),
    };
}
