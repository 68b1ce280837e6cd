import type { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { ExistingAppRegistration } from "../../sdk/docuware/resources/existingAppRegistration";
import { UserProvisioning } from "../../sdk/docuware/resources/userProvisioning";
import { PropagationRule } from "../../sdk/pingone/resources/propagationRule";
import { PropagationStore } from "../../sdk/pingone/resources/propagationStore";
import { configSchema, policyConfig } from "../lib/config";
import {
    type FilterScope,
    type PopulationRef,
    type UserFilterProps,
    describePopulation,
    expressionScope,
    filterScope,
} from "../lib/populations";
import { label, listing, quoted } from "../lib/resources";
import { type Props, snapshot } from "../lib/unknowns";
import { normalizeUrl } from "../lib/urls";

/*
 * Stack policies see every resource's outputs. During a preview the outputs of a resource being created or updated
 * are its checked inputs, so ids and URLs computed by other resources are unknown then. Resources are therefore linked
 * through the engine's property dependencies first (the rule's `targetStoreId` depends on the store, the store's
 * `scimUrl` on DocuWare's settings), which are known in every preview, and by value when both values are known.
 */

interface Node<T> {
    resource: PolicyResource;
    props: Props<T>;
}

type SetupProps = { scimBaseUrl?: string };
type StoreProps = { storeId?: string; scimUrl?: string };
type RuleProps = {
    targetStoreId?: string;
    active?: boolean;
    userFilter?: UserFilterProps;
    populationExpression?: string;
};

interface Topology {
    /** DocuWare provisioning setups: User Provisioning settings, or a registration made in DocuWare Configuration. */
    setups: Node<SetupProps>[];
    stores: Node<StoreProps>[];
    rules: Node<RuleProps>[];
}

function topology(resources: readonly PolicyResource[]): Topology {
    const nodes = <T>(match: (r: PolicyResource) => boolean): Node<T>[] =>
        resources
            .filter(match)
            .map((resource) => ({ resource, props: snapshot(resource.props) as Props<T> }))
            .sort((a, b) => a.resource.name.localeCompare(b.resource.name));
    return {
        setups: nodes((r) => r.isType(UserProvisioning) || r.isType(ExistingAppRegistration)),
        stores: nodes((r) => r.isType(PropagationStore)),
        rules: nodes((r) => r.isType(PropagationRule)),
    };
}

const dependsOn = (node: Node<unknown>, property: string, other: Node<unknown>): boolean =>
    (node.resource.propertyDependencies[property] ?? []).some((dependency) => dependency.urn === other.resource.urn);

const sameString = (a: unknown, b: unknown, normalize = (s: string) => s): boolean =>
    typeof a === "string" && typeof b === "string" && normalize(a) === normalize(b);

/** The store sends users to the setup: its SCIM URL is the setup's SCIM base URL. */
const feeds = (store: Node<StoreProps>, setup: Node<SetupProps>): boolean =>
    dependsOn(store, "scimUrl", setup) || sameString(store.props.scimUrl, setup.props.scimBaseUrl, normalizeUrl);

/** The rule provisions into the store. */
const targets = (rule: Node<RuleProps>, store: Node<StoreProps>): boolean =>
    dependsOn(rule, "targetStoreId", store) || sameString(rule.props.targetStoreId, store.props.storeId);

/** `active` defaults to true; an unknown value counts as active. */
const isActive = (rule: Node<RuleProps>): boolean => rule.props.active !== false;

const labels = (nodes: readonly Node<unknown>[]) => listing(nodes.map((node) => label(node.resource)));

export interface DocuWareProvisioningFedOnceConfig {
    /**
     * Allow several active rules on the connection (e.g. one per population); `scim-connection-rules-disjoint` then
     * keeps their filters apart. Defaults to false.
     */
    allowMultipleActiveRules?: boolean;
}

const fedOnceDefaults: Required<DocuWareProvisioningFedOnceConfig> = { allowMultipleActiveRules: false };

export const docuWareProvisioningFedOnce: StackValidationPolicy = {
    name: "docuware-provisioning-fed-once",
    description:
        "Checks whether each DocuWare provisioning setup in the stack is fed by exactly one PingOne SCIM connection, and that connection by exactly one active rule.",
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps:
        "Point exactly one PropagationStore at each DocuWare SCIM URL and give it one active PropagationRule (DocuWarePingOneProvisioning creates exactly that); remove or deactivate the extra ones.",
    configSchema: configSchema<DocuWareProvisioningFedOnceConfig>(fedOnceDefaults, {
        allowMultipleActiveRules: {
            type: "boolean",
            description: "Allow several active rules per connection (their filters must then be disjoint).",
        },
    }),
    validateStack: (args, reportViolation) => {
        const { allowMultipleActiveRules } = policyConfig(args, fedOnceDefaults);
        const { setups, stores, rules } = topology(args.resources);
        if (setups.length === 0) {
            args.notApplicable("The stack has no DocuWare UserProvisioning or ExistingAppRegistration.");
        }
        for (const setup of setups) {
            const setupLabel = label(setup.resource);
            const feeding = stores.filter((store) => feeds(store, setup));
            const [store] = feeding;
            if (store === undefined) {
                reportViolation(
                    `${setupLabel} must be fed by exactly one PingOne SCIM connection, but no PropagationStore in this stack uses its SCIM URL; add one (DocuWarePingOneProvisioning does).`,
                    setup.resource.urn,
                );
                continue;
            }
            if (feeding.length > 1) {
                reportViolation(
                    `${setupLabel} must be fed by exactly one PingOne SCIM connection, but ${feeding.length} are (${labels(feeding)}); remove all but one.`,
                    setup.resource.urn,
                );
                continue;
            }
            const storeRules = rules.filter((rule) => targets(rule, store));
            const active = storeRules.filter(isActive);
            const which = `${label(store.resource)}, which feeds ${setupLabel}, must have exactly one active rule`;
            if (storeRules.length === 0) {
                reportViolation(
                    `${which}, but no PropagationRule targets it; add a rule with the required mappings.`,
                    store.resource.urn,
                );
            } else if (active.length > 1 && !allowMultipleActiveRules) {
                reportViolation(
                    `${which}, but ${active.length} are active (${labels(active)}); deactivate or remove all but one.`,
                    store.resource.urn,
                );
            }
        }
    },
};

/** Every way the rule's scope is known: its filter, and the expression PingOne stores (outputs, after deployment). */
function ruleScopes(rule: Node<RuleProps>): FilterScope[] {
    const scopes = [filterScope(rule.props.userFilter)];
    const stored = rule.props.populationExpression;
    if (typeof stored === "string" && stored.trim() !== "") {
        scopes.push(expressionScope(stored));
    }
    return scopes;
}

const sameRef = (a: PopulationRef, b: PopulationRef) => a.by === b.by && a.value === b.value;
const normalizeExpression = (expression: string) => expression.replace(/\s+/g, " ").trim().toLowerCase();

/** What two scopes both select, described for a message, or undefined when they are (or may be) disjoint. */
function sharedUsers(a: FilterScope, b: FilterScope): string | undefined {
    if (a.kind === "everyone" && b.kind === "everyone") {
        return "every user";
    }
    if (a.kind === "everyone" || b.kind === "everyone") {
        const other = a.kind === "everyone" ? b : a;
        if (other.kind === "populations") {
            return listing(other.populations.map(describePopulation));
        }
        return other.kind === "expression" || other.kind === "unrestricted"
            ? `users matching ${quoted(other.expression)}`
            : undefined;
    }
    if (a.kind === "populations" && b.kind === "populations") {
        const shared = a.populations.filter((ref) => b.populations.some((other) => sameRef(ref, other)));
        return shared.length > 0 ? listing(shared.map(describePopulation)) : undefined;
    }
    if (
        (a.kind === "expression" || a.kind === "unrestricted") &&
        (b.kind === "expression" || b.kind === "unrestricted") &&
        normalizeExpression(a.expression) === normalizeExpression(b.expression)
    ) {
        return `users matching ${quoted(a.expression)}`;
    }
    return undefined;
}

function overlap(a: Node<RuleProps>, b: Node<RuleProps>): string | undefined {
    for (const scopeA of ruleScopes(a)) {
        for (const scopeB of ruleScopes(b)) {
            const shared = sharedUsers(scopeA, scopeB);
            if (shared !== undefined) {
                return shared;
            }
        }
    }
    return undefined;
}

export const scimConnectionRulesDisjoint: StackValidationPolicy = {
    name: "scim-connection-rules-disjoint",
    description:
        "Checks whether no two active PingOne rules feed the same SCIM connection with overlapping user filters, which would provision the same users twice with competing mappings.",
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps:
        "Give the active rules of one connection disjoint user filters (different populations), merge them into one rule, or deactivate all but one.",
    validateStack: (args, reportViolation) => {
        const { stores, rules } = topology(args.resources);
        const groups = new Map<string, { connection: string; rules: Node<RuleProps>[] }>();
        for (const rule of rules.filter(isActive)) {
            const store = stores.find((candidate) => targets(rule, candidate));
            const targetId = rule.props.targetStoreId;
            const key = store ? store.resource.urn : typeof targetId === "string" ? `id:${targetId}` : undefined;
            if (key === undefined) {
                continue;
            }
            const connection = store
                ? label(store.resource)
                : `the PingOne SCIM connection ${quoted(String(targetId))}`;
            const group = groups.get(key) ?? { connection, rules: [] };
            group.rules.push(rule);
            groups.set(key, group);
        }
        for (const { connection, rules: active } of groups.values()) {
            active.forEach((first, index) => {
                for (const second of active.slice(index + 1)) {
                    const shared = overlap(first, second);
                    if (shared !== undefined) {
                        reportViolation(
                            `${label(first.resource)} and ${label(second.resource)} must not both provision ${shared} through ${connection}; give the active rules disjoint user filters or deactivate one.`,
                            second.resource.urn,
                        );
                    }
                }
            });
        }
    },
};
