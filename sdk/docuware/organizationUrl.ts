import { z } from "zod";
import { configuredOrganizationUrl } from "./settings";

/**
 * The `organizationUrl` input of DocuWare resources, e.g. `https://acme.docuware.cloud`: defaults to
 * `docuware:organizationUrl` (DOCUWARE_ORGANIZATION_URL); stored without a trailing slash.
 */
export const OrganizationUrlSchema = z
    .string()
    .optional()
    .transform((value, context) => {
        const url = (value ?? configuredOrganizationUrl())?.replace(/\/+$/, "");
        if (!url) {
            context.addIssue({
                code: "custom",
                message:
                    "no DocuWare organization: set `organizationUrl` (e.g. https://acme.docuware.cloud), or the stack config `docuware:organizationUrl` (DOCUWARE_ORGANIZATION_URL)",
            });
            return z.NEVER;
        }
        if (!/^https?:\/\/[^/\s]+/i.test(url)) {
            context.addIssue({
                code: "custom",
                message: `organizationUrl must be an absolute http(s) URL such as https://acme.docuware.cloud, got "${url}"`,
            });
            return z.NEVER;
        }
        return url;
    });
