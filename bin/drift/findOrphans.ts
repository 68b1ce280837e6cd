import type { ConfigMap, Stack } from "@pulumi/pulumi/automation";
import { setStackConfig } from "../../sdk/config/stackConfig";
import { DocuWareClient } from "../../sdk/docuware/api/docuWareClient";
import { pingOneApis } from "../../sdk/pingone/api/environment";
import { markedOwner, stackPrefix } from "../../sdk/dynamic/ownership";

/** A live object that carries this stack's marker but is in no resource of its state. */
export interface Orphan {
    kind: "SCIM connection" | "rule" | "app registration";
    name: string;
    id: string;
    /** The `<project>/<stack>/<resource>` of its marker. */
    owner: string;
}

interface StateResource {
    type: string;
    id?: string;
    outputs?: { environmentId?: string; organizationUrl?: string };
}

/**
 * Objects left by an interrupted deployment: live objects marked as made by this stack whose ids state does not
 * know. Looks in the environments and organizations of the state's resources and of the stack config.
 */
export async function findOrphans(stack: Stack, config: ConfigMap): Promise<Orphan[]> {
    const project = (await stack.workspace.projectSettings()).name;
    const prefix = stackPrefix(project, stack.name.split("/").at(-1)!);
    const resources = ((await stack.exportStack()).deployment as { resources?: StateResource[] }).resources ?? [];
    const known = new Set(resources.map((r) => r.id));
    setStackConfig({ get: (key) => config[key]?.value });

    const environments = new Set(
        [config["pingone:environmentId"]?.value, ...resources.map((r) => r.outputs?.environmentId)].filter(
            (id): id is string => Boolean(id),
        ),
    );
    const organizations = new Set(
        [config["docuware:organizationUrl"]?.value, ...resources.map((r) => r.outputs?.organizationUrl)].filter(
            (url): url is string => Boolean(url),
        ),
    );
    return liveOrphans({ prefix, known, environments, organizations });
}

/** Where to look and what state knows; credentials come from the stack config set for the providers. */
export interface OrphanSearch {
    /** `<project>/<stack>/`. */
    prefix: string;
    /** Ids of every resource in state. */
    known: ReadonlySet<string | undefined>;
    environments: Iterable<string>;
    organizations: Iterable<string>;
}

export async function liveOrphans({ prefix, known, environments, organizations }: OrphanSearch): Promise<Orphan[]> {
    const ofThisStack = (owner: string | undefined) => owner !== undefined && owner.startsWith(prefix);
    const orphans: Orphan[] = [];
    for (const environmentId of environments) {
        const { propagation } = pingOneApis({ environmentId });
        for (const store of await propagation.listStores()) {
            const owner = markedOwner(store.description);
            if (ofThisStack(owner) && !known.has(store.id)) {
                orphans.push({ kind: "SCIM connection", name: store.name, id: store.id, owner: owner! });
            }
        }
        for (const rule of await propagation.listRules()) {
            const owner = markedOwner(rule.description);
            if (ofThisStack(owner) && !known.has(rule.id)) {
                orphans.push({ kind: "rule", name: rule.name, id: rule.id, owner: owner! });
            }
        }
    }
    for (const organizationUrl of organizations) {
        for (const registration of await DocuWareClient.fromConfig(organizationUrl).listAppRegistrations()) {
            const owner = markedOwner(registration.Description);
            if (ofThisStack(owner) && !known.has(registration.ClientId)) {
                orphans.push({
                    kind: "app registration",
                    name: registration.Name,
                    id: registration.ClientId,
                    owner: owner!,
                });
            }
        }
    }
    return orphans;
}

/** The report of orphans: their own class, never counted as drift or deletions. */
export function formatOrphans(orphans: readonly Orphan[]): string {
    return [
        `Orphaned by an interrupted deployment: ${orphans.length} live object(s) carry this stack's marker but are not in its state.`,
        ...orphans.map((o) => `  ${o.kind} "${o.name}" (id ${o.id}), made by ${o.owner}`),
        "Run `pulumi refresh --clear-pending-creates --yes`, then `pulumi up`: each resource takes back the object it made",
        '(README "If a deployment is interrupted"). An orphan of a resource no longer in the program needs deleting by hand.',
    ].join("\n");
}
