import * as pulumi from "@pulumi/pulumi";
import { DocuWarePingOneProvisioning } from "pulumi-docuware-pingone";

// Real DocuWare Cloud publishes no API for app registrations or the User Provisioning settings, so an administrator
// makes them in DocuWare Configuration > General > User Provisioning (enable it, identity provider "Ping", create the
// registration) and hands over the registration's Application (Client) ID and Client secret as secrets. This program
// checks that DocuWare accepts them, derives the SCIM base URL and the token URL, and sets up the PingOne side of the
// guide: the SCIM Outbound connection and the rule for the population "Default" with the guide's mappings.
const config = new pulumi.Config();

const provisioning = new DocuWarePingOneProvisioning("docuware", {
    existingRegistration: {
        clientId: config.requireSecret("registrationClientId"),
        clientSecret: config.requireSecret("registrationClientSecret"),
    },
});

/** DocuWare's SCIM BASE URL for identity provider Ping. */
export const scimBaseUrl = provisioning.scimBaseUrl;
/** DocuWare's OAuth Token Request URL, discovered from the organization. */
export const tokenUrl = provisioning.tokenUrl;
export const connectionId = provisioning.storeId;
export const ruleId = provisioning.ruleId;
/** One line on what is switched on; "DocuWare provisioning on" means DocuWare accepted the registration. */
export const status = provisioning.status;
