import { type HttpSettings, httpSettings } from "../config/httpSettings";
import { ProvisioningError } from "../core/errors";
import { HttpClient } from "../core/httpClient";
import { ClientCredentialsTokenSource } from "../core/tokenSource";
import { type IdentityService, discoverIdentityService } from "./discovery";
import { parseDocuWareError } from "./errors";
import {
    type AppRegistration,
    AppRegistrationListSchema,
    AppRegistrationSchema,
    type AppRegistrationWrite,
    AppRegistrationWriteSchema,
    OrganizationListSchema,
    type PlatformUser,
    PlatformUserListSchema,
    type ProvisioningSettings,
    ProvisioningSettingsSchema,
    type ProvisioningSettingsWrite,
    ProvisioningSettingsWriteSchema,
    SecretResponseSchema,
} from "./schemas";
import { configuredOrganizationUrl, docuWareAdminCredentials } from "./settings";
import { processCache } from "../core/processCache";

const path = encodeURIComponent;

/**
 * DocuWare's management of app registrations and User Provisioning settings for one organization.
 *
 * DocuWare publishes no API for these (they live in DocuWare Configuration); this client speaks the management
 * surface of this project's emulator, modelled on Platform conventions (PascalCase, Platform errors, an
 * Organization Administrator's client-credentials token with scope `docuware.platform`). Against real DocuWare
 * Cloud, use the existing-registration mode instead (`ExistingAppRegistration`).
 */
interface Connection {
    http: HttpClient;
    identity: IdentityService;
    organizationId: string;
}

/**
 * Discovery and the organization lookup, once per organization and credential for the whole provider process (one
 * Pulumi operation), like the tokens: every resource of an organization shares them.
 */
const connections = processCache<string, Promise<Connection>>();

export class DocuWareClient {
    constructor(
        readonly organizationUrl: string,
        private readonly admin: { clientId: string; clientSecret: string },
        private readonly http: HttpSettings = { timeoutMs: 30_000, retry: {} },
    ) {}

    /** A client for the given organization URL (or `docuware:organizationUrl`) with the configured admin credential. */
    static fromConfig(organizationUrl?: string): DocuWareClient {
        const url = organizationUrl ?? configuredOrganizationUrl();
        if (!url) {
            throw new ProvisioningError(
                "No DocuWare organization URL: set the resource's `organizationUrl` or `docuware:organizationUrl` (DOCUWARE_ORGANIZATION_URL).",
            );
        }
        return new DocuWareClient(url.replace(/\/+$/, ""), docuWareAdminCredentials(url), httpSettings());
    }

    /** Discovers the identity service, then finds the organization's id (once per organization and credential). */
    private connect(): Promise<Connection> {
        const key = `${this.organizationUrl}|${this.admin.clientId}`;
        let connection = connections.get(key);
        if (!connection) {
            connection = this.open();
            connection.catch(() => connections.delete(key));
            connections.set(key, connection);
        }
        return connection;
    }

    private async open(): Promise<Connection> {
        const identity = await discoverIdentityService(this.organizationUrl, this.http);
        const tokenSource = new ClientCredentialsTokenSource(
            {
                service: "DocuWare",
                tokenUrl: identity.tokenEndpoint,
                clientId: this.admin.clientId,
                clientSecret: this.admin.clientSecret,
                scope: "docuware.platform",
                authStyle: "post",
            },
            this.http,
        );
        const http = new HttpClient({
            service: "DocuWare",
            baseUrl: `${this.organizationUrl}/DocuWare/Platform`,
            parseErrorEnvelope: parseDocuWareError,
            tokenSource,
            ...this.http,
        });
        const organizations = await http.request({
            method: "GET",
            path: "/Organizations",
            responseSchema: OrganizationListSchema,
        });
        const organization = organizations.Organization[0];
        if (!organization) {
            throw new ProvisioningError(
                `DocuWare at ${this.organizationUrl} lists no organization for this credential.`,
            );
        }
        return { http, identity, organizationId: organization.Id };
    }

    /** The organization's OAuth token endpoint (as DocuWare shows it for "OAuth Token Request"). */
    async tokenEndpoint(): Promise<string> {
        return (await this.connect()).identity.tokenEndpoint;
    }

    private async organizationPath(suffix: string): Promise<{ http: HttpClient; path: string }> {
        const { http, organizationId } = await this.connect();
        return { http, path: `/Organizations/${path(organizationId)}${suffix}` };
    }

    async listAppRegistrations(): Promise<AppRegistration[]> {
        const { http, path: listPath } = await this.organizationPath("/AppRegistrations");
        const list = await http.request({ method: "GET", path: listPath, responseSchema: AppRegistrationListSchema });
        return list.AppRegistration;
    }

    async getAppRegistration(clientId: string): Promise<AppRegistration> {
        const { http, path: itemPath } = await this.organizationPath(`/AppRegistrations/${path(clientId)}`);
        return http.request({ method: "GET", path: itemPath, responseSchema: AppRegistrationSchema });
    }

    /** Creates a registration; the response is the only one that carries its `ClientSecret`. */
    async createAppRegistration(
        registration: AppRegistrationWrite,
    ): Promise<AppRegistration & { ClientSecret: string }> {
        const { http, path: listPath } = await this.organizationPath("/AppRegistrations");
        const created = await http.request({
            method: "POST",
            path: listPath,
            body: registration,
            bodySchema: AppRegistrationWriteSchema,
            responseSchema: AppRegistrationSchema.required({ ClientSecret: true }),
        });
        return created;
    }

    async updateAppRegistration(clientId: string, registration: AppRegistrationWrite): Promise<AppRegistration> {
        const { http, path: itemPath } = await this.organizationPath(`/AppRegistrations/${path(clientId)}`);
        return http.request({
            method: "PUT",
            path: itemPath,
            body: registration,
            bodySchema: AppRegistrationWriteSchema,
            responseSchema: AppRegistrationSchema,
        });
    }

    /** Replaces the client secret; returns the new one (shown only here). The old one stops issuing tokens. */
    async rotateSecret(clientId: string): Promise<string> {
        const { http, path: secretPath } = await this.organizationPath(`/AppRegistrations/${path(clientId)}/Secret`);
        const response = await http.request({ method: "POST", path: secretPath, responseSchema: SecretResponseSchema });
        return response.ClientSecret;
    }

    async deleteAppRegistration(clientId: string): Promise<void> {
        const { http, path: itemPath } = await this.organizationPath(`/AppRegistrations/${path(clientId)}`);
        await http.request({ method: "DELETE", path: itemPath });
    }

    async getProvisioningSettings(): Promise<ProvisioningSettings> {
        const { http, path: settingsPath } = await this.organizationPath("/UserProvisioning");
        return http.request({ method: "GET", path: settingsPath, responseSchema: ProvisioningSettingsSchema });
    }

    async putProvisioningSettings(settings: ProvisioningSettingsWrite): Promise<ProvisioningSettings> {
        const { http, path: settingsPath } = await this.organizationPath("/UserProvisioning");
        return http.request({
            method: "PUT",
            path: settingsPath,
            body: settings,
            bodySchema: ProvisioningSettingsWriteSchema,
            responseSchema: ProvisioningSettingsSchema,
        });
    }

    /** The Platform users view, including provisioned users' external identity fields. */
    async listUsers(): Promise<PlatformUser[]> {
        const { http, path: usersPath } = await this.organizationPath("/Users");
        return (await http.request({ method: "GET", path: usersPath, responseSchema: PlatformUserListSchema })).User;
    }
}
