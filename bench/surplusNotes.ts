import type { Operation } from "./scaleRun";

const PROPAGATION = "/v1/environments/:envId/propagation";
const PLATFORM = "/DocuWare/Platform/Organizations/:organizationId";

const MAPPING_CLEANUP =
    "by design: PingOne removing a rule's mappings with the rule is inferred (the emulator's cascade is marked so); " +
    "the rule's `delete` lists and deletes them itself, which leaves no orphan either way; avoidable if PingOne " +
    "cascades (one list and one delete per mapping)";

/** Why a route got more requests than its minimum: by design (conflict checks, safety) or avoidable (marked so). */
export const SURPLUS_NOTES: Record<Operation, Record<string, string>> = {
    up: {
        [`PingOne GET ${PROPAGATION}/stores`]:
            "by design: name-conflict checks of the connections, from the listing that finds the directory store " +
            "(one per environment and operation; more only when the operation outlasts the listing's 15 s)",
        [`PingOne GET ${PROPAGATION}/plans/:planId/rules`]:
            "by design: name-conflict checks of the rules, one listing per plan and operation",
        [`DocuWare GET ${PLATFORM}/AppRegistrations`]:
            "by design: a registration is created first and the organization's registrations are listed only when " +
            "DocuWare refuses the name (409: an orphan to finish or a registration to adopt)",
    },
    preview: {},
    "preview --refresh": {},
    destroy: {
        [`PingOne PUT ${PROPAGATION}/rules/:ruleId`]:
            "by design: the rule is switched off before its mappings and its connection go, so that no user is " +
            "deprovisioned by a half-deleted rule",
        [`PingOne GET ${PROPAGATION}/rules/:ruleId/mappings`]: MAPPING_CLEANUP,
        [`PingOne DELETE ${PROPAGATION}/mappings/:mappingId`]: MAPPING_CLEANUP,
        [`PingOne GET ${PROPAGATION}/stores`]:
            "by design: whether a rule's connection deprovisions on delete (`managed`: the rule is deleted with " +
            '`?deprovision=true`, Docs "Delete Rule"), from one listing of the environment\'s connections shared by ' +
            "the operation's rules (more only when the operation outlasts the listing's 15 s)",
    },
};
