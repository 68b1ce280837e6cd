import { ConfigurationError } from "../core/errors";

/** PingOne regions by top-level domain, as the hosts `auth.pingone.<tld>` and `api.pingone.<tld>` use them. */
export const PINGONE_REGIONS = ["com", "eu", "asia", "ca", "com.au"] as const;
export type PingOneRegion = (typeof PINGONE_REGIONS)[number];

/** The region codes of the official Terraform provider (`PINGONE_REGION_CODE`), mapped to domains. */
const REGION_ALIASES: Record<string, PingOneRegion> = {
    na: "com",
    northamerica: "com",
    eu: "eu",
    europe: "eu",
    ap: "asia",
    asiapacific: "asia",
    ca: "ca",
    canada: "ca",
    au: "com.au",
    australia: "com.au",
};

export function parseRegion(value: string): PingOneRegion {
    const lower = value.trim().toLowerCase();
    const region = (PINGONE_REGIONS as readonly string[]).includes(lower)
        ? (lower as PingOneRegion)
        : REGION_ALIASES[lower.replace(/[-_\s]/g, "")];
    if (!region) {
        throw new ConfigurationError(
            `Unknown PingOne region "${value}"; use one of ${PINGONE_REGIONS.join(", ")} (or the Terraform codes NA, EU, AP, CA, AU).`,
        );
    }
    return region;
}

export interface PingOneEndpoints {
    /** Base of the token endpoint `{authUrl}/{environmentId}/as/token`. */
    authUrl: string;
    /** Management API base, ending in `/v1`. */
    apiUrl: string;
}

export function regionEndpoints(region: PingOneRegion): PingOneEndpoints {
    return { authUrl: `https://auth.pingone.${region}`, apiUrl: `https://api.pingone.${region}/v1` };
}
