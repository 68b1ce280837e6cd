export * from "./resources/appRegistration";
export * from "./resources/existingAppRegistration";
export * from "./resources/userProvisioning";
export { DocuWareClient } from "./api/docuWareClient";
export { DocuWareScimClient } from "./api/docuWareScimClient";
export { discoverIdentityService } from "./api/discovery";
export { scimBaseUrl } from "./api/identityProvider";
export { checkDocuWareProvisioning, type CheckStep, type ProvisioningCheck } from "./api/verification";
export { DOCUWARE_SCIM_TARGETS } from "./api/scimTargets";
