import axios, { type AxiosInstance } from "axios";
import { strict as assert } from "node:assert";
import type { DocuWareEmulator } from "../../emulators/docuware";

/** Never throws on a status, so tests can assert error responses. */
export const http: AxiosInstance = axios.create({ validateStatus: () => true, timeout: 10_000 });

export interface AppRegistrationWithSecret {
    ClientId: string;
    ClientSecret: string;
    Name: string;
}

export function tokenEndpoint(emulator: DocuWareEmulator): string {
    return `${emulator.identityServiceUrl}/connect/token`;
}

/** A client-credentials token sent with the credentials in the form body. */
export async function requestToken(
    emulator: DocuWareEmulator,
    clientId: string,
    clientSecret: string,
    scope?: string,
): Promise<string> {
    const form = new URLSearchParams({
        grant_type: "client_credentials",
        client_id: clientId,
        client_secret: clientSecret,
    });
    if (scope) {
        form.set("scope", scope);
    }
    const response = await http.post(tokenEndpoint(emulator), form.toString(), {
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    assert.equal(response.status, 200, JSON.stringify(response.data));
    return response.data.access_token as string;
}

/** The admin's Platform API, rooted at `/DocuWare/Platform/Organizations/{orgId}`. */
export async function adminApi(emulator: DocuWareEmulator): Promise<AxiosInstance> {
    const token = await requestToken(emulator, emulator.adminClientId, emulator.adminClientSecret);
    return bearerClient(`${emulator.baseUrl}/DocuWare/Platform/Organizations/${emulator.organizationId}`, token);
}

export function bearerClient(baseURL: string, token: string): AxiosInstance {
    return axios.create({
        baseURL,
        validateStatus: () => true,
        timeout: 10_000,
        headers: { Authorization: `Bearer ${token}` },
    });
}

export async function createRegistration(
    admin: AxiosInstance,
    name: string,
    overrides: Record<string, unknown> = {},
): Promise<AppRegistrationWithSecret> {
    const response = await admin.post("/AppRegistrations", {
        Name: name,
        ApplicationType: "Service",
        GrantTypes: ["ClientCredentials"],
        AllowedResources: ["UserProvisioning"],
        ...overrides,
    });
    assert.equal(response.status, 201, JSON.stringify(response.data));
    return response.data as AppRegistrationWithSecret;
}

export interface ProvisioningSetup {
    registration: AppRegistrationWithSecret;
    scimBaseUrl: string;
    /** SCIM client with the selected registration's token, sending application/scim+json. */
    scim: AxiosInstance;
}

/** Creates a registration, selects it and enables provisioning for `identityProvider`, as the console would. */
export async function enableProvisioning(
    emulator: DocuWareEmulator,
    identityProvider = "Ping",
    genericIdentifier?: string,
): Promise<ProvisioningSetup> {
    const admin = await adminApi(emulator);
    const registration = await createRegistration(admin, `SCIM ${identityProvider} ${Date.now()}`);
    const settings = await admin.put("/UserProvisioning", {
        Enabled: true,
        IdentityProvider: identityProvider,
        GenericIdentifier: genericIdentifier,
        AppRegistrationId: registration.ClientId,
    });
    assert.equal(settings.status, 200, JSON.stringify(settings.data));
    const scimBaseUrl = settings.data.ScimBaseUrl as string;
    const token = await requestToken(emulator, registration.ClientId, registration.ClientSecret);
    const scim = bearerClient(scimBaseUrl, token);
    scim.defaults.headers.common["Content-Type"] = "application/scim+json";
    return { registration, scimBaseUrl, scim };
}
