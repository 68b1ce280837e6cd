import { appRegistrationDefinition } from "../docuware/appRegistrationProvider";
import { existingAppRegistrationDefinition } from "../docuware/existingAppRegistrationProvider";
import { userProvisioningDefinition } from "../docuware/userProvisioningProvider";
import { propagationPlanDefinition } from "../pingone/propagationPlanProvider";
import { propagationRevisionDefinition } from "../pingone/propagationRevisionProvider";
import { propagationRuleDefinition } from "../pingone/propagationRuleProvider";
import { propagationStoreDefinition } from "../pingone/propagationStoreProvider";
import type { ResourceDefinition } from "./definition";

/** Every resource kind this package manages. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const definitions: ResourceDefinition<any, any>[] = [
    appRegistrationDefinition,
    userProvisioningDefinition,
    existingAppRegistrationDefinition,
    propagationPlanDefinition,
    propagationStoreDefinition,
    propagationRuleDefinition,
    propagationRevisionDefinition,
];
