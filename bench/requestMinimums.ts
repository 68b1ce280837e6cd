import type { Operation } from "./scaleRun";

/** Requests one route needs at least for an operation: some per component, some once per stack. */
export interface MinimumRequest {
    /** `"<service> <METHOD> <route pattern>"`, as the emulators count it. */
    route: string;
    perComponent: number;
    perStack: number;
    why: string;
}

const PROPAGATION = "/v1/environments/:envId/propagation";
const PLATFORM = "/DocuWare/Platform/Organizations/:organizationId";
const PINGONE_TOKEN = "PingOne POST /:envId/as/token";

const perComponent = (count: number, route: string, why: string): MinimumRequest => ({
    route,
    perComponent: count,
    perStack: 0,
    why,
});
const perStack = (count: number, route: string, why: string): MinimumRequest => ({
    route,
    perComponent: 0,
    perStack: count,
    why,
});

const ORGANIZATION_ID = perComponent(
    1,
    "DocuWare GET /DocuWare/Platform/Organizations",
    "organization id for the management paths",
);

/** What reaching one DocuWare organization's management API takes the first time: discovery, then its id. */
const DOCUWARE_ACCESS: MinimumRequest[] = [
    perComponent(
        1,
        "DocuWare GET /DocuWare/Platform/Home/IdentityServiceInfo",
        "discovery: identity service of the organization",
    ),
    perComponent(1, "DocuWare GET /:organizationId/.well-known/openid-configuration", "discovery: token endpoint"),
    ORGANIZATION_ID,
];

/** Later operations sign in at the token endpoint in state: only the organization's id is looked up. */
const DOCUWARE_ACCESS_FROM_STATE: MinimumRequest[] = [ORGANIZATION_ID];

/**
 * The fewest requests each operation needs against the emulated APIs for `DocuWarePingOneProvisioning` components
 * sharing one plan: the creates/updates/deletes the APIs require, one read per managed object on refresh, one token
 * per credential, DocuWare discovery once per organization at create (later operations use the token endpoint in
 * state). Name-conflict checks before a create are a design
 * choice of the providers, not counted here.
 */
export const REQUEST_MINIMUMS: Record<Operation, MinimumRequest[]> = {
    up: [
        perStack(1, PINGONE_TOKEN, "worker app token (one credential)"),
        perStack(1, `PingOne GET ${PROPAGATION}/plans`, "one plan per environment: look for one to adopt"),
        perStack(1, `PingOne POST ${PROPAGATION}/plans`, "create the shared plan"),
        perStack(1, `PingOne GET ${PROPAGATION}/stores`, "find the PingOne Directory store, source of the rules"),
        perStack(1, "PingOne GET /v1/environments/:envId/populations", 'resolve the population "Default" to its id'),
        perComponent(1, `PingOne POST ${PROPAGATION}/stores`, "create the SCIM connection"),
        perComponent(1, `PingOne POST ${PROPAGATION}/plans/:planId/rules`, "create the rule, inactive"),
        perComponent(6, `PingOne POST ${PROPAGATION}/rules/:ruleId/mappings`, "the guide's six attribute mappings"),
        perComponent(
            1,
            `PingOne PUT ${PROPAGATION}/rules/:ruleId`,
            "activate the rule (refused while it has no mappings)",
        ),
        perComponent(1, `PingOne POST ${PROPAGATION}/revisions`, "publish the component's revision"),
        ...DOCUWARE_ACCESS,
        perComponent(
            1,
            "DocuWare POST /:organizationId/connect/token",
            "admin token (one credential per organization)",
        ),
        perComponent(1, `DocuWare POST ${PLATFORM}/AppRegistrations`, "create the app registration"),
        perComponent(1, `DocuWare GET ${PLATFORM}/UserProvisioning`, "record the settings found, restored on destroy"),
        perComponent(1, `DocuWare PUT ${PLATFORM}/UserProvisioning`, "enable User Provisioning for Ping"),
    ],
    preview: [],
    "preview --refresh": [
        perStack(1, PINGONE_TOKEN, "worker app token"),
        perStack(1, `PingOne GET ${PROPAGATION}/plans/:planId`, "read the shared plan"),
        perStack(
            1,
            "PingOne GET /v1/environments/:envId/populations/:populationId",
            "name of the rules' (shared) population",
        ),
        perComponent(1, `PingOne GET ${PROPAGATION}/stores/:storeId`, "read the connection"),
        perComponent(1, `PingOne GET ${PROPAGATION}/rules/:ruleId`, "read the rule"),
        perComponent(1, `PingOne GET ${PROPAGATION}/rules/:ruleId/mappings`, "read the rule's mappings"),
        perComponent(1, `PingOne GET ${PROPAGATION}/revisions/:revisionId`, "read the revision"),
        ...DOCUWARE_ACCESS_FROM_STATE,
        perComponent(
            2,
            "DocuWare POST /:organizationId/connect/token",
            "admin token, and one with the registration's own secret (rotated outside Pulumi?)",
        ),
        perComponent(1, `DocuWare GET ${PLATFORM}/AppRegistrations/:clientId`, "read the registration"),
        perComponent(1, `DocuWare GET ${PLATFORM}/UserProvisioning`, "read the settings"),
    ],
    destroy: [
        perStack(1, PINGONE_TOKEN, "worker app token"),
        perComponent(1, `PingOne DELETE ${PROPAGATION}/rules/:ruleId`, "delete the rule (its mappings go with it)"),
        perComponent(1, `PingOne DELETE ${PROPAGATION}/stores/:storeId`, "delete the connection"),
        perStack(1, `PingOne GET ${PROPAGATION}/plans/:planId/rules`, "the plan is deleted only when no rule uses it"),
        perStack(1, `PingOne DELETE ${PROPAGATION}/plans/:planId`, "delete the plan this stack created"),
        ...DOCUWARE_ACCESS_FROM_STATE,
        perComponent(1, "DocuWare POST /:organizationId/connect/token", "admin token"),
        perComponent(1, `DocuWare PUT ${PLATFORM}/UserProvisioning`, "restore the settings found at create"),
        perComponent(1, `DocuWare DELETE ${PLATFORM}/AppRegistrations/:clientId`, "delete the registration"),
    ],
};

/** The minimum of one route (0 when the route is not needed) for `components` components. */
export function minimumFor(operation: Operation, route: string, components: number): number {
    return REQUEST_MINIMUMS[operation]
        .filter((m) => m.route === route)
        .reduce((sum, m) => sum + m.perComponent * components + m.perStack, 0);
}

/** The minimum number of requests of an operation for `components` components. */
export function minimumTotal(operation: Operation, components: number): number {
    return REQUEST_MINIMUMS[operation].reduce((sum, m) => sum + m.perComponent * components + m.perStack, 0);
}
