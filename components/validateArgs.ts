import * as pulumi from "@pulumi/pulumi";
import { secureUrlProblem } from "../sdk/core/urls";
import { isDocuWareScimTarget, scimTargetProblem } from "../sdk/docuware/scimTargets";
import { PINGONE_ID_SOURCES, pingOneIdProblem } from "../sdk/pingone/pingOneId";
import { PINGONE_REGIONS, parseRegion } from "../sdk/pingone/regions";
import type { DocuWarePingOneProvisioningArgs } from "./provisioningArgs";

/** A value known while the program runs (not an Output or a Promise), so it can be checked before any resource exists. */
function known<T>(value: pulumi.Input<T> | undefined): value is T {
    return value !== undefined && !pulumi.Output.isInstance(value) && !(value instanceof Promise);
}

function checkName(problems: string[], argument: string, value: pulumi.Input<string> | undefined): void {
    if (known(value) && value.trim() === "") {
        problems.push(`\`${argument}\` must not be empty; leave it out to use the default name.`);
    }
}

function checkUrl(
    problems: string[],
    argument: string,
    value: pulumi.Input<string> | undefined,
    example: string,
): void {
    const problem = known(value) ? secureUrlProblem(value, `\`${argument}\``, example) : undefined;
    if (problem) {
        problems.push(`${problem}.`);
    }
}

function checkId(
    problems: string[],
    argument: string,
    value: pulumi.Input<string> | undefined,
    kind: keyof typeof PINGONE_ID_SOURCES,
): void {
    const problem = known(value)
        ? pingOneIdProblem(`\`${argument}\``, value.trim(), PINGONE_ID_SOURCES[kind])
        : undefined;
    if (problem) {
        problems.push(`${problem}.`);
    }
}

function checkMappings(problems: string[], args: DocuWarePingOneProvisioningArgs): void {
    if (args.mappings === undefined) {
        return;
    }
    if (args.mappings.length === 0 && args.ruleEnabled !== false) {
        problems.push(
            "`mappings` must not be empty while the rule is enabled; leave it out to use the guide's mappings.",
        );
    }
    const targets = new Map<string, number>();
    args.mappings.forEach((mapping, index) => {
        const at = `mappings[${index}]`;
        const sources = [mapping.source, mapping.expression].filter((v) => v !== undefined).length;
        if (sources !== 1) {
            problems.push(`\`${at}\` must set exactly one of \`source\` and \`expression\`.`);
        }
        if (known(mapping.target)) {
            if (mapping.target.trim() === "") {
                problems.push(`\`${at}.target\` must not be empty; name a SCIM attribute such as userName.`);
            } else if (!isDocuWareScimTarget(mapping.target)) {
                problems.push(`${scimTargetProblem(`\`${at}.target\``, mapping.target)}.`);
            } else if (targets.has(mapping.target)) {
                problems.push(
                    `\`${at}.target\` maps "${mapping.target}" again (also \`mappings[${targets.get(mapping.target)}]\`); map each target attribute once.`,
                );
            } else {
                targets.set(mapping.target, index);
            }
        }
    });
}

function checkUserFilter(problems: string[], args: DocuWarePingOneProvisioningArgs): void {
    const filter = args.userFilter;
    if (filter === undefined) {
        return;
    }
    const set = Object.entries(filter).filter(([, value]) => value !== undefined);
    if (set.length !== 1) {
        problems.push(
            "`userFilter` must set exactly one of `populationName`, `populationId` and `expression` (leave it out for the population named Default).",
        );
    }
    for (const [key, value] of set) {
        if (known(value) && String(value).trim() === "") {
            problems.push(
                `\`userFilter.${key}\` must not be empty: an empty filter would provision no one or everyone.`,
            );
        } else if (key === "populationId") {
            checkId(problems, "userFilter.populationId", value as pulumi.Input<string>, "populationId");
        }
    }
}

function checkConnection(problems: string[], args: DocuWarePingOneProvisioningArgs): void {
    const connection = args.connection ?? {};
    if (known(connection.removeAction) && !["Disable", "Delete"].includes(connection.removeAction)) {
        problems.push(`\`connection.removeAction\` must be "Disable" or "Delete", got "${connection.removeAction}".`);
    }
    if (
        known(connection.uniqueUserIdentifier) &&
        !["userName", "workEmail"].includes(connection.uniqueUserIdentifier)
    ) {
        problems.push(
            `\`connection.uniqueUserIdentifier\` must be "userName" or "workEmail", got "${connection.uniqueUserIdentifier}".`,
        );
    }
    if (known(connection.userLookupFilter) && !connection.userLookupFilter.includes("%s")) {
        problems.push(
            '`connection.userLookupFilter` must contain %s for the user\'s identifier, e.g. userName eq "%s".',
        );
    }
}

/**
 * Checks the component's arguments before any child is created and returns every problem found, each naming the
 * argument and the fix. Values that are still Outputs are checked later by the resources' own `check`.
 */
export function validateArgs(args: DocuWarePingOneProvisioningArgs): string[] {
    const problems: string[] = [];
    if (args.appRegistrationName !== undefined && args.existingRegistration !== undefined) {
        problems.push(
            "`appRegistrationName` and `existingRegistration` cannot both be set: either create a registration or use one made in DocuWare Configuration.",
        );
    }
    if (args.existingRegistration) {
        for (const key of ["clientId", "clientSecret"] as const) {
            const value = args.existingRegistration[key];
            if (value === undefined || (known(value) && value.trim() === "")) {
                problems.push(
                    `\`existingRegistration.${key}\` is required; copy it from the app registration in DocuWare Configuration.`,
                );
            }
        }
    }
    checkUrl(problems, "organizationUrl", args.organizationUrl, "https://acme.docuware.cloud");
    if (known(args.region)) {
        try {
            parseRegion(args.region);
        } catch {
            problems.push(`\`region\` must be one of ${PINGONE_REGIONS.join(", ")}, got "${args.region}".`);
        }
    }
    checkId(problems, "environmentId", args.environmentId, "environmentId");
    checkId(problems, "planId", args.planId, "planId");
    checkName(problems, "appRegistrationName", args.appRegistrationName);
    checkName(problems, "connectionName", args.connectionName);
    checkName(problems, "ruleName", args.ruleName);
    checkUserFilter(problems, args);
    checkMappings(problems, args);
    checkConnection(problems, args);
    return problems;
}
