import * as pulumi from "@pulumi/pulumi";
import { definedInputs } from "../providers/definedInputs";
import { providerShim } from "../providers/providerShim";
import { shallowStackTraces } from "../providers/shallowStackTraces";
import { withSecretOutputs } from "../providers/secretOutputs";

export interface ExistingAppRegistrationArgs {
    /** DocuWare organization, e.g. `https://acme.docuware.cloud`. Defaults to `docuware:organizationUrl`. */
    organizationUrl?: pulumi.Input<string>;
    /** Application (Client) ID of a registration made in DocuWare Configuration. Kept secret in state. */
    clientId: pulumi.Input<string>;
    /** Its client secret (`pulumi config set --secret`). Kept secret in state. */
    clientSecret: pulumi.Input<string>;
    /** The identity provider chosen in DocuWare's User Provisioning settings, as its slug. Defaults to "ping". */
    identityProvider?: pulumi.Input<string>;
}

/**
 * Existing-registration mode, for real DocuWare Cloud (which publishes no API for registrations or settings): takes
 * the credentials of a registration made in DocuWare Configuration, discovers the OAuth token URL, computes the SCIM
 * base URL for the identity provider, and checks on create, update and refresh that DocuWare issues a token and the
 * SCIM service accepts it. A refresh reports `credentialsAccepted` as drifted when they stop working.
 */
export class ExistingAppRegistration extends pulumi.dynamic.Resource {
    static readonly __pulumiType = "pulumi-nodejs:dynamic/docuware:ExistingAppRegistration";

    declare readonly clientId: pulumi.Output<string>;
    declare readonly clientSecret: pulumi.Output<string>;
    declare readonly tokenUrl: pulumi.Output<string>;
    declare readonly scimBaseUrl: pulumi.Output<string>;
    declare readonly organizationUrl: pulumi.Output<string>;
    declare readonly credentialsAccepted: pulumi.Output<boolean>;

    constructor(name: string, args: ExistingAppRegistrationArgs, opts?: pulumi.CustomResourceOptions) {
        const restoreStackTraces = shallowStackTraces();
        try {
            super(
                providerShim("docuware:ExistingAppRegistration"),
                name,
                {
                    tokenUrl: undefined,
                    scimBaseUrl: undefined,
                    organizationUrl: undefined,
                    credentialsAccepted: undefined,
                    checkFailure: undefined,
                    ...definedInputs(args),
                },
                withSecretOutputs(opts, ["clientId", "clientSecret"]),
                "docuware",
                "ExistingAppRegistration",
            );
        } finally {
            restoreStackTraces();
        }
    }
}
