import type { HttpSettings } from "../../sdk/config/httpSettings";
import { discoverIdentityService } from "../../sdk/docuware/api/discovery";
import { parseScimBaseUrl } from "../../sdk/docuware/api/identityProvider";
import { unlessNotFound } from "../../sdk/core/recovery";
import type { PingOneClient } from "../../sdk/pingone/api/pingOneClient";
import { PropagationClient } from "../../sdk/pingone/api/propagationClient";
import { SINGLE_POPULATION } from "../../sdk/pingone/resources/propagationRuleDefinition";
import {
    type PropagationStoreInputs,
    PropagationStoreInputsSchema,
    liveStoreSettings,
} from "../../sdk/pingone/resources/propagationStoreDefinition";
import type { Rule, Store } from "../../sdk/pingone/api/schemas";
import type { Inventory, InventoryConnection, InventoryRule } from "./inventory";
import { messageOf } from "../../sdk/core/errors";

export interface DiscoveryOptions {
    environmentId: string;
    /** Connection names to import; all DocuWare connections when empty. */
    connections?: string[];
    /** Timeouts and retries of the DocuWare discovery requests. */
    http: HttpSettings;
    progress?: (text: string) => void;
}

/** Connection settings the component has no argument for: they must be live as it leaves them. */
const COMPONENT_FIXED_SETTINGS = [
    "description",
    "scimVersion",
    "usersResource",
    "groupsResource",
    "authenticationMethod",
    "authorizationType",
    "groupNameSource",
    "groupMembershipHandling",
    "schemaExtensionUrns",
] as const;

/** What `PropagationStore` (so the component) sets for them: its input schema's defaults. */
const STORE_DEFAULTS: PropagationStoreInputs = PropagationStoreInputsSchema.parse({
    environmentId: "00000000-0000-0000-0000-000000000000", // any PingOne id: only the defaults are read
    name: "-",
    scimUrl: "https://example.com",
    oauthTokenUrl: "https://example.com",
    oauthClientId: "-",
    oauthClientSecret: "-",
});

/** A live setting the component would change: it differs from the default (absent means the default). */
const differsFromDefault = (field: (typeof COMPONENT_FIXED_SETTINGS)[number], live: unknown) =>
    live !== undefined && live !== STORE_DEFAULTS[field];

const normalizeUrl = (url: string | undefined) => url?.trim().replace(/\/+$/, "").toLowerCase();

/**
 * Reads an environment's provisioning setup without changing anything (GET requests only): the SCIM connections
 * whose SCIM URL is DocuWare's User Provisioning service, their rules with filters and mappings, and the plan; it
 * checks each connection's token URL against DocuWare's discovery where DocuWare is reachable.
 */
export async function discoverSetup(client: PingOneClient, options: DiscoveryOptions): Promise<Inventory> {
    const progress = options.progress ?? (() => undefined);
    const api = new PropagationClient(client, options.environmentId);
    progress(`reading the provisioning setup of PingOne environment ${options.environmentId}…`);
    const [stores, plans, rules] = await Promise.all([api.listStores(), api.listPlans(), api.listRules()]);
    const wanted = new Set(options.connections ?? []);
    const warnings: string[] = [];
    const skipped: Inventory["skipped"] = [];
    const connections: InventoryConnection[] = [];
    const populationNames = new Map<string, Promise<string | undefined>>();
    const populationName = (id: string) => {
        let name = populationNames.get(id);
        if (!name) {
            name = unlessNotFound(client.getPopulation(options.environmentId, id)).then((p) => p?.name);
            populationNames.set(id, name);
        }
        return name;
    };
    const directoryIds = new Set(stores.filter((s) => s.type === "directory").map((s) => s.id));

    for (const store of stores) {
        if (store.type === "directory") {
            continue;
        }
        if (wanted.size > 0 && !wanted.has(store.name)) {
            skipped.push({ id: store.id, name: store.name, reason: "not selected with --connection" });
            continue;
        }
        if (store.type !== "scim") {
            skipped.push({ id: store.id, name: store.name, reason: `not a SCIM connection (type ${store.type})` });
            continue;
        }
        const scimUrl = String(store.configuration?.SCIM_URL ?? "");
        const docuware = parseScimBaseUrl(scimUrl);
        if (!docuware) {
            skipped.push({
                id: store.id,
                name: store.name,
                reason: `its SCIM URL ${scimUrl || "(none)"} is not DocuWare's User Provisioning service (…/DocuWare/Services/UserProvisioningService/<identity provider>/scim)`,
            });
            continue;
        }
        progress(`found DocuWare connection "${store.name}" (${docuware.organizationUrl})…`);
        const connectionRules = await Promise.all(
            rules
                .filter((rule) => rule.targetStore.id === store.id)
                .map((rule) => inventoryRule(api, rule, store, directoryIds, populationName, warnings)),
        );
        const connection = await inventoryConnection(store, docuware, connectionRules, options.http, warnings);
        connections.push(connection);
    }
    for (const name of wanted) {
        if (!stores.some((s) => s.name === name)) {
            warnings.push(`PingOne environment ${options.environmentId} has no connection named "${name}".`);
        }
    }
    if (connections.length === 0) {
        warnings.push(
            `PingOne environment ${options.environmentId} has no SCIM connection to DocuWare${wanted.size > 0 ? " among those selected with --connection" : ""}; the program declares none.`,
        );
    }
    const plan = plans[0];
    return {
        environmentId: options.environmentId,
        plan: plan && { id: plan.id, name: plan.name, active: plan.status !== "INACTIVE" },
        connections,
        skipped,
        warnings,
    };
}

async function inventoryRule(
    api: PropagationClient,
    rule: Rule,
    store: Store,
    directoryIds: Set<string>,
    populationName: (id: string) => Promise<string | undefined>,
    warnings: string[],
): Promise<InventoryRule> {
    const label = `rule "${rule.name}" (id ${rule.id}) of connection "${store.name}"`;
    const mappings = (await api.listMappings(rule.id)).map((m) => ({
        id: m.id,
        ...(m.expression ? { expression: m.expression } : { source: m.sourceAttribute }),
        target: m.targetAttribute,
    }));
    const expression = rule.populationExpression ?? "";
    const populationId = SINGLE_POPULATION.exec(expression)?.[1];
    let userFilter: InventoryRule["userFilter"] = { expression };
    if (populationId !== undefined) {
        const name = await populationName(populationId);
        userFilter = name === undefined ? { populationId } : { populationName: name };
        if (name === undefined) {
            warnings.push(
                `${label} filters on population ${populationId}, which no longer exists: it provisions no one. It is adopted as it is (userFilter.populationId); choose an existing population in index.ts or in PingOne.`,
            );
        }
    }
    const groups = (rule.groups ?? []).map((g) => g.id);
    let notAdopted: string | undefined;
    if (mappings.length === 0) {
        notAdopted =
            "it has no attribute mappings, so it provisions no one and PingOne cannot run it; add the mappings DocuWare needs (username → userName, email → workEmail, id → externalId, enabled → active) in PingOne and run import again";
    } else if (!expression) {
        notAdopted = "it has no population filter; PropagationRule needs one, so a rule never provisions everyone";
    }
    if (notAdopted) {
        warnings.push(`${label} is left out of the program: ${notAdopted}.`);
    }
    return {
        id: rule.id,
        name: rule.name,
        description: rule.description || undefined,
        active: rule.active ?? false,
        sourceStoreId: directoryIds.has(rule.sourceStore.id) ? null : rule.sourceStore.id,
        populationExpression: expression,
        userFilter,
        groups,
        mappings,
        notAdopted,
    };
}

async function inventoryConnection(
    store: Store,
    docuware: { organizationUrl: string; identityProvider: string },
    rules: InventoryRule[],
    http: HttpSettings,
    warnings: string[],
): Promise<InventoryConnection> {
    const label = `connection "${store.name}" (id ${store.id})`;
    const { name: _name, enabled, ...settings } = liveStoreSettings(store);
    const tokenUrl = typeof settings.oauthTokenUrl === "string" ? settings.oauthTokenUrl : undefined;
    let discoveredTokenUrl: string | undefined;
    let tokenUrlCheck: InventoryConnection["tokenUrlCheck"];
    try {
        discoveredTokenUrl = (await discoverIdentityService(docuware.organizationUrl, http)).tokenEndpoint;
        tokenUrlCheck = normalizeUrl(discoveredTokenUrl) === normalizeUrl(tokenUrl) ? "matches" : "differs";
        if (tokenUrlCheck === "differs") {
            warnings.push(
                `${label} gets tokens from ${tokenUrl ?? "(no token URL)"}, but DocuWare's discovery gives ${discoveredTokenUrl}; it is declared resource by resource with its live token URL. Check DocuWare Configuration > User Provisioning.`,
            );
        }
    } catch (error) {
        tokenUrlCheck = "unreachable";
        warnings.push(
            `DocuWare at ${docuware.organizationUrl} could not be reached to check the token URL of ${label} (${messageOf(error)}); the program is generated anyway, but \`pulumi up\` checks the app registration at DocuWare and needs it reachable.`,
        );
    }
    const adopted = rules.filter((r) => !r.notAdopted);
    const misfits = [
        docuware.identityProvider !== "ping" &&
            `its SCIM URL is for identity provider "${docuware.identityProvider}"; the component sets up "ping"`,
        ...COMPONENT_FIXED_SETTINGS.filter((field) => differsFromDefault(field, settings[field])).map(
            (field) => `its ${field} is ${JSON.stringify(settings[field])}, which the component does not set`,
        ),
        tokenUrlCheck === "differs" && "its token URL is not the one DocuWare's discovery gives",
        adopted.length !== 1 &&
            (adopted.length === 0 ? "none of its rules can be adopted" : `it has ${adopted.length} rules`),
        adopted.length === 1 &&
            adopted[0]!.description &&
            "its rule has a description, which the component does not set",
        adopted.length === 1 &&
            adopted[0]!.sourceStoreId &&
            "its rule reads from another store than the PingOne Directory",
        adopted.length === 1 &&
            adopted[0]!.groups.length > 0 &&
            "its rule is limited to groups, which the component does not set",
    ].filter((m): m is string => typeof m === "string");
    return {
        id: store.id,
        name: store.name,
        enabled: enabled ?? false,
        scimUrl: String(store.configuration?.SCIM_URL ?? ""),
        organizationUrl: docuware.organizationUrl,
        identityProvider: docuware.identityProvider,
        tokenUrl,
        discoveredTokenUrl,
        tokenUrlCheck,
        clientId: typeof settings.oauthClientId === "string" ? settings.oauthClientId : undefined,
        settings: Object.fromEntries(
            Object.entries(settings).filter(
                (entry): entry is [string, string | boolean] => entry[1] !== undefined && entry[1] !== null,
            ),
        ),
        rules,
        componentMisfits: misfits,
    };
}
