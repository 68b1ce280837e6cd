import type { Operation } from "./scaleRun";

const PROPAGATION = "/v1/environments/:envId/propagation";
const PLATFORM = "/DocuWare/Platform/Organizations/:organizationId";

const DOCUWARE_REDISCOVERY =
    "each provider call builds a new `DocuWareClient` (sdk/docuware/managementClient.ts), whose discovery and " +
    "organization lookup are cached per client only: repeated for each DocuWare resource of an organization";

/** The surplus of the three requests that reach an organization, explained once. */
const DOCUWARE_ACCESS = {
    "DocuWare GET /DocuWare/Platform/Home/IdentityServiceInfo": `avoidable: ${DOCUWARE_REDISCOVERY}`,
    "DocuWare GET /:organizationId/.well-known/openid-configuration": "avoidable: as `IdentityServiceInfo`",
    "DocuWare GET /DocuWare/Platform/Organizations": "avoidable: as `IdentityServiceInfo`",
};

/** Why a route got more requests than its minimum: by design (conflict checks) or avoidable (marked so). */
export const SURPLUS_NOTES: Record<Operation, Record<string, string>> = {
    up: {
        [`PingOne GET ${PROPAGATION}/stores`]:
            "by design: name-conflict check before creating each connection; avoidable: each rule looks the " +
            "directory store up again (`directoryStoreId`), once per stack would do",
        [`PingOne GET ${PROPAGATION}/plans/:planId/rules`]: "by design: name-conflict check before creating each rule",
        "PingOne GET /v1/environments/:envId/populations":
            "avoidable: each rule resolves the population name twice, in `create` and again in `converge` " +
            "(sdk/pingone/propagationRuleProvider.ts); once per stack would do",
        [`PingOne GET ${PROPAGATION}/rules/:ruleId/mappings`]:
            "avoidable: `syncMappings` lists the mappings of the rule created just before (always none), and " +
            "`toOutputs` lists them again after creating them (the POST responses carry them)",
        "PingOne GET /v1/environments/:envId/populations/:populationId":
            "avoidable: `toOutputs` → `liveUserFilter` reads back the population whose id was just resolved by name",
        [`DocuWare GET ${PLATFORM}/AppRegistrations`]:
            "by design: name-conflict check before creating the registration",
        ...DOCUWARE_ACCESS,
    },
    preview: {},
    "preview --refresh": {
        "PingOne GET /v1/environments/:envId/populations/:populationId":
            "avoidable: every rule reads the same population (`liveUserFilter`); a per-process cache would read it once",
        ...DOCUWARE_ACCESS,
    },
    destroy: {
        [`PingOne GET ${PROPAGATION}/rules/:ruleId`]: "avoidable: see `DELETE …/mappings/:mappingId`",
        [`PingOne PUT ${PROPAGATION}/rules/:ruleId`]: "avoidable: see `DELETE …/mappings/:mappingId`",
        [`PingOne GET ${PROPAGATION}/rules/:ruleId/mappings`]: "avoidable: see `DELETE …/mappings/:mappingId`",
        [`PingOne DELETE ${PROPAGATION}/mappings/:mappingId`]:
            "avoidable if PingOne cascades like the emulator (its cascade is marked 'inferred'): the rule's `delete` " +
            "reads it, deactivates it, lists and deletes its mappings one by one, then deletes it; deleting the rule " +
            "alone removes its mappings",
        ...DOCUWARE_ACCESS,
    },
};
