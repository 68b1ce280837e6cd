import type { EngineEvent, StepEventMetadata } from "@pulumi/pulumi/automation";
import { z } from "zod";
import { parseScimBaseUrl } from "../../sdk/docuware/api/identityProvider";
import { PropagationRuleInputsSchema } from "../../sdk/pingone/resources/propagationRuleInputs";
import type { AttributeMapping, UserFilter } from "../../sdk/pingone/resources/propagationRuleInputs";
import { PropagationStoreInputsSchema } from "../../sdk/pingone/resources/propagationStoreDefinition";
import { containsUnknown } from "../drift/engineValues";

const RULE_TYPE = "pulumi-nodejs:dynamic/pingone:PropagationRule";
const STORE_TYPE = "pulumi-nodejs:dynamic/pingone:PropagationStore";

/** What a SCIM connection does with the users of its rules, with the input defaults of `PropagationStore`. */
const ConnectionBehaviourSchema = z.object({
    enabled: PropagationStoreInputsSchema.shape.enabled,
    managed: PropagationStoreInputsSchema.shape.managed,
    createUsers: PropagationStoreInputsSchema.shape.createUsers,
    updateUsers: PropagationStoreInputsSchema.shape.updateUsers,
    disableUsers: PropagationStoreInputsSchema.shape.disableUsers,
    removeAction: PropagationStoreInputsSchema.shape.removeAction,
});
export type ConnectionBehaviour = z.infer<typeof ConnectionBehaviourSchema>;

export interface ConnectionState extends ConnectionBehaviour {
    /** Logical name of the connection resource, when the stack manages it. */
    resource?: string;
    /** The DocuWare organization its SCIM URL belongs to; undefined when only known after deployment. */
    organizationUrl?: string;
}

/** One side (live or planned) of a provisioning rule. */
export interface RuleState {
    environmentId: string;
    region?: string;
    /** The live `populationExpression`; the planned side has only its `userFilter`, resolved later. */
    expression?: string;
    userFilter?: UserFilter;
    mappings: AttributeMapping[];
    active: boolean;
    connection: ConnectionState;
}

export interface PlannedRuleChange {
    /** Logical name, e.g. `acme-rule`. */
    resource: string;
    urn: string;
    /** The engine's step: same, update, replace, create or delete. */
    operation: string;
    /** The rule as it is live (after the preview's refresh); undefined when it is created. */
    before?: RuleState;
    /** The rule the program wants; undefined when it is deleted. */
    after?: RuleState;
    /** The connection of `before` is deleted by this deployment. */
    connectionDeleted: boolean;
    /** Inputs of `after` the impact depends on that are only known once deployed. */
    unknownInputs: string[];
}

type Values = Record<string, unknown>;

/** A connection step, indexed by the store id (when known) and its parent component. */
interface ConnectionStep {
    step: StepEventMetadata;
    id?: string;
}

/**
 * Every provisioning rule of the stack with its live and planned state and that of its connection, from the events
 * of a preview (with refresh) or a destroy preview. Rules and connections with no planned change are included: a
 * change of one can change the effect of the other.
 */
export function plannedRuleChanges(events: readonly EngineEvent[]): PlannedRuleChange[] {
    const steps = events
        .map((event) => event.resourcePreEvent?.metadata)
        .filter((step): step is StepEventMetadata => step !== undefined && isPlanStep(step));
    const connections: ConnectionStep[] = steps
        .filter((step) => step.type === STORE_TYPE)
        .map((step) => ({ step, id: stringAt(step.old?.outputs, "storeId") ?? step.old?.id }));
    return steps.filter((step) => step.type === RULE_TYPE).map((step) => ruleChange(step, connections, steps));
}

/** The step of each resource (a replacement's create and delete halves are covered by its `replace` step). */
function isPlanStep(step: StepEventMetadata): boolean {
    return !["refresh", "read", "create-replacement", "delete-replaced", "discard"].includes(step.op);
}

function ruleChange(
    step: StepEventMetadata,
    connections: readonly ConnectionStep[],
    steps: readonly StepEventMetadata[],
): PlannedRuleChange {
    const deleted = step.op === "delete";
    const created = step.op === "create";
    const old: Values | undefined = created ? undefined : (step.old?.outputs ?? step.old?.inputs);
    const news: Values | undefined = deleted ? undefined : step.new?.inputs;
    const unknownInputs = news
        ? ["userFilter", "mappings", "active", "environmentId"].filter((key) => containsUnknown(news[key]))
        : [];

    const oldConnection = old && connections.find((c) => c.id !== undefined && c.id === stringAt(old, "targetStoreId"));
    const newConnection =
        news &&
        (connections.find((c) => c.id !== undefined && c.id === stringAt(news, "targetStoreId")) ??
            connections.find((c) => c.step.new?.parent !== undefined && c.step.new.parent === step.new?.parent));
    return {
        resource: logicalName(step.urn),
        urn: step.urn,
        operation: step.op,
        before: old && {
            environmentId: stringAt(old, "environmentId") ?? "",
            region: stringAt(old, "region"),
            expression: stringAt(old, "populationExpression"),
            userFilter: old["userFilter"] as UserFilter | undefined,
            mappings: PropagationRuleInputsSchema.shape.mappings.catch([]).parse(old["mappings"]),
            active: old["active"] === true,
            connection: connectionState(oldConnection, "old", steps),
        },
        after: news && {
            environmentId: stringAt(news, "environmentId") ?? "",
            region: stringAt(news, "region"),
            userFilter: containsUnknown(news["userFilter"]) ? undefined : (news["userFilter"] as UserFilter),
            mappings: PropagationRuleInputsSchema.shape.mappings.catch([]).parse(news["mappings"]),
            active: PropagationRuleInputsSchema.shape.active.catch(true).parse(news["active"]),
            connection: connectionState(newConnection, "new", steps),
        },
        connectionDeleted: oldConnection !== undefined && ["delete", "replace"].includes(oldConnection.step.op),
        unknownInputs,
    };
}

/** A connection's settings on one side of its step; without a connection step, the defaults. */
function connectionState(
    connection: ConnectionStep | undefined,
    side: "old" | "new",
    steps: readonly StepEventMetadata[],
): ConnectionState {
    const state = connection?.step[side];
    const values: Values = (side === "old" ? (state?.outputs ?? state?.inputs) : state?.inputs) ?? {};
    const known = Object.fromEntries(Object.entries(values).filter(([, value]) => !containsUnknown(value)));
    const behaviour = ConnectionBehaviourSchema.safeParse(known);
    const scimUrl = stringAt(known, "scimUrl");
    return {
        ...(behaviour.success ? behaviour.data : ConnectionBehaviourSchema.parse({})),
        resource: connection && logicalName(connection.step.urn),
        organizationUrl: scimUrl
            ? (parseScimBaseUrl(scimUrl)?.organizationUrl ?? originOf(scimUrl))
            : siblingOrganizationUrl(connection?.step[side]?.parent, side, steps),
    };
}

/** A connection whose SCIM URL is not known yet: the `organizationUrl` of a DocuWare resource beside it. */
function siblingOrganizationUrl(
    parent: string | undefined,
    side: "old" | "new",
    steps: readonly StepEventMetadata[],
): string | undefined {
    if (parent === undefined) {
        return undefined;
    }
    for (const step of steps) {
        const url = step[side]?.parent === parent ? stringAt(step[side]?.inputs, "organizationUrl") : undefined;
        if (url) {
            return url;
        }
    }
    return undefined;
}

/** A SCIM URL that is not DocuWare's service path: its origin stands for the organization. */
function originOf(url: string): string {
    try {
        return new URL(url).origin;
    } catch {
        return url;
    }
}

function stringAt(values: Values | undefined, key: string): string | undefined {
    const value = values?.[key];
    return typeof value === "string" && !containsUnknown(value) ? value : undefined;
}

function logicalName(urn: string): string {
    return urn.split("::").pop() ?? urn;
}
