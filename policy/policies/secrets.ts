import { type ResourceValidationArgs, type ResourceValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { DOCUWARE_PINGONE_PROVISIONING_TYPE } from "../../sdk/componentTypes";
import { AppRegistration } from "../../sdk/docuware/resources/appRegistration";
import { ExistingAppRegistration } from "../../sdk/docuware/resources/existingAppRegistration";
import { PropagationStore } from "../../sdk/pingone/resources/propagationStore";
import { label } from "../lib/resources";
import { isPlainSecretInput, markSecret } from "../lib/secrets";
import { isKnown, known } from "../lib/unknowns";
import { validateResourcesOfTypes } from "../lib/validations";

/** Reports an output that holds the client secret but is not kept secret in state. */
function requireSecretOutput(field: string) {
    return (_props: unknown, args: ResourceValidationArgs, reportViolation: (message: string) => void) => {
        if (!args.opts.additionalSecretOutputs.includes(field)) {
            reportViolation(
                `${label(args)} must store ${field} as a secret, but additionalSecretOutputs leaves it out; keep "${field}" in additionalSecretOutputs (no transform may drop it).`,
            );
        }
    };
}

/** Marks the given plain-text inputs secret; returns the props when something changed. */
function secretInputs<T extends object>(props: T, keys: readonly string[]): T | undefined {
    const plain = keys.filter((key) => isPlainSecretInput(props, key));
    plain.forEach((key) => markSecret(props, key));
    return plain.length > 0 ? props : undefined;
}

export const clientSecretStoredAsSecret: ResourceValidationPolicy = {
    name: "client-secret-stored-as-secret",
    description:
        "Checks whether the DocuWare app registration's client secret is stored as a secret wherever it is kept: the registration's outputs and the PingOne connection's oauthClientSecret.",
    enforcementLevel: "mandatory",
    severity: "critical",
    remediationSteps:
        'Keep the resources\' additionalSecretOutputs (they add the secret fields themselves), and pass client secrets as secrets (`config.requireSecret`). At the "remediate" level this policy also marks plain-text client secret inputs secret.',
    validateResource: validateResourcesOfTypes(
        validateResourceOfType(AppRegistration, requireSecretOutput("clientSecret")),
        validateResourceOfType(ExistingAppRegistration, requireSecretOutput("clientSecret")),
        validateResourceOfType(PropagationStore, requireSecretOutput("oauthClientSecret")),
    ),
    // Spans three resource types, which remediateResourceOfType cannot.
    remediateResource: (args) => {
        if (args.isType(ExistingAppRegistration)) {
            return secretInputs(args.props, ["clientId", "clientSecret"]);
        }
        if (args.isType(PropagationStore)) {
            return secretInputs(args.props, ["oauthClientSecret", "oauthAccessToken", "basicAuthPassword"]);
        }
        if (args.type === DOCUWARE_PINGONE_PROVISIONING_TYPE) {
            const registration = known(() => args.props.existingRegistration as unknown);
            if (isKnown(registration) && registration !== null && typeof registration === "object") {
                return secretInputs(registration, ["clientId", "clientSecret"]) && args.props;
            }
            return undefined;
        }
        return args.notApplicable("Policy only applies to resources that hold the client secret");
    },
};
