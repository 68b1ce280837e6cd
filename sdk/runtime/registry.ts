import { appRegistrationDefinition } from "../docuware/resources/appRegistrationDefinition";
import { existingAppRegistrationDefinition } from "../docuware/resources/existingAppRegistrationDefinition";
import { userProvisioningDefinition } from "../docuware/resources/userProvisioningDefinition";
import { propagationPlanDefinition } from "../pingone/resources/propagationPlanDefinition";
import { propagationRevisionDefinition } from "../pingone/resources/propagationRevisionDefinition";
import { propagationRuleDefinition } from "../pingone/resources/propagationRuleDefinition";
import { propagationStoreDefinition } from "../pingone/resources/propagationStoreDefinition";
import type { ResourceDefinition } from "../dynamic/resourceDefinition";

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
