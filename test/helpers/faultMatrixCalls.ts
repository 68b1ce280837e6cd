import type { ApiCall, Operation } from "./faultMatrix";

const P = "/v1/environments/:envId";
const DW = "/DocuWare/Platform/Organizations/:organizationId";
const pingone = (route: string): ApiCall => ({ service: "pingone", route });
const docuware = (route: string): ApiCall => ({ service: "docuware", route });

/** The tokens and the DocuWare organization id every operation starts with (at the token endpoint in state). */
const SIGN_IN = [
    pingone("POST /:envId/as/token"),
    docuware("POST /:organizationId/connect/token"),
    docuware("GET /DocuWare/Platform/Organizations"),
];

/** A create has no state yet: DocuWare's token endpoint is discovered first. */
const DISCOVERY = [
    docuware("GET /DocuWare/Platform/Home/IdentityServiceInfo"),
    docuware("GET /:organizationId/.well-known/openid-configuration"),
];

/**
 * The API calls each operation on the component makes, as the emulators' request logs show them (DocuWare's SCIM
 * service is called by PingOne's provisioning engine, not by the operation). The fault matrix has one cell per call
 * and fault kind; the integration tier checks that the operations make exactly these calls, so the table cannot go
 * stale.
 */
export const OPERATION_CALLS: Record<Operation, ApiCall[]> = {
    up: [
        ...SIGN_IN,
        ...DISCOVERY,
        pingone(`GET ${P}/propagation/stores`),
        pingone(`POST ${P}/propagation/stores`),
        pingone(`GET ${P}/propagation/plans`),
        pingone(`POST ${P}/propagation/plans`),
        pingone(`GET ${P}/propagation/plans/:planId/rules`),
        pingone(`GET ${P}/populations`),
        pingone(`POST ${P}/propagation/plans/:planId/rules`),
        pingone(`POST ${P}/propagation/rules/:ruleId/mappings`),
        pingone(`PUT ${P}/propagation/rules/:ruleId`),
        pingone(`POST ${P}/propagation/revisions`),
        docuware(`POST ${DW}/AppRegistrations`), // listed only when the name is taken (409)
        docuware(`GET ${DW}/UserProvisioning`),
        docuware(`PUT ${DW}/UserProvisioning`),
    ],
    "preview --refresh": [
        ...SIGN_IN,
        pingone(`GET ${P}/propagation/stores/:storeId`),
        pingone(`GET ${P}/propagation/plans/:planId`),
        pingone(`GET ${P}/propagation/rules/:ruleId`),
        pingone(`GET ${P}/propagation/rules/:ruleId/mappings`),
        pingone(`GET ${P}/populations/:populationId`),
        pingone(`GET ${P}/propagation/revisions/:revisionId`),
        docuware(`GET ${DW}/AppRegistrations/:clientId`),
        docuware(`GET ${DW}/UserProvisioning`),
    ],
    destroy: [
        ...SIGN_IN,
        pingone(`PUT ${P}/propagation/rules/:ruleId`),
        pingone(`GET ${P}/propagation/rules/:ruleId/mappings`),
        pingone(`DELETE ${P}/propagation/mappings/:mappingId`),
        pingone(`GET ${P}/propagation/stores`), // does the connection deprovision on rule delete?
        pingone(`DELETE ${P}/propagation/rules/:ruleId`),
        pingone(`GET ${P}/propagation/plans/:planId/rules`),
        pingone(`DELETE ${P}/propagation/plans/:planId`),
        pingone(`DELETE ${P}/propagation/stores/:storeId`),
        docuware(`PUT ${DW}/UserProvisioning`),
        docuware(`DELETE ${DW}/AppRegistrations/:clientId`),
    ],
};

export const callName = (call: ApiCall): string => `${call.service} ${call.route}`;
