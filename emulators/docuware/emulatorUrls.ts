/** Path of the SCIM service below the organization host, followed by `/{slug}/scim`. */
export const SCIM_SERVICE_PATH = "/DocuWare/Services/UserProvisioningService";

/**
 * The public URLs of one emulated organization. They are only known once both listeners are bound, so routes read
 * them at request time.
 */
export class EmulatorUrls {
    /** Organization host, like `https://{org}.docuware.cloud`. */
    baseUrl = "";
    /** Identity host without the organization path, like `https://login-emea.docuware.cloud`. */
    identityHostUrl = "";
    identityPort = 0;

    constructor(private readonly organizationId: string) {}

    /** Like `https://login-emea.docuware.cloud/{org-guid}`. */
    get identityServiceUrl(): string {
        return `${this.identityHostUrl}/${this.organizationId}`;
    }

    get tokenEndpoint(): string {
        return `${this.identityServiceUrl}/connect/token`;
    }

    scimBaseUrl(slug: string): string {
        return `${this.baseUrl}${SCIM_SERVICE_PATH}/${slug}/scim`;
    }
}
