import * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";
import type { ArgsDrift, AssertArgsMatch } from "../../dynamic/argsMatch";
import { ShimResource } from "../../dynamic/providerShim";
import type { ExistingAppRegistrationInputsSchema } from "./existingAppRegistrationDefinition";
import { definedInputs } from "../../dynamic/definedInputs";
import { shallowStackTraces } from "../../dynamic/shallowStackTraces";
import { withSecretOutputs } from "../../dynamic/secretOutputs";

export interface ExistingAppRegistrationArgs {
    /** DocuWare organization, e.g. `https://acme.docuware.cloud`. Defaults to `docuware:organizationUrl`. */
    readonly organizationUrl?: pulumi.Input<string>;
    /** Application (Client) ID of a registration made in DocuWare Configuration. Kept secret in state. */
    readonly clientId: pulumi.Input<string>;
    /** Its client secret (`pulumi config set --secret`). Kept secret in state. */
    readonly clientSecret: pulumi.Input<string>;
    /** The identity provider chosen in DocuWare's User Provisioning settings, as its slug. Defaults to "ping". */
    readonly identityProvider?: pulumi.Input<string>;
}

type _ArgsMatchSchema = AssertArgsMatch<
    ArgsDrift<
        ExistingAppRegistrationArgs,
        Omit<z.input<typeof ExistingAppRegistrationInputsSchema>, "credentialsAccepted">
    >
>;
/**
 * Existing-registration mode, for real DocuWare Cloud (which publishes no API for registrations or settings): takes
 * the credentials of a registration made in DocuWare Configuration, discovers the OAuth token URL, computes the SCIM
 * base URL for the identity provider, and checks on create, update and refresh that DocuWare issues a token and the
 * SCIM service accepts it. A refresh reports `credentialsAccepted` as drifted when they stop working.
 */
export class ExistingAppRegistration extends ShimResource {
    static readonly __pulumiType = "pulumi-nodejs:dynamic/docuware:ExistingAppRegistration";

    /** Application (Client) ID, kept secret in state. */
    declare readonly clientId: pulumi.Output<string>;
    /** The client secret, kept secret in state. */
    declare readonly clientSecret: pulumi.Output<string>;
    /** DocuWare's OAuth token URL (OAuth Token Request in PingOne), discovered from the organization. */
    declare readonly tokenUrl: pulumi.Output<string>;
    /** DocuWare's SCIM base URL for the identity provider (SCIM BASE URL in PingOne). */
    declare readonly scimBaseUrl: pulumi.Output<string>;
    /** The DocuWare organization, without a trailing slash. */
    declare readonly organizationUrl: pulumi.Output<string>;
    /** Whether DocuWare issued a token for the credentials and its SCIM service accepted it at the last check. */
    declare readonly credentialsAccepted: pulumi.Output<boolean>;

    constructor(name: string, args: ExistingAppRegistrationArgs, opts?: pulumi.CustomResourceOptions) {
        const restoreStackTraces = shallowStackTraces();
        try {
            super(
                "docuware:ExistingAppRegistration",
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
            );
        } finally {
            restoreStackTraces();
        }
    }
}
