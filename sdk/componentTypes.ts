/**
 * Type token of the `DocuWarePingOneProvisioning` component, here so the policy pack can recognise the component
 * without importing it (the pack depends on the resources only).
 */
export const DOCUWARE_PINGONE_PROVISIONING_TYPE = "docuware-pingone:index:DocuWarePingOneProvisioning";
