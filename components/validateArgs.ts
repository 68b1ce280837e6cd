import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { AppRegistrationInputsSchema } from "../sdk/docuware/resources/appRegistrationDefinition";
import { ExistingAppRegistrationInputsSchema } from "../sdk/docuware/resources/existingAppRegistrationDefinition";
import { OrganizationUrlSchema } from "../sdk/docuware/api/organizationUrl";
import { EnvironmentIdSchema, RegionSchema } from "../sdk/pingone/api/environment";
import { PropagationStoreInputsSchema } from "../sdk/pingone/resources/propagationStoreDefinition";
import {
    AttributeMappingsSchema,
    PropagationRuleInputsSchema,
    UserFilterSchema,
    activeRuleNeedsMappings,
} from "../sdk/pingone/resources/propagationRuleInputs";
import type {
    ConnectionOptionsArgs,
    DocuWarePingOneProvisioningArgs,
    ExistingRegistrationArgs,
} from "./provisioningArgs";

/** Whether a value is fully known while the program runs: no Output or Promise anywhere inside it. */
function known(value: unknown): boolean {
    if (pulumi.Output.isInstance(value) || value instanceof Promise) {
        return false;
    }
    if (Array.isArray(value)) {
        return value.every(known);
    }
    if (value !== null && typeof value === "object") {
        return Object.values(value).every(known);
    }
    return true;
}

/** A plain value now (its fields may still be Outputs), as opposed to an Output or a Promise of one. */
function plain(value: unknown): boolean {
    return !pulumi.Output.isInstance(value) && !(value instanceof Promise);
}

const store = PropagationStoreInputsSchema.shape;
const rule = PropagationRuleInputsSchema.shape;
const existing = ExistingAppRegistrationInputsSchema.shape;

/** The rule's own check that an active rule has mappings, on the component's `mappings` and `ruleEnabled`. */
const RuleMappingsSchema = z
    .object({ mappings: AttributeMappingsSchema, active: rule.active })
    .superRefine(activeRuleNeedsMappings);

/**
 * Each component argument, the schema of the child input it becomes (the child's own check, not a copy of it),
 * and whether it is given.
 */
function checks(args: DocuWarePingOneProvisioningArgs): [string, z.ZodType, unknown][] {
    const connection = (plain(args.connection) ? (args.connection ?? {}) : {}) as ConnectionOptionsArgs;
    const registration = (plain(args.existingRegistration) ? args.existingRegistration : undefined) as
        ExistingRegistrationArgs | undefined;
    const mappings = args.mappings !== undefined && known(args.mappings) ? args.mappings : undefined;
    return [
        ["organizationUrl", OrganizationUrlSchema, args.organizationUrl],
        ["region", RegionSchema, args.region],
        ["environmentId", EnvironmentIdSchema, args.environmentId],
        ["planId", rule.planId, args.planId],
        ["appRegistrationName", AppRegistrationInputsSchema.shape.name, args.appRegistrationName],
        ["existingRegistration.clientId", existing.clientId, registration?.clientId],
        ["existingRegistration.clientSecret", existing.clientSecret, registration?.clientSecret],
        ["connectionName", store.name, args.connectionName],
        ["connection.createUsers", store.createUsers, connection.createUsers],
        ["connection.updateUsers", store.updateUsers, connection.updateUsers],
        ["connection.disableUsers", store.disableUsers, connection.disableUsers],
        ["connection.removeAction", store.removeAction, connection.removeAction],
        ["connection.uniqueUserIdentifier", store.uniqueUserIdentifier, connection.uniqueUserIdentifier],
        ["connection.userLookupFilter", store.userFilter, connection.userLookupFilter],
        ["connection.deprovisionOnDelete", store.managed, connection.deprovisionOnDelete],
        ["ruleName", rule.name, args.ruleName],
        ["userFilter", UserFilterSchema, args.userFilter],
        ["ruleEnabled", rule.active, args.ruleEnabled],
        // An enabled rule needs mappings; while `ruleEnabled` is unknown only the mappings themselves are checked.
        ["", RuleMappingsSchema, mappings && { mappings, active: known(args.ruleEnabled) ? args.ruleEnabled : false }],
    ];
}

/** `mappings[1].target` for the path ["mappings", 1, "target"] under `prefix`. */
function argumentPath(prefix: string, path: readonly PropertyKey[]): string {
    return path.reduce<string>(
        (at, key) => (typeof key === "number" ? `${at}[${key}]` : at ? `${at}.${String(key)}` : String(key)),
        prefix,
    );
}

/** "`connectionName` must not be empty." for the child's "name must not be empty", which names the child's field. */
function describe(argument: string, message: string): string {
    const childField = /^\w+ (?=(must|is) )/.exec(message);
    return childField ? `\`${argument}\` ${message.slice(childField[0].length)}.` : `\`${argument}\`: ${message}.`;
}

/**
 * Checks the component's arguments before any child is created, with the schemas the children check their inputs
 * with, and returns every problem found, each naming the argument. Values that are still Outputs are checked later
 * by the children themselves.
 */
export function validateArgs(args: DocuWarePingOneProvisioningArgs): string[] {
    const problems: string[] = [];
    if (args.appRegistrationName !== undefined && args.existingRegistration !== undefined) {
        problems.push(
            "`appRegistrationName` and `existingRegistration` cannot both be set: either create a registration or use one made in DocuWare Configuration.",
        );
    }
    for (const [argument, schema, value] of checks(args)) {
        const required =
            argument.startsWith("existingRegistration.") &&
            args.existingRegistration !== undefined &&
            plain(args.existingRegistration);
        if ((value === undefined && !required) || !known(value)) {
            continue;
        }
        const result = schema.safeParse(value);
        for (const issue of result.success ? [] : result.error.issues) {
            problems.push(describe(argumentPath(argument, issue.path), issue.message));
        }
    }
    // PingOne enables a rule only on an enabled connection (console docs "Creating a provisioning rule").
    if (args.connectionEnabled === false && (args.ruleEnabled ?? true) === true) {
        problems.push(
            "`ruleEnabled` must be false while `connectionEnabled` is false: PingOne enables a rule only on an enabled connection; " +
                "set `ruleEnabled: false` too, or enable the connection.",
        );
    }
    return problems;
}
