import * as pulumi from "@pulumi/pulumi";
import { DocuWarePingOneProvisioning, type ExistingRegistrationArgs, type pingone } from "pulumi-docuware-pingone";

// The reference deployment: user provisioning from PingOne to DocuWare as the DocuWare guide sets it up, driven only
// by the stack config documented in Pulumi.yaml. The same program runs against real PingOne and DocuWare Cloud and
// against this repository's emulators (`npm run demo`); only the config differs.
const config = new pulumi.Config();

// Real DocuWare Cloud has no API for app registrations: give the registration made in DocuWare Configuration.
// Without it, the program creates one through DocuWare's management API (docuware:clientId/clientSecret).
const registrationClientId = config.getSecret("registrationClientId");
const registrationClientSecret = config.getSecret("registrationClientSecret");
if ((registrationClientId === undefined) !== (registrationClientSecret === undefined)) {
    throw new pulumi.RunError(
        "Set both `registrationClientId` and `registrationClientSecret` (pulumi config set --secret …) to use an app " +
            "registration made in DocuWare Configuration, or neither to create one.",
    );
}
const existingRegistration: ExistingRegistrationArgs | undefined =
    registrationClientId && registrationClientSecret
        ? { clientId: registrationClientId, clientSecret: registrationClientSecret }
        : undefined;

const provisioning = new DocuWarePingOneProvisioning("docuware", {
    existingRegistration,
    appRegistrationName: config.get("appRegistrationName"),
    connectionName: config.get("connectionName"),
    ruleName: config.get("ruleName"),
    userFilter: { populationName: config.get("population") ?? "Default" },
    mappings: config.getObject<pingone.AttributeMappingArgs[]>("mappings"),
    connection: {
        removeAction: config.get<"Disable" | "Delete">("removeAction", { allowedValues: ["Disable", "Delete"] }),
        uniqueUserIdentifier: config.get<"userName" | "workEmail">("uniqueUserIdentifier", {
            allowedValues: ["userName", "workEmail"],
        }),
        deprovisionOnDelete: config.getBoolean("deprovisionOnDelete"),
    },
});

/** DocuWare's SCIM BASE URL PingOne provisions to. */
export const scimBaseUrl = provisioning.scimBaseUrl;
/** DocuWare's OAuth Token Request URL. */
export const tokenUrl = provisioning.tokenUrl;
/** The app registration's Application (Client) ID (secret when it comes from the config). */
export const clientId = provisioning.clientId;
/** Ids of the PingOne objects: the SCIM connection (store), the plan, the rule and the last published revision. */
export const connectionId = provisioning.storeId;
export const planId = provisioning.planId;
export const ruleId = provisioning.ruleId;
export const revisionId = provisioning.revisionId;
/** One line on what is switched on. */
export const status = provisioning.status;
