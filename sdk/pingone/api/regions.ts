import { ConfigurationError } from "../../core/errors";

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

/** The domains, for messages: `com, eu, asia, ca, com.au, sg`. */
export const PINGONE_REGION_LIST = PINGONE_REGIONS.join(", ");

/** The allowed values, for messages: the domains, then the Terraform codes (`PINGONE_REGION_CODE`). */
export const REGION_CHOICES = `${PINGONE_REGION_LIST} (or the Terraform codes ${REGION_TABLE.map((r) => r.code).join(", ")})`;

const normalize = (value: string) =>
    value
        .trim()
        .toLowerCase()
        .replace(/[-_\s]/g, "");

/** Domains, Terraform codes (`NA`, `SG`, …) and the SDK's names (`NorthAmerica`, `Singapore`, …), normalized. */
const REGION_ALIASES = new Map<string, PingOneRegion>(
    REGION_TABLE.flatMap((r) => [r.tld, r.code, ...r.names].map((alias) => [normalize(alias), r.tld] as const)),
);

/** The region a domain, Terraform code or SDK name names, or undefined when it names none. */
export function findRegion(value: string): PingOneRegion | undefined {
    return REGION_ALIASES.get(normalize(value));
}

/** Why `value` is not a PingOne region, or undefined when it is one. */
export function regionProblem(value: string): string | undefined {
    return findRegion(value) === undefined
        ? `Unknown PingOne region "${value}"; use one of ${REGION_CHOICES}`
        : undefined;
}

/** The region `value` names; a `ConfigurationError` naming `setting` (the config key and variable) when none. */
export function parseRegion(value: string, setting?: string): PingOneRegion {
    const region = findRegion(value);
    if (!region) {
        throw new ConfigurationError(`${regionProblem(value)}${setting ? ` in ${setting}` : ""}.`);
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
