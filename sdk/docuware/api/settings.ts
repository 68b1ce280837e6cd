import { z } from "zod";
import { readSetting, requireSettings } from "../../config/stackConfig";
import { ConfigurationError } from "../../core/errors";
import { registerSecret } from "../../core/secrets";
import { normalizeUrl } from "../../core/urls";

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

type AdminCredentials = { clientId: string; clientSecret: string };

const ADMIN_CREDENTIALS_FORMAT =
    '`docuware:adminCredentials` (DOCUWARE_ADMIN_CREDENTIALS) must be JSON like {"https://acme.docuware.cloud": {"clientId": "…", "clientSecret": "…"}}';

/**
 * The last `docuware:adminCredentials` parsed, by normalized URL: every resource of every organization reads it
 * (check and each operation), and parsing the whole map each time grew with organizations × resources.
 */
let lastParsed: { raw: string; byUrl: Map<string, AdminCredentials> } | undefined;

function parseAdminCredentials(raw: string): Map<string, AdminCredentials> {
    if (lastParsed?.raw === raw) {
        return lastParsed.byUrl;
    }
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
    Object.values(result.data).forEach((c) => registerSecret(c.clientSecret));
    // The first entry of a URL wins, as before.
    const byUrl = new Map<string, AdminCredentials>();
    for (const [url, credentials] of Object.entries(result.data)) {
        if (!byUrl.has(normalizeUrl(url))) {
            byUrl.set(normalizeUrl(url), credentials);
        }
    }
    lastParsed = { raw, byUrl };
    return byUrl;
}

/** `docuware:adminCredentials` by normalized organization URL; empty when it is not set. */
function configuredAdminCredentials(): Map<string, AdminCredentials> {
    const raw = readSetting(DOCUWARE_SETTING_SOURCES.adminCredentials);
    return raw === undefined ? new Map() : parseAdminCredentials(raw);
}

/** Whether the stack's configuration names this organization: `docuware:organizationUrl` or a key of `adminCredentials`. */
export function isConfiguredOrganization(organizationUrl: string): boolean {
    const url = normalizeUrl(organizationUrl);
    const configured = configuredOrganizationUrl();
    return (configured !== undefined && normalizeUrl(configured) === url) || configuredAdminCredentials().has(url);
}

/**
 * An Organization Administrator credential for the management API (app registrations, provisioning settings): the
 * organization's entry in `docuware:adminCredentials` when there is one, else `docuware:clientId`/`clientSecret`.
 */
export function docuWareAdminCredentials(organizationUrl?: string): AdminCredentials {
    const entry =
        organizationUrl === undefined ? undefined : configuredAdminCredentials().get(normalizeUrl(organizationUrl));
    if (entry) {
        return entry;
    }
    return requireSettings("DocuWare", {
        clientId: DOCUWARE_SETTING_SOURCES.clientId,
        clientSecret: DOCUWARE_SETTING_SOURCES.clientSecret,
    });
}
