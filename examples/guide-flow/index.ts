import { DocuWarePingOneProvisioning } from "pulumi-docuware-pingone";

// The DocuWare guide "How to integrate PingOne to User Provisioning", with its defaults: an app registration named
// "PingOne provisioning (docuware)", DocuWare User Provisioning on with identity provider Ping, a SCIM Outbound
// connection in PingOne with the registration's credentials and DocuWare's two URLs, and a rule that provisions the
// population "Default" with the guide's six attribute mappings. Where and as whom comes from the stack config only
// (see README.md).
const provisioning = new DocuWarePingOneProvisioning("docuware");

/** DocuWare's SCIM BASE URL, as the guide copies it into PingOne. */
export const scimBaseUrl = provisioning.scimBaseUrl;
/** DocuWare's OAuth Token Request URL. */
export const tokenUrl = provisioning.tokenUrl;
/** The app registration's Application (Client) ID. */
export const clientId = provisioning.clientId;
export const connectionId = provisioning.storeId;
export const ruleId = provisioning.ruleId;
/** One line on what is switched on. */
export const status = provisioning.status;
