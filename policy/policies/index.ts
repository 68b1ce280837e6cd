import type { Policies } from "@pulumi/policy";
import {
    scimConnectionOAuthClientCredentials,
    scimConnectionRemoveActionDisable,
    scimConnectionUrlDocuWare,
} from "./connection";
import { provisioningEnabled } from "./enabled";
import { propagationRuleMappingTargetsAccepted, propagationRuleRequiredMappings } from "./mappings";
import { clientSecretStoredAsSecret } from "./secrets";
import { docuWareProvisioningFedOnce, scimConnectionRulesDisjoint } from "./topology";
import { propagationRuleUserFilterRestricted } from "./userFilter";

export * from "./connection";
export * from "./enabled";
export * from "./mappings";
export * from "./secrets";
export * from "./topology";
export * from "./userFilter";

/** Every policy of the pack, in the order of the table in docs/policies.md. Importing this module starts nothing. */
export const policies: Policies = [
    propagationRuleRequiredMappings,
    propagationRuleMappingTargetsAccepted,
    propagationRuleUserFilterRestricted,
    scimConnectionUrlDocuWare,
    scimConnectionOAuthClientCredentials,
    clientSecretStoredAsSecret,
    scimConnectionRemoveActionDisable,
    provisioningEnabled,
    docuWareProvisioningFedOnce,
    scimConnectionRulesDisjoint,
];
