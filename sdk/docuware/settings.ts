import { readSetting, requireSettings } from "../config/stackConfig";

export const DOCUWARE_SETTING_SOURCES = {
    organizationUrl: { configKey: "docuware:organizationUrl", envVars: ["DOCUWARE_ORGANIZATION_URL"] },
    clientId: { configKey: "docuware:clientId", envVars: ["DOCUWARE_CLIENT_ID"] },
    clientSecret: { configKey: "docuware:clientSecret", envVars: ["DOCUWARE_CLIENT_SECRET"], secret: true },
} as const;

/** The organization URL from config, for resources that do not set one. */
export function configuredOrganizationUrl(): string | undefined {
    return readSetting(DOCUWARE_SETTING_SOURCES.organizationUrl);
}

/** An Organization Administrator credential for the management API (app registrations, provisioning settings). */
export function docuWareAdminCredentials(): { clientId: string; clientSecret: string } {
    return requireSettings("DocuWare", {
        clientId: DOCUWARE_SETTING_SOURCES.clientId,
        clientSecret: DOCUWARE_SETTING_SOURCES.clientSecret,
    });
}
