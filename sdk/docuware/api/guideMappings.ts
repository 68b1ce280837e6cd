/** The attribute mappings the DocuWare guide requires: without them DocuWare users cannot log in or be matched. */
export const REQUIRED_MAPPINGS = [
    { source: "username", target: "userName" }, // Username → userName
    { source: "email", target: "workEmail" }, // Email Address → workEmail
    { source: "id", target: "externalId" }, // User ID → externalId
    { source: "enabled", target: "active" }, // Enabled → active
] as const;

/** The optional mappings of the guide. */
export const OPTIONAL_MAPPINGS = [
    { source: "name.family", target: "familyName" }, // Family Name → familyName
    { source: "name.given", target: "givenName" }, // Given Name → givenName
] as const;

/** The guide's mappings, required first. */
export const GUIDE_MAPPINGS: readonly { source: string; target: string }[] = [
    ...REQUIRED_MAPPINGS,
    ...OPTIONAL_MAPPINGS,
];
