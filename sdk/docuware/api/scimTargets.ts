/**
 * The flat target names of PingOne's SCIM connection whose SCIM attribute DocuWare's "Core2EnterpriseUser" stores:
 * the core user attributes, name parts, work email and phone numbers. PingOne refuses any other flat name
 * (`jobTitle`, …); the work address fields it offers are dropped by DocuWare. The rule, the component and the
 * policy pack all check mappings against this list.
 */
export const DOCUWARE_SCIM_TARGETS = [
    "userName",
    "externalId",
    "active",
    "displayName",
    "title",
    "nickName",
    "userType",
    "preferredLanguage",
    "locale",
    "timezone",
    "givenName",
    "familyName",
    "middleName",
    "formattedName",
    "workEmail",
    "workPhone",
    "mobilePhone",
] as const;

export function isDocuWareScimTarget(target: string): boolean {
    return (DOCUWARE_SCIM_TARGETS as readonly string[]).includes(target);
}

/** Why `target` cannot be a mapping target for DocuWare, naming `field` and the fix; undefined when it can. */
export function scimTargetProblem(field: string, target: string): string | undefined {
    if (isDocuWareScimTarget(target)) {
        return undefined;
    }
    return `${field} "${target}" is not an attribute DocuWare's SCIM service accepts; use one of ${DOCUWARE_SCIM_TARGETS.join(", ")}`;
}
