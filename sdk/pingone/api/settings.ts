import { readSetting, requireSettings } from "../../config/stackConfig";
import { ConfigurationError } from "../../core/errors";
import type { ClientAuthStyle } from "../../core/tokenSource";
import { pingOneIdProblem } from "./pingOneId";
import { type PingOneEndpoints, type PingOneRegion, REGION_CHOICES, parseRegion, regionEndpoints } from "./regions";

/** How the package reaches PingOne: a worker application's credentials and the region (or custom URLs). */
export interface PingOneSettings extends PingOneEndpoints {
    clientId: string;
    clientSecret: string;
    /** Environment of the worker application; also the default environment resources are created in. */
    environmentId: string;
    /** How the worker application authenticates at the token endpoint; `auto` by default. */
    tokenEndpointAuthMethod?: ClientAuthStyle;
}

/**
 * Stack config keys and environment variables, named like the official PingOne Terraform/Pulumi provider's, so
 * one configuration serves both.
 */
export const PINGONE_SETTING_SOURCES = {
    clientId: { configKey: "pingone:clientId", envVars: ["PINGONE_CLIENT_ID"] },
    clientSecret: { configKey: "pingone:clientSecret", envVars: ["PINGONE_CLIENT_SECRET"], secret: true },
    environmentId: { configKey: "pingone:environmentId", envVars: ["PINGONE_ENVIRONMENT_ID"] },
    regionCode: { configKey: "pingone:regionCode", envVars: ["PINGONE_REGION_CODE"] },
    authUrl: { configKey: "pingone:authUrl", envVars: ["PINGONE_AUTH_URL"] },
    apiUrl: { configKey: "pingone:apiUrl", envVars: ["PINGONE_API_URL"] },
    tokenEndpointAuthMethod: {
        configKey: "pingone:tokenEndpointAuthMethod",
        envVars: ["PINGONE_TOKEN_ENDPOINT_AUTH_METHOD"],
    },
} as const;

/** Accepted values of `pingone:tokenEndpointAuthMethod`, with the OAuth names of the two methods as synonyms. */
const AUTH_METHODS: Record<string, ClientAuthStyle> = {
    auto: "auto",
    basic: "basic",
    post: "post",
    client_secret_basic: "basic",
    client_secret_post: "post",
};

/**
 * A worker application authenticates with CLIENT_SECRET_BASIC or CLIENT_SECRET_POST, chosen per application (SDK enum
 * `EnumApplicationOIDCTokenAuthMethod`); `auto` works with either.
 */
function tokenEndpointAuthMethod(): ClientAuthStyle {
    const source = PINGONE_SETTING_SOURCES.tokenEndpointAuthMethod;
    const raw = readSetting(source);
    if (raw === undefined) {
        return "auto";
    }
    const method = AUTH_METHODS[raw.trim().toLowerCase()];
    if (!method) {
        throw new ConfigurationError(
            `\`${source.configKey}\` (${source.envVars.join(" / ")}) must be auto, basic or post, got "${raw}"; ` +
                "leave it unset (auto) unless the worker application must use one method.",
        );
    }
    return method;
}

/** Settings from stack config and environment; `region` overrides the configured region code. */
export function pingOneSettings(region?: PingOneRegion): PingOneSettings {
    const { clientId, clientSecret, environmentId } = requireSettings("PingOne", {
        clientId: PINGONE_SETTING_SOURCES.clientId,
        clientSecret: PINGONE_SETTING_SOURCES.clientSecret,
        environmentId: PINGONE_SETTING_SOURCES.environmentId,
    });
    const problem = configuredEnvironmentIdProblem(environmentId);
    if (problem) {
        throw new ConfigurationError(problem);
    }
    return {
        clientId,
        clientSecret,
        environmentId,
        tokenEndpointAuthMethod: tokenEndpointAuthMethod(),
        ...pingOneEndpoints(region),
    };
}

/** Why the configured environment id (`pingone:environmentId` / PINGONE_ENVIRONMENT_ID) is not a PingOne id. */
export function configuredEnvironmentIdProblem(environmentId: string): string | undefined {
    const { configKey, envVars } = PINGONE_SETTING_SOURCES.environmentId;
    return pingOneIdProblem(
        `the stack config \`${configKey}\` (${envVars.join(" / ")})`,
        environmentId,
        `set it to the worker application's Environment ID: pulumi config set ${configKey} <id>`,
    );
}

/** Custom URLs (proxies, emulators) win over the region's hosts. */
function pingOneEndpoints(regionOverride?: PingOneRegion): PingOneEndpoints {
    const region = regionOverride ?? readSetting(PINGONE_SETTING_SOURCES.regionCode);
    const authUrl = readSetting(PINGONE_SETTING_SOURCES.authUrl);
    const apiUrl = readSetting(PINGONE_SETTING_SOURCES.apiUrl);
    if (authUrl && apiUrl) {
        return { authUrl: trimSlash(authUrl), apiUrl: trimSlash(apiUrl) };
    }
    if (!region) {
        throw new ConfigurationError(
            `PingOne region is not set; set \`pingone:regionCode\` (or PINGONE_REGION_CODE) to ${REGION_CHOICES}, ` +
                "or both `pingone:authUrl` and `pingone:apiUrl` (PINGONE_AUTH_URL, PINGONE_API_URL) for a custom endpoint.",
        );
    }
    const endpoints = regionEndpoints(
        regionOverride ?? parseRegion(region, "`pingone:regionCode` (PINGONE_REGION_CODE)"),
    );
    return { authUrl: trimSlash(authUrl ?? endpoints.authUrl), apiUrl: trimSlash(apiUrl ?? endpoints.apiUrl) };
}

function trimSlash(url: string): string {
    return url.replace(/\/+$/, "");
}
