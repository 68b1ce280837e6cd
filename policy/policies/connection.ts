import {
    type ReportViolation,
    type ResourceValidationArgs,
    type ResourceValidationPolicy,
    validateResourceOfType,
} from "@pulumi/policy";
import { ExistingAppRegistration } from "../../sdk/docuware/resources/existingAppRegistration";
import { UserProvisioning } from "../../sdk/docuware/resources/userProvisioning";
import { PropagationStore } from "../../sdk/pingone/resources/propagationStore";
import { configSchema, policyConfig } from "../lib/config";
import { GUIDE_URL } from "../lib/guide";
import { label, quoted } from "../lib/resources";
import { isKnown, snapshot } from "../lib/unknowns";
import { SCIM_SERVICE_PATH, isSecureUrl, parseScimBaseUrl } from "../lib/urls";
import { IDENTITY_PROVIDER_SLUG } from "../../sdk/docuware/api/identityProvider";
import { validateResourcesOfTypes } from "../lib/validations";

const CLIENT_CREDENTIALS = "OAuth 2 Client Credentials";
const LOOPBACK_HINT = "(http only on loopback, with allowLoopbackHttp)";

const allowLoopbackHttpSchema = {
    type: "boolean" as const,
    description: "Accept plain http on 127.0.0.1/localhost, for the local emulators. Never set it for real stacks.",
};

export interface ScimConnectionUrlConfig {
    /** Accept http URLs on loopback hosts (the emulators). Defaults to false. */
    allowLoopbackHttp?: boolean;
    /** The identity provider chosen in DocuWare's User Provisioning settings, as its URL slug. Defaults to "ping". */
    identityProvider?: string;
}

const scimUrlDefaults: Required<ScimConnectionUrlConfig> = { allowLoopbackHttp: false, identityProvider: "ping" };

/** DocuWare's URL paths are case-insensitive: `Ping` and `ping` are the same identity provider. */
const sameSlug = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** The DocuWare side: its organization URL becomes the SCIM URL, and its identity provider the URL's slug. */
function checkDocuWareSide(
    props: { organizationUrl?: unknown; identityProvider?: unknown },
    args: ResourceValidationArgs,
    reportViolation: ReportViolation,
): void {
    const resource = snapshot(props);
    const what = label(args);
    const config = policyConfig(args, scimUrlDefaults);
    const identityProvider = resource.identityProvider ?? "ping";
    if (typeof identityProvider === "string" && !sameSlug(identityProvider, config.identityProvider)) {
        reportViolation(
            `${what} must use identity provider ${quoted(config.identityProvider)} for PingOne, but identityProvider is ${quoted(identityProvider)}; set identityProvider to ${quoted(config.identityProvider)}.`,
        );
    }
    const organizationUrl = resource.organizationUrl;
    if (typeof organizationUrl === "string" && !isSecureUrl(organizationUrl, config.allowLoopbackHttp)) {
        reportViolation(
            `${what} must use an https organizationUrl, but it is ${quoted(organizationUrl)}; use the organization's https URL, e.g. https://acme.docuware.cloud ${LOOPBACK_HINT}.`,
        );
    }
}

export const scimConnectionUrlDocuWare: ResourceValidationPolicy = {
    name: "scim-connection-url-docuware",
    description:
        "Checks whether the PingOne SCIM connection uses DocuWare's https User Provisioning URL whose identity-provider path matches DocuWare's settings (ping), and the DocuWare side is set up for it.",
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps:
        "Use the SCIM BASE URL shown in DocuWare Configuration > General > User Provisioning (e.g. https://acme.docuware.cloud/DocuWare/Services/UserProvisioningService/ping/scim), with identity provider Ping; DocuWarePingOneProvisioning wires it for you.",
    url: GUIDE_URL,
    configSchema: configSchema<ScimConnectionUrlConfig>(scimUrlDefaults, {
        allowLoopbackHttp: allowLoopbackHttpSchema,
        identityProvider: {
            type: "string",
            description: 'The identity-provider slug of the SCIM URL: "ping" for PingOne.',
            pattern: IDENTITY_PROVIDER_SLUG.source,
        },
    }),
    validateResource: validateResourcesOfTypes(
        validateResourceOfType(PropagationStore, (props, args, reportViolation) => {
            const config = policyConfig(args, scimUrlDefaults);
            const { scimUrl } = snapshot(props);
            if (!isKnown(scimUrl) || typeof scimUrl !== "string") {
                return;
            }
            if (!isSecureUrl(scimUrl, config.allowLoopbackHttp)) {
                reportViolation(
                    `${label(args)} must use an https scimUrl, but it is ${quoted(scimUrl)}; use DocuWare's https SCIM BASE URL ${LOOPBACK_HINT}.`,
                );
                return;
            }
            const slug = parseScimBaseUrl(scimUrl)?.identityProvider;
            const expectedPath = `${SCIM_SERVICE_PATH}/${config.identityProvider}/scim`;
            if (slug === undefined) {
                reportViolation(
                    `${label(args)} must use a DocuWare User Provisioning URL (…${expectedPath}), but scimUrl is ${quoted(scimUrl)}; copy the SCIM BASE URL from DocuWare's User Provisioning settings.`,
                );
            } else if (!sameSlug(slug, config.identityProvider)) {
                reportViolation(
                    `${label(args)} must use the identity-provider path ${quoted(config.identityProvider)} of DocuWare's settings, but scimUrl uses ${quoted(slug)}; use …${expectedPath}.`,
                );
            }
        }),
        validateResourceOfType(UserProvisioning, checkDocuWareSide),
        validateResourceOfType(ExistingAppRegistration, checkDocuWareSide),
    ),
};

export interface ScimConnectionOAuthConfig {
    /** Accept an http token URL on loopback hosts (the emulators). Defaults to false. */
    allowLoopbackHttp?: boolean;
}

const oauthDefaults: Required<ScimConnectionOAuthConfig> = { allowLoopbackHttp: false };

export const scimConnectionOAuthClientCredentials: ResourceValidationPolicy = {
    name: "scim-connection-oauth-client-credentials",
    description:
        'Checks whether the PingOne SCIM connection authenticates with "OAuth 2 Client Credentials" against an https token URL, as DocuWare\'s SCIM service requires.',
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps:
        'Set authenticationMethod to "OAuth 2 Client Credentials" with the DocuWare app registration\'s client id and secret, and oauthTokenUrl to the OAuth Token Request URL DocuWare shows.',
    url: GUIDE_URL,
    configSchema: configSchema<ScimConnectionOAuthConfig>(oauthDefaults, {
        allowLoopbackHttp: allowLoopbackHttpSchema,
    }),
    validateResource: validateResourceOfType(PropagationStore, (props, args, reportViolation) => {
        const { allowLoopbackHttp } = policyConfig(args, oauthDefaults);
        const store = snapshot(props);
        const method = store.authenticationMethod ?? CLIENT_CREDENTIALS;
        if (isKnown(method) && method !== CLIENT_CREDENTIALS) {
            reportViolation(
                `${label(args)} must authenticate with ${quoted(CLIENT_CREDENTIALS)}, but authenticationMethod is ${quoted(method)}; use the DocuWare app registration's client id and secret with DocuWare's token URL.`,
            );
            return;
        }
        const tokenUrl = store.oauthTokenUrl;
        if (!isKnown(tokenUrl)) {
            return;
        }
        if (tokenUrl === undefined || tokenUrl === "") {
            reportViolation(
                `${label(args)} must set oauthTokenUrl; use the OAuth Token Request URL from DocuWare's User Provisioning settings.`,
            );
        } else if (!isSecureUrl(tokenUrl, allowLoopbackHttp)) {
            reportViolation(
                `${label(args)} must use an https oauthTokenUrl, but it is ${quoted(tokenUrl)}; use DocuWare's https OAuth Token Request URL ${LOOPBACK_HINT}.`,
            );
        }
    }),
};

export const scimConnectionRemoveActionDisable: ResourceValidationPolicy = {
    name: "scim-connection-remove-action-disable",
    description:
        'Checks whether the PingOne SCIM connection disables deprovisioned DocuWare users (REMOVE_ACTION "Disable") instead of deleting them.',
    enforcementLevel: "advisory",
    severity: "medium",
    remediationSteps:
        'Set removeAction to "Disable" (the default; `connection.removeAction` of DocuWarePingOneProvisioning), so users who leave the rule\'s scope keep their DocuWare account, disabled.',
    url: GUIDE_URL,
    validateResource: validateResourceOfType(PropagationStore, (props, args, reportViolation) => {
        const { removeAction } = snapshot(props);
        if (removeAction === "Delete") {
            reportViolation(
                `${label(args)} must disable deprovisioned DocuWare users rather than delete them, but removeAction is "Delete"; set removeAction to "Disable".`,
            );
        }
    }),
};
