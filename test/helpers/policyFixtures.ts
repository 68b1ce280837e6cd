import { GUIDE_MAPPINGS } from "../../components/provisioningArgs";
import { AppRegistration } from "../../sdk/docuware/appRegistration";
import { ExistingAppRegistration } from "../../sdk/docuware/existingAppRegistration";
import { UserProvisioning } from "../../sdk/docuware/userProvisioning";
import { PropagationRule } from "../../sdk/pingone/propagationRule";
import { PropagationStore } from "../../sdk/pingone/propagationStore";
import { Secret, type StackResourceSpec, UNKNOWN_STRING } from "./policyHarness";

/*
 * Happy-path props of the guide's setup, as the analyzer sees them: the inputs after each provider's `check` (zod
 * defaults applied) for resource policies, the outputs for stack policies.
 */

export const ORGANIZATION_URL = "https://acme.docuware.cloud";
export const SCIM_URL = `${ORGANIZATION_URL}/DocuWare/Services/UserProvisioningService/ping/scim`;
export const TOKEN_URL = "https://login-emea.docuware.cloud/0f7b43c2-2c1d-4d8c-9c9e-8c2b0e0d7a11/connect/token";
const ENVIRONMENT_ID = "a1b2c3d4-0000-4000-8000-000000000001";
const PROVIDER = "exports.handler = __f0;";

export type Props = Record<string, unknown>;

export const ruleProps = (): Props => ({
    environmentId: ENVIRONMENT_ID,
    region: "com",
    planId: "plan-1",
    name: "PingOne to DocuWare (acme)",
    targetStoreId: "store-1",
    userFilter: { populationName: "Default" },
    mappings: GUIDE_MAPPINGS.map((mapping) => ({ ...mapping })),
    active: true,
    adopt: false,
    __provider: PROVIDER,
});

export const storeProps = (): Props => ({
    environmentId: ENVIRONMENT_ID,
    region: "com",
    name: "DocuWare (acme)",
    enabled: true,
    managed: false,
    scimUrl: SCIM_URL,
    scimVersion: "2.0",
    usersResource: "/Users",
    authenticationMethod: "OAuth 2 Client Credentials",
    authorizationType: "Bearer",
    oauthTokenUrl: TOKEN_URL,
    oauthClientId: "client-1",
    oauthClientSecret: "s3cr3t",
    uniqueUserIdentifier: "userName",
    userFilter: 'userName eq "%s"',
    createUsers: true,
    updateUsers: true,
    disableUsers: true,
    removeAction: "Disable",
    adopt: false,
    __provider: PROVIDER,
});

/** The store as a fresh `pulumi preview` of DocuWarePingOneProvisioning shows it: check failed on the unknown URLs, so
 * the raw inputs (without defaults) reach the policies. */
export const previewStoreProps = (): Props => ({
    name: "DocuWare (acme)",
    enabled: true,
    scimUrl: UNKNOWN_STRING,
    authenticationMethod: "OAuth 2 Client Credentials",
    oauthTokenUrl: UNKNOWN_STRING,
    oauthClientId: UNKNOWN_STRING,
    oauthClientSecret: new Secret(UNKNOWN_STRING),
    __provider: PROVIDER,
});

export const userProvisioningProps = (): Props => ({
    organizationUrl: ORGANIZATION_URL,
    enabled: true,
    identityProvider: "ping",
    appRegistrationClientId: "client-1",
    __provider: PROVIDER,
});

export const appRegistrationProps = (): Props => ({
    organizationUrl: ORGANIZATION_URL,
    name: "PingOne provisioning (acme)",
    allowedResources: ["UserProvisioning"],
    accessTokenLifetimeSeconds: 3600,
    secretVersion: "1",
    adopt: false,
    __provider: PROVIDER,
});

export const existingAppRegistrationProps = (): Props => ({
    organizationUrl: ORGANIZATION_URL,
    clientId: new Secret("client-1"),
    clientSecret: new Secret("s3cr3t"),
    identityProvider: "ping",
    __provider: PROVIDER,
});

/** Resource options as our classes set them. */
export const secretOutputs = {
    appRegistration: { additionalSecretOutputs: ["clientSecret"] },
    existingAppRegistration: { additionalSecretOutputs: ["clientId", "clientSecret"] },
    store: { additionalSecretOutputs: ["oauthClientSecret", "oauthAccessToken", "basicAuthPassword"] },
};

/** The guide's deployed stack (outputs after `pulumi up`), with the engine's property dependencies. */
export function deployedStack(): StackResourceSpec[] {
    return [
        {
            resourceClass: UserProvisioning,
            name: "acme-docuware-provisioning",
            props: { ...userProvisioningProps(), scimBaseUrl: SCIM_URL, tokenUrl: TOKEN_URL },
        },
        {
            resourceClass: PropagationStore,
            name: "acme-connection",
            props: { ...storeProps(), storeId: "store-1", syncState: "SYNCING" },
            propertyDependencies: { scimUrl: ["acme-docuware-provisioning"] },
        },
        {
            resourceClass: PropagationRule,
            name: "acme-rule",
            props: {
                ...ruleProps(),
                ruleId: "rule-1",
                effectiveSourceStoreId: "directory-1",
                populationExpression: 'population.id eq "pop-default"',
            },
            propertyDependencies: { targetStoreId: ["acme-connection"] },
        },
    ];
}

/** The same stack in a fresh `pulumi preview`: ids and URLs from other resources are unknown. */
export function previewStack(): StackResourceSpec[] {
    return [
        {
            resourceClass: UserProvisioning,
            name: "acme-docuware-provisioning",
            props: { ...userProvisioningProps(), appRegistrationClientId: UNKNOWN_STRING },
        },
        {
            resourceClass: PropagationStore,
            name: "acme-connection",
            props: previewStoreProps(),
            propertyDependencies: { scimUrl: ["acme-docuware-provisioning"] },
        },
        {
            resourceClass: PropagationRule,
            name: "acme-rule",
            props: { ...ruleProps(), planId: UNKNOWN_STRING, targetStoreId: UNKNOWN_STRING },
            propertyDependencies: { targetStoreId: ["acme-connection"] },
        },
    ];
}

/** The resource classes, re-exported for the specs. */
export { AppRegistration, ExistingAppRegistration, PropagationRule, PropagationStore, UserProvisioning };
