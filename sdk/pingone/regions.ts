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

/** The allowed values, for messages: the domains, then the Terraform codes. */
export const REGION_CHOICES = `${PINGONE_REGIONS.join(", ")} (or the Terraform codes ${[
    ...new Set(Object.keys(REGION_ALIASES).filter((alias) => alias.length === 2)),
]
    .map((code) => code.toUpperCase())
    .join(", ")})`;

/** The region a domain or Terraform code names, or undefined when it names none. */
export function findRegion(value: string): PingOneRegion | undefined {
    const lower = value.trim().toLowerCase();
    return (PINGONE_REGIONS as readonly string[]).includes(lower)
        ? (lower as PingOneRegion)
        : REGION_ALIASES[lower.replace(/[-_\s]/g, "")];
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
