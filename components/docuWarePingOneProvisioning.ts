import { createHash } from "node:crypto";
import * as pulumi from "@pulumi/pulumi";
import { AppRegistration } from "../sdk/docuware/resources/appRegistration";
import { ExistingAppRegistration } from "../sdk/docuware/resources/existingAppRegistration";
import { UserProvisioning } from "../sdk/docuware/resources/userProvisioning";
import { PropagationPlan } from "../sdk/pingone/resources/propagationPlan";
import { PropagationRevision } from "../sdk/pingone/resources/propagationRevision";
import { PropagationRule } from "../sdk/pingone/resources/propagationRule";
import { PropagationStore } from "../sdk/pingone/resources/propagationStore";
import { DOCUWARE_PINGONE_PROVISIONING_TYPE } from "../sdk/componentTypes";
import { InvalidArgumentsError } from "../sdk/core/errors";
import { shallowStackTraces } from "../sdk/dynamic/shallowStackTraces";
import { GUIDE_MAPPINGS } from "../sdk/docuware/api/guideMappings";
import type { DocuWarePingOneProvisioningArgs } from "./provisioningArgs";
import { providerSettingsProblems } from "./providerSettingsProblems";
import { validateArgs } from "./validateArgs";

/**
 * User provisioning from PingOne to DocuWare, as the DocuWare guide sets it up by hand, in the guide's order:
 * app registration → DocuWare User Provisioning settings (identity provider Ping) → PingOne SCIM connection with the
 * registration's credentials and URLs → plan → rule with user filter and mappings → enable → revision.
 *
 * @example
 * const provisioning = new DocuWarePingOneProvisioning("acme", {
 *     organizationUrl: "https://acme.docuware.cloud",
 *     environmentId: "a1b2c3d4-…",
 * });
 * export const scimBaseUrl = provisioning.scimBaseUrl;
 */
export class DocuWarePingOneProvisioning extends pulumi.ComponentResource {
    static readonly __pulumiType = DOCUWARE_PINGONE_PROVISIONING_TYPE;

    /** DocuWare's SCIM base URL PingOne provisions to. */
    readonly scimBaseUrl: pulumi.Output<string>;
    /** DocuWare's OAuth token URL PingOne gets tokens from. */
    readonly tokenUrl: pulumi.Output<string>;
    /** Client id of the DocuWare app registration (secret when it came from `existingRegistration`). */
    readonly clientId: pulumi.Output<string>;
    /** Id of the PingOne SCIM connection. */
    readonly storeId: pulumi.Output<string>;
    /** Id of the propagation plan the rule belongs to. */
    readonly planId: pulumi.Output<string>;
    /** Id of the provisioning rule. */
    readonly ruleId: pulumi.Output<string>;
    /** Id of the last published revision. */
    readonly revisionId: pulumi.Output<string>;
    /** One line on what is enabled, e.g. "DocuWare provisioning on (ping); connection "DocuWare (acme)" on; rule … on, 6 mappings". */
    readonly status: pulumi.Output<string>;

    constructor(name: string, args: DocuWarePingOneProvisioningArgs = {}, opts?: pulumi.ComponentResourceOptions) {
        // Like the child resources: the SDK's tracked promises of this registration and of its outputs capture
        // shallow stacks (`shallowStackTraces`).
        const restoreStackTraces = shallowStackTraces();
        try {
            super(DocuWarePingOneProvisioning.__pulumiType, name, {}, opts);
            const problems = validateArgs(args);
            if (problems.length === 0) {
                problems.push(...providerSettingsProblems(args));
            }
            if (problems.length > 0) {
                throw new InvalidArgumentsError(
                    `Invalid arguments for DocuWarePingOneProvisioning "${name}":\n${problems.map((p) => `  - ${p}`).join("\n")}`,
                    problems,
                    this,
                    true, // the message says what to fix; a stack trace would only point into this package
                );
            }
            const parent = { parent: this };
            const location = { environmentId: args.environmentId, region: args.region };

            const docuware = args.existingRegistration
                ? this.existingRegistration(name, args)
                : this.managedRegistration(name, args);

            const connectionSettings = {
                ...location,
                name: args.connectionName ?? `DocuWare (${name})`,
                enabled: args.connectionEnabled ?? true,
                scimUrl: docuware.scimBaseUrl,
                authenticationMethod: "OAuth 2 Client Credentials" as const,
                oauthTokenUrl: docuware.tokenUrl,
                oauthClientId: docuware.clientId,
                createUsers: fieldOf(args.connection, "createUsers"),
                updateUsers: fieldOf(args.connection, "updateUsers"),
                disableUsers: fieldOf(args.connection, "disableUsers"),
                removeAction: fieldOf(args.connection, "removeAction"),
                uniqueUserIdentifier: fieldOf(args.connection, "uniqueUserIdentifier"),
                userFilter: fieldOf(args.connection, "userLookupFilter"),
                managed: fieldOf(args.connection, "deprovisionOnDelete"),
            };
            const store = new PropagationStore(
                `${name}-connection`,
                { ...connectionSettings, oauthClientSecret: docuware.clientSecret, adopt: args.adopt },
                parent,
            );
            // Children are wired by resource id, which stays known during a preview: a drifted child then does not show
            // its dependents as changing too (dynamic providers cannot predict their other outputs).
            const planId = args.planId ?? new PropagationPlan(`${name}-plan`, location, parent).id;
            const ruleSettings = {
                ...location,
                planId,
                name: args.ruleName ?? `PingOne to DocuWare (${name})`,
                userFilter: args.userFilter ?? { populationName: "Default" },
                mappings: args.mappings ?? GUIDE_MAPPINGS.map((m) => ({ ...m })),
                active: args.ruleEnabled ?? true,
            };
            const rule = new PropagationRule(
                `${name}-rule`,
                { ...ruleSettings, targetStoreId: store.id, adopt: args.adopt },
                parent,
            );
            const revision = new PropagationRevision(
                `${name}-revision`,
                {
                    ...location,
                    triggers: { configuration: digest([store.id, rule.id, connectionSettings, ruleSettings]) },
                    adopt: args.adopt,
                },
                parent,
            );

            this.scimBaseUrl = docuware.scimBaseUrl;
            this.tokenUrl = docuware.tokenUrl;
            this.clientId = docuware.clientId;
            this.storeId = store.storeId;
            this.planId = pulumi.output(planId);
            this.ruleId = rule.ruleId;
            this.revisionId = revision.revisionId;
            this.status = pulumi
                .all([docuware.enabled, store.name, store.enabled, rule.name, rule.active, rule.mappings])
                .apply(
                    ([docuwareOn, storeName, storeOn, ruleName, ruleOn, ruleMappings]) =>
                        `DocuWare provisioning ${onOff(docuwareOn)} (ping); connection "${storeName}" ${onOff(storeOn)}; ` +
                        `rule "${ruleName}" ${onOff(ruleOn)}, ${ruleMappings.length} mappings`,
                );
            this.registerOutputs({
                scimBaseUrl: this.scimBaseUrl,
                tokenUrl: this.tokenUrl,
                clientId: this.clientId,
                storeId: this.storeId,
                planId: this.planId,
                ruleId: this.ruleId,
                revisionId: this.revisionId,
                status: this.status,
            });
        } finally {
            restoreStackTraces();
        }
    }

    /** Creates the app registration and enables User Provisioning with identity provider Ping. */
    private managedRegistration(name: string, args: DocuWarePingOneProvisioningArgs) {
        const registration = new AppRegistration(
            `${name}-registration`,
            {
                organizationUrl: args.organizationUrl,
                name: args.appRegistrationName ?? `PingOne provisioning (${name})`,
                adopt: args.adopt,
            },
            { parent: this },
        );
        const settings = new UserProvisioning(
            `${name}-docuware-provisioning`,
            {
                organizationUrl: args.organizationUrl,
                enabled: args.docuwareProvisioningEnabled ?? true,
                identityProvider: "ping",
                appRegistrationClientId: registration.id,
            },
            { parent: this },
        );
        return {
            scimBaseUrl: settings.scimBaseUrl,
            tokenUrl: settings.tokenUrl,
            clientId: registration.id,
            clientSecret: registration.clientSecret,
            enabled: settings.enabled,
        };
    }

    /** Checks a registration made in DocuWare Configuration and derives the URLs from it. */
    private existingRegistration(name: string, args: DocuWarePingOneProvisioningArgs) {
        const existing = new ExistingAppRegistration(
            `${name}-registration`,
            {
                organizationUrl: args.organizationUrl,
                clientId: fieldOf(args.existingRegistration, "clientId")!,
                clientSecret: fieldOf(args.existingRegistration, "clientSecret")!,
                identityProvider: "ping",
            },
            { parent: this },
        );
        return {
            scimBaseUrl: existing.scimBaseUrl,
            tokenUrl: existing.tokenUrl,
            clientId: existing.clientId,
            clientSecret: existing.clientSecret,
            enabled: existing.credentialsAccepted,
        };
    }
}

/** One field of a structured argument: the plain value when the argument is known, else an Output of the field. */
function fieldOf<T extends object, K extends keyof T>(
    value: pulumi.Input<T> | undefined,
    key: K,
): pulumi.Input<NonNullable<pulumi.Unwrap<T[K]>>> | undefined {
    if (pulumi.Output.isInstance(value) || value instanceof Promise) {
        return pulumi.output(value).apply((resolved) => (resolved as Record<K, unknown>)[key]) as pulumi.Output<
            NonNullable<pulumi.Unwrap<T[K]>>
        >;
    }
    return (value as T | undefined)?.[key] as pulumi.Input<NonNullable<pulumi.Unwrap<T[K]>>> | undefined;
}

function onOff(enabled: boolean): string {
    return enabled ? "on" : "off";
}

/**
 * A digest of the desired configuration (never of values computed during an update, which are unknown in a preview):
 * the revision is republished when it changes. The client secret is not part of it.
 */
function digest(values: pulumi.Input<unknown>[]): pulumi.Output<string> {
    return pulumi
        .output(values)
        .apply((resolved) => createHash("sha256").update(JSON.stringify(resolved)).digest("hex"));
}
