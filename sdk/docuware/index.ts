export * from "./appRegistration";
export * from "./existingAppRegistration";
export * from "./userProvisioning";
export { DocuWareClient } from "./managementClient";
export { DocuWareScimClient } from "./scimClient";
export { discoverIdentityService } from "./discovery";
export { scimBaseUrl } from "./identityProvider";
export { checkDocuWareProvisioning, type CheckStep, type ProvisioningCheck } from "./verification";
export { DOCUWARE_SCIM_TARGETS } from "./scimTargets";
