import { z } from "zod";
import { secureUrlProblem } from "../../core/urls";
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
        const problem = secureUrlProblem(url, "organizationUrl", "https://acme.docuware.cloud");
        if (problem) {
            context.addIssue({ code: "custom", message: problem });
            return z.NEVER;
        }
        return url;
    });
