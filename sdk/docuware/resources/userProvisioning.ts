import * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";
import type { ArgsDrift, AssertArgsMatch } from "../../dynamic/argsMatch";
import { ShimResource } from "../../dynamic/providerShim";
import type { UserProvisioningInputsSchema } from "./userProvisioningDefinition";
import { definedInputs } from "../../dynamic/definedInputs";
import { resourceOwner } from "../../dynamic/resourceOwner";
import { shallowStackTraces } from "../../dynamic/shallowStackTraces";

export interface UserProvisioningArgs {
    /** DocuWare organization, e.g. `https://acme.docuware.cloud`. Defaults to `docuware:organizationUrl`. */
    readonly organizationUrl?: pulumi.Input<string>;
    /** Enable User Provisioning. Defaults to true. */
    readonly enabled?: pulumi.Input<boolean>;
    /** Identity provider as its SCIM path slug: "ping" (default), "azure", "okta", "onpremise" or "generic-<identifier>". */
    readonly identityProvider?: pulumi.Input<string>;
    /** The Application Registration to use (its client id), e.g. `AppRegistration.clientId`. */
    readonly appRegistrationClientId: pulumi.Input<string>;
}

type _ArgsMatchSchema = AssertArgsMatch<ArgsDrift<UserProvisioningArgs, z.input<typeof UserProvisioningInputsSchema>>>;
/**
 * The organization's User Provisioning settings (DocuWare Configuration > General > User Provisioning). They exist
 * once per organization: creating the resource records the settings it found, and deleting it puts them back.
 * Outputs the two values PingOne needs: the SCIM base URL and the OAuth token URL.
 *
 * Needs DocuWare's management API (see `AppRegistration`); for DocuWare Cloud use `ExistingAppRegistration`.
 */
export class UserProvisioning extends ShimResource {
    static readonly __pulumiType = "pulumi-nodejs:dynamic/docuware:UserProvisioning";

    /** DocuWare's SCIM base URL for the identity provider (SCIM BASE URL in PingOne). */
    declare readonly scimBaseUrl: pulumi.Output<string>;
    /** DocuWare's OAuth token URL (OAuth Token Request in PingOne). */
    declare readonly tokenUrl: pulumi.Output<string>;
    /** The DocuWare organization, without a trailing slash. */
    declare readonly organizationUrl: pulumi.Output<string>;
    /** Whether User Provisioning is enabled. */
    declare readonly enabled: pulumi.Output<boolean>;
    /** The identity provider as its SCIM path slug, e.g. "ping". */
    declare readonly identityProvider: pulumi.Output<string>;

    constructor(name: string, args: UserProvisioningArgs, opts?: pulumi.CustomResourceOptions) {
        const restoreStackTraces = shallowStackTraces();
        try {
            super(
                "docuware:UserProvisioning",
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
            );
        } finally {
            restoreStackTraces();
        }
    }
}
