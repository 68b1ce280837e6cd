import type * as pulumi from "@pulumi/pulumi";
import { AppRegistration, type AppRegistrationArgs } from "../../sdk/docuware/resources/appRegistration";
import { AppRegistrationInputsSchema } from "../../sdk/docuware/resources/appRegistrationDefinition";
import {
    ExistingAppRegistration,
    type ExistingAppRegistrationArgs,
} from "../../sdk/docuware/resources/existingAppRegistration";
import { ExistingAppRegistrationInputsSchema } from "../../sdk/docuware/resources/existingAppRegistrationDefinition";
import { GUIDE_MAPPINGS } from "../../sdk/docuware/api/guideMappings";
import { UserProvisioning, type UserProvisioningArgs } from "../../sdk/docuware/resources/userProvisioning";
import { UserProvisioningInputsSchema } from "../../sdk/docuware/resources/userProvisioningDefinition";
import { PropagationRule, type PropagationRuleArgs } from "../../sdk/pingone/resources/propagationRule";
import { PropagationStore, type PropagationStoreArgs } from "../../sdk/pingone/resources/propagationStore";
import { PropagationStoreInputsSchema } from "../../sdk/pingone/resources/propagationStoreDefinition";
import { PropagationRuleInputsSchema } from "../../sdk/pingone/resources/propagationRuleInputs";
import { Secret, type StackResourceSpec, UNKNOWN_STRING } from "./policyHarness";

/*
 * Happy-path props of the guide's setup, as the analyzer sees them: the inputs after each provider's `check` (its
 * schema's defaults applied) for resource policies, the outputs for stack policies. Written as the resources' Args.
 */

export const ORGANIZATION_URL = "https://acme.docuware.cloud";
export const SCIM_URL = `${ORGANIZATION_URL}/DocuWare/Services/UserProvisioningService/ping/scim`;
export const TOKEN_URL = "https://login-emea.docuware.cloud/0f7b43c2-2c1d-4d8c-9c9e-8c2b0e0d7a11/connect/token";
export const PLAN_ID = "b2c3d4e5-0000-4000-8000-000000000002";
export const STORE_ID = "c3d4e5f6-0000-4000-8000-000000000003";
const ENVIRONMENT_ID = "a1b2c3d4-0000-4000-8000-000000000001";
const PROVIDER = "exports.handler = __f0;";

export type Props = Record<string, unknown>;

/**
 * The props the analyzer sees for a resource's Args: the provider's own input schema applied (its defaults filled
 * in), without undefined values, with the serialized provider.
 */
function checked<Args>(schema: { parse(value: unknown): unknown }, args: pulumi.Unwrap<Args>): Props {
    return { ...(JSON.parse(JSON.stringify(schema.parse(args))) as Props), __provider: PROVIDER };
}

export const ruleProps = (): Props =>
    checked<PropagationRuleArgs>(PropagationRuleInputsSchema, {
        environmentId: ENVIRONMENT_ID,
        region: "com",
        planId: PLAN_ID,
        name: "PingOne to DocuWare (acme)",
        targetStoreId: STORE_ID,
        userFilter: { populationName: "Default" },
        mappings: GUIDE_MAPPINGS.map((mapping) => ({ ...mapping })),
    });

export const storeProps = (): Props =>
    checked<PropagationStoreArgs>(PropagationStoreInputsSchema, {
        environmentId: ENVIRONMENT_ID,
        region: "com",
        name: "DocuWare (acme)",
        scimUrl: SCIM_URL,
        oauthTokenUrl: TOKEN_URL,
        oauthClientId: "client-1",
        oauthClientSecret: "s3cr3t",
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

export const userProvisioningProps = (): Props =>
    checked<UserProvisioningArgs>(UserProvisioningInputsSchema, {
        organizationUrl: ORGANIZATION_URL,
        appRegistrationClientId: "client-1",
    });

export const appRegistrationProps = (): Props =>
    checked<AppRegistrationArgs>(AppRegistrationInputsSchema, {
        organizationUrl: ORGANIZATION_URL,
        name: "PingOne provisioning (acme)",
    });

export const existingAppRegistrationProps = (): Props => ({
    ...checked<ExistingAppRegistrationArgs>(ExistingAppRegistrationInputsSchema, {
        organizationUrl: ORGANIZATION_URL,
        clientId: "client-1",
        clientSecret: "s3cr3t",
    }),
    clientId: new Secret("client-1"),
    clientSecret: new Secret("s3cr3t"),
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
            props: { ...storeProps(), storeId: STORE_ID, syncState: "SYNCING" },
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
