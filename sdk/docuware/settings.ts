import { z } from "zod";
import { readSetting, requireSettings } from "../config/stackConfig";
import { ConfigurationError } from "../core/errors";
import { registerSecret } from "../core/secrets";
import { normalizeUrl } from "../core/urls";

export const DOCUWARE_SETTING_SOURCES = {
    organizationUrl: { configKey: "docuware:organizationUrl", envVars: ["DOCUWARE_ORGANIZATION_URL"] },
    clientId: { configKey: "docuware:clientId", envVars: ["DOCUWARE_CLIENT_ID"] },
    clientSecret: { configKey: "docuware:clientSecret", envVars: ["DOCUWARE_CLIENT_SECRET"], secret: true },
    /** Per-organization admin credentials, JSON: `{"https://acme.docuware.cloud": {"clientId": …, "clientSecret": …}}`. */
    adminCredentials: {
        configKey: "docuware:adminCredentials",
        envVars: ["DOCUWARE_ADMIN_CREDENTIALS"],
        secret: true,
    },
} as const;

const AdminCredentialsMapSchema = z.record(
    z.string(),
    z.object({ clientId: z.string().min(1), clientSecret: z.string().min(1) }),
);

/** The organization URL from config, for resources that do not set one. */
export function configuredOrganizationUrl(): string | undefined {
    return readSetting(DOCUWARE_SETTING_SOURCES.organizationUrl);
}

/**
 * An Organization Administrator credential for the management API (app registrations, provisioning settings): the
 * organization's entry in `docuware:adminCredentials` when there is one, else `docuware:clientId`/`clientSecret`.
 */
export function docuWareAdminCredentials(organizationUrl?: string): { clientId: string; clientSecret: string } {
    const raw = readSetting(DOCUWARE_SETTING_SOURCES.adminCredentials);
    if (raw !== undefined && organizationUrl !== undefined) {
        let parsed: z.infer<typeof AdminCredentialsMapSchema>;
        try {
            parsed = AdminCredentialsMapSchema.parse(JSON.parse(raw));
        } catch {
            throw new ConfigurationError(
                '`docuware:adminCredentials` must be JSON like {"https://acme.docuware.cloud": {"clientId": "…", "clientSecret": "…"}}.',
            );
        }
        Object.values(parsed).forEach((c) => registerSecret(c.clientSecret));
        const entry = Object.entries(parsed).find(([url]) => normalizeUrl(url) === normalizeUrl(organizationUrl));
        if (entry) {
            return entry[1];
        }
    }
    return requireSettings("DocuWare", {
        clientId: DOCUWARE_SETTING_SOURCES.clientId,
        clientSecret: DOCUWARE_SETTING_SOURCES.clientSecret,
    });
}
