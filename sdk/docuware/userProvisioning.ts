import * as pulumi from "@pulumi/pulumi";
import { definedInputs } from "../providers/definedInputs";
import { providerShim } from "../providers/providerShim";
import { resourceOwner } from "../providers/resourceOwner";
import { shallowStackTraces } from "../providers/shallowStackTraces";

export interface UserProvisioningArgs {
    /** DocuWare organization, e.g. `https://acme.docuware.cloud`. Defaults to `docuware:organizationUrl`. */
    organizationUrl?: pulumi.Input<string>;
    /** Enable User Provisioning. Defaults to true. */
    enabled?: pulumi.Input<boolean>;
    /** Identity provider as its SCIM path slug: "ping" (default), "azure", "okta", "onpremise" or "generic-<identifier>". */
    identityProvider?: pulumi.Input<string>;
    /** The Application Registration to use (its client id), e.g. `AppRegistration.clientId`. */
    appRegistrationClientId: pulumi.Input<string>;
}

/**
 * The organization's User Provisioning settings (DocuWare Configuration > General > User Provisioning). They exist
 * once per organization: creating the resource records the settings it found, and deleting it puts them back.
 * Outputs the two values PingOne needs: the SCIM base URL and the OAuth token URL.
 *
 * Needs DocuWare's management API (see `AppRegistration`); for DocuWare Cloud use `ExistingAppRegistration`.
 */
export class UserProvisioning extends pulumi.dynamic.Resource {
    static readonly __pulumiType = "pulumi-nodejs:dynamic/docuware:UserProvisioning";

    declare readonly scimBaseUrl: pulumi.Output<string>;
    declare readonly tokenUrl: pulumi.Output<string>;
    declare readonly organizationUrl: pulumi.Output<string>;
    declare readonly enabled: pulumi.Output<boolean>;
    declare readonly identityProvider: pulumi.Output<string>;

    constructor(name: string, args: UserProvisioningArgs, opts?: pulumi.CustomResourceOptions) {
        const restoreStackTraces = shallowStackTraces();
        try {
            super(
                providerShim("docuware:UserProvisioning"),
                name,
                {
                    scimBaseUrl: undefined,
                    tokenUrl: undefined,
                    organizationUrl: undefined,
                    enabled: undefined,
                    identityProvider: undefined,
                    previousSettings: undefined,
                    ...definedInputs(args),
                    managedBy: resourceOwner(name),
                },
                opts,
                "docuware",
                "UserProvisioning",
            );
        } finally {
            restoreStackTraces();
        }
    }
}
