import { ConfigurationError } from "../core/errors";

/**
 * Every PingOne region, as the vendor Go SDK lists them (`pingone/model/region.go`: URL suffix, API code and name;
 * Singapore included). The suffix is the top-level domain of the hosts `auth.pingone.<tld>` and `api.pingone.<tld>`.
 */
const REGION_TABLE = [
    { tld: "com", code: "NA", names: ["NorthAmerica"] },
    { tld: "eu", code: "EU", names: ["Europe"] },
    { tld: "asia", code: "AP", names: ["AsiaPacific"] },
    { tld: "ca", code: "CA", names: ["Canada"] },
    { tld: "com.au", code: "AU", names: ["Australia-AsiaPacific", "Australia"] },
    { tld: "sg", code: "SG", names: ["Singapore"] },
] as const;

export type PingOneRegion = (typeof REGION_TABLE)[number]["tld"];
export const PINGONE_REGIONS: readonly PingOneRegion[] = REGION_TABLE.map((r) => r.tld);

/** The allowed values, for messages: `com, eu, asia, ca, com.au, sg`. */
export const PINGONE_REGION_LIST = PINGONE_REGIONS.join(", ");
/** The region codes of the official Terraform provider (`PINGONE_REGION_CODE`), for messages. */
export const PINGONE_REGION_CODE_LIST = REGION_TABLE.map((r) => r.code).join(", ");

const normalize = (value: string) =>
    value
        .trim()
        .toLowerCase()
        .replace(/[-_\s]/g, "");

/** Domains, Terraform codes (`NA`, `SG`, …) and the SDK's names (`NorthAmerica`, `Singapore`, …), normalized. */
const REGION_ALIASES = new Map<string, PingOneRegion>(
    REGION_TABLE.flatMap((r) => [r.tld, r.code, ...r.names].map((alias) => [normalize(alias), r.tld] as const)),
);

export function parseRegion(value: string): PingOneRegion {
    const region = REGION_ALIASES.get(normalize(value));
    if (!region) {
        throw new ConfigurationError(
            `Unknown PingOne region "${value}"; use one of ${PINGONE_REGION_LIST} (or the Terraform codes ${PINGONE_REGION_CODE_LIST}).`,
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
