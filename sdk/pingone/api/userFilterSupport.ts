import { type Filter, parse } from "scim2-parse-filter";
import { ProvisioningError } from "../../core/errors";

/**
 * Attributes PingOne's `GET /users?filter=` accepts per operator, from PingOne's "SCIM filter language" page
 * (docs.pingidentity.com/pingone/directory/p1_scim_filter_language.html). The page's `eq` list is cut short where we
 * read it; `id`, `username`, `email`, `population.id`, `enabled` and `externalId` are added from the API's examples
 * (`username eq "…"`, `population.id eq "…"` in dynamic groups) — inferred. `pr`, `ne`, `gt`, `not` are unsupported.
 */
const STARTS_WITH = [
    "accountId",
    "address.streetAddress",
    "address.locality",
    "address.region",
    "address.postalCode",
    "address.countryCode",
    "email",
    "enabled",
    "externalId",
    "locale",
    "mobilePhone",
    "name.formatted",
    "name.given",
    "name.middle",
    "name.family",
    "name.honorificPrefix",
    "name.honorificSuffix",
    "nickname",
    "photo.href",
    "preferredLanguage",
    "primaryPhone",
    "timezone",
    "title",
    "type",
    "username",
];
const SUPPORTED: Record<string, ReadonlySet<string>> = {
    eq: new Set(["id", "population.id", ...STARTS_WITH].map((a) => a.toLowerCase())),
    sw: new Set(STARTS_WITH.map((a) => a.toLowerCase())),
    ew: new Set(["email", "name.family", "name.given"]),
    co: new Set(["name.family", "name.given"]),
};

/** A rule's `populationExpression` parsed with scim2-parse-filter; a malformed one names the rule's field. */
export function parsePopulationExpression(expression: string): Filter {
    try {
        return parse(expression);
    } catch (error) {
        throw new ProvisioningError(
            `The population expression ${JSON.stringify(expression)} is not a valid SCIM filter (${(error as Error).message}); fix userFilter.expression.`,
        );
    }
}

/** True when PingOne's users endpoint can evaluate the expression itself (every comparison is one it supports). */
export function pingOneCanFilterUsers(filter: Filter): boolean {
    switch (filter.op) {
        case "and":
        case "or":
            return filter.filters.every(pingOneCanFilterUsers);
        case "eq":
        case "sw":
        case "ew":
        case "co":
            return SUPPORTED[filter.op]?.has(filter.attrPath.toLowerCase()) === true;
        default:
            return false;
    }
}
