import * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";
import { definedInputs } from "../../dynamic/definedInputs";
import { ShimResource } from "../../dynamic/providerShim";
import { resourceOwner } from "../../dynamic/resourceOwner";
import { shallowStackTraces } from "../../dynamic/shallowStackTraces";
import { withSecretOutputs } from "../../dynamic/secretOutputs";
import type { ArgsDrift, AssertArgsMatch } from "../../dynamic/argsMatch";
import type { AppRegistrationInputsSchema } from "./appRegistrationDefinition";

export interface AppRegistrationArgs {
    /** DocuWare organization, e.g. `https://acme.docuware.cloud`. Defaults to `docuware:organizationUrl`. Changing it replaces the registration. */
    readonly organizationUrl?: pulumi.Input<string>;
    /** Application Name, unique in the organization. */
    readonly name: pulumi.Input<string>;
    /** Allowed Resources. Defaults to ["UserProvisioning"], all a SCIM client needs. */
    readonly allowedResources?: pulumi.Input<pulumi.Input<"Platform" | "UserProvisioning">[]>;
    /** Access token lifetime, 300–86400 seconds. Defaults to 3600 (DocuWare's default). */
    readonly accessTokenLifetimeSeconds?: pulumi.Input<number>;
    /**
     * Any value; changing it rotates the client secret in place (the registration and its client id stay). A refresh
     * reports this field as drifted when the stored secret stops working, e.g. after a rotation in DocuWare
     * Configuration; `pulumi up` then rotates it again and hands the new secret to everything that uses it.
     * Defaults to "1".
     */
    readonly secretVersion?: pulumi.Input<string | number>;
    /** Take over an existing registration with the same name instead of failing; its secret is rotated. Defaults to false. */
    readonly adopt?: pulumi.Input<boolean>;
}

type _ArgsMatchSchema = AssertArgsMatch<ArgsDrift<AppRegistrationArgs, z.input<typeof AppRegistrationInputsSchema>>>;

/**
 * A DocuWare app registration with the client-credentials grant, as "Create Application Registration" makes on the
 * User Provisioning page. The client secret is an output, kept secret in state.
 *
 * DocuWare Cloud publishes no API for app registrations: this resource needs a DocuWare that offers the management
 * API (such as this project's emulator). For DocuWare Cloud, create the registration in DocuWare Configuration and
 * use `ExistingAppRegistration`.
 */
export class AppRegistration extends ShimResource {
    static readonly __pulumiType = "pulumi-nodejs:dynamic/docuware:AppRegistration";

    /** Application (Client) ID; also the resource id. */
    declare readonly clientId: pulumi.Output<string>;
    /** The client secret, kept secret in state; changes when `secretVersion` changes. */
    declare readonly clientSecret: pulumi.Output<string>;
    /** The DocuWare organization, without a trailing slash. */
    declare readonly organizationUrl: pulumi.Output<string>;
    /** Application Name as DocuWare has it. */
    declare readonly name: pulumi.Output<string>;
    /** The `secretVersion` of the current secret; a refresh appends a note when the secret stopped working. */
    declare readonly secretVersion: pulumi.Output<string>;

    constructor(name: string, args: AppRegistrationArgs, opts?: pulumi.CustomResourceOptions) {
        const restoreStackTraces = shallowStackTraces();
        try {
            super(
                "docuware:AppRegistration",
                name,
                {
                    clientId: undefined,
                    clientSecret: undefined,
                    organizationUrl: undefined,
                    secretVersion: undefined,
                    ...definedInputs(args),
                    managedBy: resourceOwner(name),
                },
                withSecretOutputs(opts, ["clientSecret"]),
            );
        } finally {
            restoreStackTraces();
        }
    }
}
