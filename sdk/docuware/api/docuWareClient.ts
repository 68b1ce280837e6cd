import { type HttpSettings, httpSettings } from "../../config/httpSettings";
import { ApiError, ProvisioningError, UnsupportedApiError } from "../../core/errors";
import { HttpClient } from "../../core/httpClient";
import { ClientCredentialsTokenSource } from "../../core/tokenSource";
import { discoverIdentityService } from "./discovery";
import { parseDocuWareError } from "./parseDocuWareError";
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
import { processCache } from "../../core/processCache";

const path = encodeURIComponent;

/** Where the package README explains existing-registration mode. */
export const EXISTING_REGISTRATION_README_URL =
    "https://www.npmjs.com/package/pulumi-docuware-pingone#a-first-program-for-docuware-cloud";

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
    tokenEndpoint: string;
    organizationId: string;
    /** Whether the management API answers at all (probed once, after the first 404/405 from it). */
    managementApi?: Promise<boolean>;
}

/**
 * Discovery and the organization lookup, once per organization and credential for the whole provider process (one
 * Pulumi operation), like the tokens: every resource of an organization shares them.
 */
const connections = processCache<string, Promise<Connection>>();

export class DocuWareClient {
    /**
     * @param knownTokenEndpoint The organization's token endpoint as an earlier operation found it (a resource's
     * state): tried first, which spares the two discovery round trips; discovery runs when it fails.
     */
    constructor(
        readonly organizationUrl: string,
        private readonly admin: { clientId: string; clientSecret: string },
        private readonly http: HttpSettings = { timeoutMs: 30_000, retry: {} },
        private readonly knownTokenEndpoint?: string,
    ) {}

    /** A client for the given organization URL (or `docuware:organizationUrl`) with the configured admin credential. */
    static fromConfig(organizationUrl?: string, knownTokenEndpoint?: string): DocuWareClient {
        const url = organizationUrl ?? configuredOrganizationUrl();
        if (!url) {
            throw new ProvisioningError(
                "No DocuWare organization URL: set the resource's `organizationUrl` or `docuware:organizationUrl` (DOCUWARE_ORGANIZATION_URL).",
            );
        }
        const admin = docuWareAdminCredentials(url);
        return new DocuWareClient(url.replace(/\/+$/, ""), admin, httpSettings(), knownTokenEndpoint || undefined);
    }

    /**
     * Starts discovery and the organization lookup now, for a later call to find them done (or retry them, if they
     * failed); never throws.
     */
    prefetch(): void {
        this.connect().catch(() => undefined);
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
        if (this.knownTokenEndpoint) {
            try {
                return await this.openAt(this.knownTokenEndpoint);
            } catch (error) {
                // The endpoint may have moved: discover it; when it has not, the failure is not the endpoint's.
                const { tokenEndpoint } = await discoverIdentityService(this.organizationUrl, this.http);
                if (tokenEndpoint === this.knownTokenEndpoint) {
                    throw error;
                }
                return this.openAt(tokenEndpoint);
            }
        }
        const { tokenEndpoint } = await discoverIdentityService(this.organizationUrl, this.http);
        return this.openAt(tokenEndpoint);
    }

    /** Signs in at `tokenEndpoint` and finds the organization's id. */
    private async openAt(tokenEndpoint: string): Promise<Connection> {
        const tokenSource = new ClientCredentialsTokenSource(
            {
                service: "DocuWare",
                tokenUrl: tokenEndpoint,
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
        return { http, tokenEndpoint, organizationId: organization.Id };
    }

    /** The organization's OAuth token endpoint (as DocuWare shows it for "OAuth Token Request"). */
    async tokenEndpoint(): Promise<string> {
        return (await this.connect()).tokenEndpoint;
    }

    /**
     * Runs a request of the management API (app registrations, User Provisioning settings). A 404 or 405 is checked
     * against the API's collection once: when that is missing too, as on DocuWare Cloud, the API is absent and the
     * error says to use existing-registration mode; otherwise the 404 is about the one object and stays as it is.
     */
    private async management<T>(suffix: string, run: (http: HttpClient, path: string) => Promise<T>): Promise<T> {
        const connection = await this.connect();
        const organizationPath = `/Organizations/${path(connection.organizationId)}`;
        try {
            return await run(connection.http, `${organizationPath}${suffix}`);
        } catch (error) {
            if (!(error instanceof ApiError) || (error.status !== 404 && error.status !== 405)) {
                throw error;
            }
            connection.managementApi ??= connection.http
                .request({ method: "GET", path: `${organizationPath}/AppRegistrations` })
                .then(
                    () => true,
                    (probe: unknown) => !(probe instanceof ApiError && (probe.status === 404 || probe.status === 405)),
                );
            if (await connection.managementApi) {
                throw error;
            }
            throw new UnsupportedApiError(
                "DocuWare",
                error.url,
                error.status,
                `DocuWare at ${this.organizationUrl} has no API for app registrations or User Provisioning settings ` +
                    `(HTTP ${error.status} at ${error.method} ${error.url}): DocuWare publishes none, so AppRegistration ` +
                    "and UserProvisioning cannot manage them there. Create the registration and enable User Provisioning " +
                    "in DocuWare Configuration, then pass it as `existingRegistration` (ExistingAppRegistration); see " +
                    EXISTING_REGISTRATION_README_URL,
            );
        }
    }

    async listAppRegistrations(): Promise<AppRegistration[]> {
        const list = await this.management("/AppRegistrations", (http, listPath) =>
            http.request({ method: "GET", path: listPath, responseSchema: AppRegistrationListSchema }),
        );
        return list.AppRegistration;
    }

    async getAppRegistration(clientId: string): Promise<AppRegistration> {
        return this.management(`/AppRegistrations/${path(clientId)}`, (http, itemPath) =>
            http.request({ method: "GET", path: itemPath, responseSchema: AppRegistrationSchema }),
        );
    }

    /** Creates a registration; the response is the only one that carries its `ClientSecret`. */
    async createAppRegistration(
        registration: AppRegistrationWrite,
    ): Promise<AppRegistration & { ClientSecret: string }> {
        return this.management("/AppRegistrations", (http, listPath) =>
            http.request({
                method: "POST",
                path: listPath,
                body: registration,
                bodySchema: AppRegistrationWriteSchema,
                responseSchema: AppRegistrationSchema.required({ ClientSecret: true }),
            }),
        );
    }

    async updateAppRegistration(clientId: string, registration: AppRegistrationWrite): Promise<AppRegistration> {
        return this.management(`/AppRegistrations/${path(clientId)}`, (http, itemPath) =>
            http.request({
                method: "PUT",
                path: itemPath,
                body: registration,
                bodySchema: AppRegistrationWriteSchema,
                responseSchema: AppRegistrationSchema,
            }),
        );
    }

    /** Replaces the client secret; returns the new one (shown only here). The old one stops issuing tokens. */
    async rotateSecret(clientId: string): Promise<string> {
        const response = await this.management(`/AppRegistrations/${path(clientId)}/Secret`, (http, secretPath) =>
            http.request({ method: "POST", path: secretPath, responseSchema: SecretResponseSchema }),
        );
        return response.ClientSecret;
    }

    async deleteAppRegistration(clientId: string): Promise<void> {
        await this.management(`/AppRegistrations/${path(clientId)}`, (http, itemPath) =>
            http.request({ method: "DELETE", path: itemPath }),
        );
    }

    async getProvisioningSettings(): Promise<ProvisioningSettings> {
        return this.management("/UserProvisioning", (http, settingsPath) =>
            http.request({ method: "GET", path: settingsPath, responseSchema: ProvisioningSettingsSchema }),
        );
    }

    async putProvisioningSettings(settings: ProvisioningSettingsWrite): Promise<ProvisioningSettings> {
        return this.management("/UserProvisioning", (http, settingsPath) =>
            http.request({
                method: "PUT",
                path: settingsPath,
                body: settings,
                bodySchema: ProvisioningSettingsWriteSchema,
                responseSchema: ProvisioningSettingsSchema,
            }),
        );
    }

    /** The Platform users view, including provisioned users' external identity fields. */
    async listUsers(): Promise<PlatformUser[]> {
        const { http, organizationId } = await this.connect();
        const usersPath = `/Organizations/${path(organizationId)}/Users`;
        return (await http.request({ method: "GET", path: usersPath, responseSchema: PlatformUserListSchema })).User;
    }
}
