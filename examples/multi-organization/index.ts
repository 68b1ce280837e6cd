import * as pulumi from "@pulumi/pulumi";
import { DocuWarePingOneProvisioning, pingone } from "pulumi-docuware-pingone";

/** One DocuWare organization fed from the PingOne environment. */
interface Organization {
    /** Short name, unique in the stack: names the component and its children (e.g. `acme-connection`). */
    name: string;
    /** Organization URL, e.g. https://acme.docuware.cloud. */
    url: string;
    /** The PingOne population provisioned to this organization. Defaults to "Default". */
    population?: string;
}

/** Credentials of an app registration made in DocuWare Configuration (real DocuWare Cloud). */
interface Registration {
    clientId: string;
    clientSecret: string;
}

const config = new pulumi.Config();
const organizations = config.requireObject<Organization[]>("organizations");
// Organizations listed here use a registration made in DocuWare Configuration; the others get one created through
// DocuWare's management API with the stack's DocuWare administrator credential. Only the names are read in the
// clear, to choose the mode; the credentials stay secret Outputs.
const registrations = config.getSecretObject<Record<string, Registration>>("registrations");
const registered = new Set(Object.keys(config.getObject<Record<string, unknown>>("registrations") ?? {}));

const problems = checkOrganizations(organizations, registered);
if (problems.length > 0) {
    // A RunError shows its message without a stack trace.
    throw new pulumi.RunError(`Invalid stack config:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
}

// PingOne has one propagation plan per environment: every organization's rule goes into it.
const plan = new pingone.PropagationPlan("plan");

const instances = organizations.map(
    (organization) =>
        new DocuWarePingOneProvisioning(organization.name, {
            organizationUrl: organization.url,
            planId: plan.id,
            userFilter: { populationName: organization.population ?? "Default" },
            existingRegistration:
                registrations && registered.has(organization.name)
                    ? {
                          clientId: registrations.apply((r) => r[organization.name]!.clientId),
                          clientSecret: registrations.apply((r) => r[organization.name]!.clientSecret),
                      }
                    : undefined,
        }),
);

export const planId = plan.id;
/** Per organization: its SCIM base URL and what is switched on. */
export const provisioning = Object.fromEntries(
    organizations.map((organization, index) => [
        organization.name,
        { scimBaseUrl: instances[index]!.scimBaseUrl, status: instances[index]!.status },
    ]),
);

/** Every problem of the `organizations` and `registrations` config, each naming the key to fix. */
function checkOrganizations(list: Organization[], withRegistration: Set<string>): string[] {
    const problems: string[] = [];
    if (!Array.isArray(list) || list.length === 0) {
        return ["`organizations` must list at least one organization: [{ name, url, population? }]."];
    }
    const names = new Set<string>();
    list.forEach((organization, index) => {
        if (!organization?.name || !organization.url) {
            problems.push(`\`organizations[${index}]\` needs a \`name\` and a \`url\`.`);
        } else if (names.has(organization.name)) {
            problems.push(
                `\`organizations[${index}].name\` "${organization.name}" is used twice; names must be unique.`,
            );
        }
        names.add(organization?.name);
    });
    for (const name of withRegistration) {
        if (!names.has(name)) {
            problems.push(`\`registrations.${name}\` names no organization in \`organizations\`.`);
        }
    }
    return problems;
}
