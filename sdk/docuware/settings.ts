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

const ADMIN_CREDENTIALS_FORMAT =
    '`docuware:adminCredentials` (DOCUWARE_ADMIN_CREDENTIALS) must be JSON like {"https://acme.docuware.cloud": {"clientId": "…", "clientSecret": "…"}}';

function parseAdminCredentials(raw: string): z.infer<typeof AdminCredentialsMapSchema> {
    let json: unknown;
    try {
        json = JSON.parse(raw);
    } catch {
        // No cause: the parser's message quotes the text, which holds secrets not yet registered for redaction.
        throw new ConfigurationError(`${ADMIN_CREDENTIALS_FORMAT}; it is not valid JSON.`);
    }
    const result = AdminCredentialsMapSchema.safeParse(json);
    if (!result.success) {
        // zod issues name paths and expectations, never the values.
        throw new ConfigurationError(`${ADMIN_CREDENTIALS_FORMAT}; ${z.prettifyError(result.error)}`, {
            cause: result.error,
        });
    }
    return result.data;
}

/**
 * An Organization Administrator credential for the management API (app registrations, provisioning settings): the
 * organization's entry in `docuware:adminCredentials` when there is one, else `docuware:clientId`/`clientSecret`.
 */
export function docuWareAdminCredentials(organizationUrl?: string): { clientId: string; clientSecret: string } {
    const raw = readSetting(DOCUWARE_SETTING_SOURCES.adminCredentials);
    if (raw !== undefined && organizationUrl !== undefined) {
        const parsed = parseAdminCredentials(raw);
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
