import { type ResourceValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { UserProvisioning } from "../../sdk/docuware/resources/userProvisioning";
import { PropagationRule } from "../../sdk/pingone/resources/propagationRule";
import { PropagationStore } from "../../sdk/pingone/resources/propagationStore";
import { GUIDE_URL } from "../lib/guide";
import { label } from "../lib/resources";
import { snapshot } from "../lib/unknowns";
import { validateResourcesOfTypes } from "../lib/validations";

export const provisioningEnabled: ResourceValidationPolicy = {
    name: "provisioning-enabled",
    description:
        "Checks whether DocuWare User Provisioning, the PingOne SCIM connection and the PingOne rule are switched on, so users are actually provisioned.",
    enforcementLevel: "advisory",
    severity: "low",
    remediationSteps:
        "Set `enabled: true` on UserProvisioning and PropagationStore and `active: true` on PropagationRule (with DocuWarePingOneProvisioning: leave out docuwareProvisioningEnabled, connectionEnabled and ruleEnabled, or set them to true).",
    url: GUIDE_URL,
    validateResource: validateResourcesOfTypes(
        validateResourceOfType(UserProvisioning, (props, args, reportViolation) => {
            if (snapshot(props).enabled === false) {
                reportViolation(
                    `${label(args)} must be enabled, or DocuWare refuses PingOne's SCIM requests; set enabled to true.`,
                );
            }
        }),
        validateResourceOfType(PropagationStore, (props, args, reportViolation) => {
            if (snapshot(props).enabled === false) {
                reportViolation(
                    `${label(args)} must be enabled, or PingOne provisions no one to DocuWare; set enabled to true.`,
                );
            }
        }),
        validateResourceOfType(PropagationRule, (props, args, reportViolation) => {
            if (snapshot(props).active === false) {
                reportViolation(
                    `${label(args)} must be active, or PingOne provisions no one to DocuWare; set active to true.`,
                );
            }
        }),
    ),
};
