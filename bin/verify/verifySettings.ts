import { type HttpSettings, httpSettings } from "../../sdk/config/httpSettings";
import { type SettingSource, readSetting } from "../../sdk/config/stackConfig";
import { ConfigurationError } from "../../sdk/core/errors";
import { registerSecret } from "../../sdk/core/secrets";
import { IdentityProviderSlugSchema } from "../../sdk/docuware/api/identityProvider";
import { DOCUWARE_SETTING_SOURCES } from "../../sdk/docuware/api/settings";

/**
 * What `verify` reads besides the providers' settings: flags win, then (with `--stack`) the stack's config, then the
 * environment, as for the providers.
 */
export const VERIFY_SETTING_SOURCES = {
    organizationUrl: DOCUWARE_SETTING_SOURCES.organizationUrl,
    identityProvider: { configKey: "docuware-pingone:identityProvider", envVars: ["DOCUWARE_IDENTITY_PROVIDER"] },
    scimClientId: { configKey: "docuware-pingone:scimClientId", envVars: ["DOCUWARE_SCIM_CLIENT_ID"] },
    scimClientSecret: {
        configKey: "docuware-pingone:scimClientSecret",
        envVars: ["DOCUWARE_SCIM_CLIENT_SECRET"],
        secret: true,
    },
    connection: { configKey: "docuware-pingone:connection", envVars: ["PINGONE_CONNECTION"] },
    connectionSecret: {
        configKey: "docuware-pingone:connectionSecret",
        envVars: ["PINGONE_CONNECTION_SECRET"],
        secret: true,
    },
} as const satisfies Record<string, SettingSource>;

export interface VerifyFlags {
    organizationUrl?: string;
    identityProvider?: string;
    scimClientId?: string;
    scimClientSecret?: string;
    userName?: string;
    connection?: string;
    connectionSecret?: string;
    /** Seconds per request. */
    timeout?: number;
    retries?: number;
}

/** The DocuWare side as far as it is configured; the PingOne connection may supply the rest. */
export interface DocuWareSettings {
    organizationUrl?: string;
    identityProvider?: string;
    clientId?: string;
    clientSecret?: string;
    probeUserName?: string;
}

export interface VerifySettings {
    docuware: DocuWareSettings;
    /** Id or name of the PingOne SCIM connection to check. */
    connection?: string;
    connectionSecret?: string;
    http: HttpSettings;
}

/** Resolves and validates what to verify; throws a `ConfigurationError` naming the flag and variable to fix. */
export function verifySettings(flags: VerifyFlags): VerifySettings {
    registerSecret(flags.scimClientSecret);
    registerSecret(flags.connectionSecret);
    const setting = (flag: string | undefined, source: SettingSource) => flag || readSetting(source);
    const sources = VERIFY_SETTING_SOURCES;
    const docuware: DocuWareSettings = {
        organizationUrl: setting(flags.organizationUrl, sources.organizationUrl),
        identityProvider: setting(flags.identityProvider, sources.identityProvider),
        clientId: setting(flags.scimClientId, sources.scimClientId),
        clientSecret: setting(flags.scimClientSecret, sources.scimClientSecret),
        probeUserName: flags.userName,
    };
    const connection = setting(flags.connection, sources.connection);
    if (!connection && !docuware.organizationUrl) {
        throw new ConfigurationError(
            "Nothing to verify: set --organization-url (DOCUWARE_ORGANIZATION_URL) with --scim-client-id and " +
                "--scim-client-secret (DOCUWARE_SCIM_CLIENT_ID, DOCUWARE_SCIM_CLIENT_SECRET) to check DocuWare, " +
                "and/or --connection (PINGONE_CONNECTION) to check a PingOne connection.",
        );
    }
    if (!connection) {
        const missing = [
            !docuware.clientId && "--scim-client-id (DOCUWARE_SCIM_CLIENT_ID)",
            !docuware.clientSecret && "--scim-client-secret (DOCUWARE_SCIM_CLIENT_SECRET)",
        ].filter(Boolean);
        if (missing.length > 0) {
            throw new ConfigurationError(
                `Checking DocuWare needs the app registration PingOne uses; set ${missing.join(" and ")}, or --connection to take them from the PingOne connection.`,
            );
        }
    }
    validateOrganizationUrl(docuware.organizationUrl);
    validateIdentityProvider(docuware.identityProvider);
    return {
        docuware,
        connection,
        connectionSecret: setting(flags.connectionSecret, sources.connectionSecret),
        http: timing(flags),
    };
}

function timing(flags: VerifyFlags): HttpSettings {
    const configured = httpSettings();
    return {
        timeoutMs: flags.timeout === undefined ? configured.timeoutMs : flags.timeout * 1000,
        retry: flags.retries === undefined ? configured.retry : { ...configured.retry, maxRetries: flags.retries },
    };
}

function validateOrganizationUrl(url: string | undefined): void {
    if (url === undefined) {
        return;
    }
    let protocol: string | undefined;
    try {
        protocol = new URL(url).protocol;
    } catch {
        protocol = undefined;
    }
    if (protocol !== "https:" && protocol !== "http:") {
        throw new ConfigurationError(
            `--organization-url (DOCUWARE_ORGANIZATION_URL) must be an absolute https URL such as https://acme.docuware.cloud, got "${url}".`,
        );
    }
}

function validateIdentityProvider(slug: string | undefined): void {
    if (slug !== undefined && !IdentityProviderSlugSchema.safeParse(slug).success) {
        throw new ConfigurationError(
            `--identity-provider (DOCUWARE_IDENTITY_PROVIDER) must be "ping", "azure", "okta", "onpremise" or "generic-<identifier>", got "${slug}".`,
        );
    }
}
