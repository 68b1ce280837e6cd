import { type AttributeMapping, sameMappings } from "../../sdk/pingone/resources/propagationRuleInputs";
import type { ConnectionState } from "./plannedRuleChanges";

/** A PingOne user as the impact sees it: its JSON with `population.name` resolved, as rules and mappings read it. */
export type SourceUser = Record<string, unknown> & { id: string; username: string };

/** How the users in a rule's scope were found. */
export type Evaluation = "pingone-filter" | "local-scim2-parse-filter";

/** One side of a rule with its population expression resolved and its users read. */
export interface ResolvedRule {
    expression: string;
    mappings: readonly AttributeMapping[];
    active: boolean;
    connection: ConnectionState;
    /** Users matching `expression`, whether or not the rule provisions. */
    users: readonly SourceUser[];
    evaluation: Evaluation;
}

export interface RuleImpactInput {
    resource: string;
    before?: ResolvedRule;
    after?: ResolvedRule;
    /** The connection of `before` is deleted by the deployment. */
    connectionDeleted: boolean;
}

/** What happens in DocuWare to a user who leaves a rule's scope. */
export type LeaveAction =
    /** DISABLE_USERS with REMOVE_ACTION "Disable", or a deleted `managed` connection doing so. */
    | "disable"
    /** DISABLE_USERS with REMOVE_ACTION "Delete". */
    | "delete"
    /** Left in DocuWare as it is: DISABLE_USERS is false, or the rule no longer provisions (deactivated, deleted). */
    | "keep";

/** What happens to a user who enters: created (or enabled and updated), or nothing when CREATE_USERS is false. */
export type EnterAction = "provision" | "skip";

export interface AttributeChange {
    from: unknown;
    to: unknown;
}

export interface RuleImpact {
    resource: string;
    /** DocuWare organization of the rule's connection; undefined when only known after deployment. */
    organizationUrl?: string;
    /** What the deployment changes about the rule: create, delete, filter, mappings, activation, … */
    changes: string[];
    evaluation: { before?: Evaluation; after?: Evaluation };
    entering: { id: string; username: string; action: EnterAction }[];
    leaving: { id: string; username: string; action: LeaveAction }[];
    changing: { id: string; username: string; attributes: Record<string, AttributeChange> }[];
}

/** Marks a mapping value PingOne computes from an expression: the impact does not evaluate expressions. */
export const EXPRESSION_VALUE = "(PingOne expression)";

/**
 * The effect on people of one rule's change, per DocuWare organization (a rule moving to another connection gives two
 * entries). A rule provisions when it is active and its connection enabled. Users who stay in scope of a rule that
 * provisions before and after get the attribute changes of its mappings (when UPDATE_USERS is set). Inferred, as the
 * emulator does: deactivating or deleting a rule, or disabling its connection, stops synchronization without
 * deprovisioning; deleting a `managed` connection deprovisions its users with its own settings.
 */
export function ruleImpact(input: RuleImpactInput): RuleImpact[] {
    const { before, after } = input;
    const changes = changeKinds(input);
    if (changes.length === 0) {
        return [];
    }
    const sides = [before, after].filter((side): side is ResolvedRule => side !== undefined);
    const organizations = new Set(sides.map((side) => side.connection.organizationUrl));
    return [...organizations].map((organizationUrl) => {
        const inScope = (side: ResolvedRule | undefined) =>
            side && provisions(side) && side.connection.organizationUrl === organizationUrl ? side.users : [];
        const was = new Map(inScope(before).map((u) => [u.id, u]));
        const will = new Map(inScope(after).map((u) => [u.id, u]));
        const stillProvisioning =
            after !== undefined && provisions(after) && after.connection.organizationUrl === organizationUrl;
        const leaveAction = leaveActionFor(input, stillProvisioning);
        const enterAction: EnterAction = after?.connection.createUsers === false ? "skip" : "provision";
        return {
            resource: input.resource,
            organizationUrl,
            changes,
            evaluation: { before: before?.evaluation, after: after?.evaluation },
            entering: [...will.values()]
                .filter((u) => !was.has(u.id))
                .map((u) => ({ id: u.id, username: u.username, action: enterAction })),
            leaving: [...was.values()]
                .filter((u) => !will.has(u.id))
                .map((u) => ({ id: u.id, username: u.username, action: leaveAction })),
            changing:
                before && after && after.connection.updateUsers
                    ? [...will.values()].flatMap((user) => {
                          const previous = was.get(user.id);
                          const attributes =
                              previous && attributeChanges(before.mappings, after.mappings, previous, user);
                          return attributes && Object.keys(attributes).length > 0
                              ? [{ id: user.id, username: user.username, attributes }]
                              : [];
                      })
                    : [],
        };
    });
}

export function provisions(rule: Pick<ResolvedRule, "active" | "connection">): boolean {
    return rule.active && rule.connection.enabled;
}

function leaveActionFor(input: RuleImpactInput, stillProvisioning: boolean): LeaveAction {
    const settings = stillProvisioning
        ? input.after?.connection
        : input.connectionDeleted && input.before?.connection.managed
          ? input.before.connection
          : undefined;
    if (!settings?.disableUsers) {
        return "keep";
    }
    return settings.removeAction === "Delete" ? "delete" : "disable";
}

/** The kinds of change that can move people: every one the deployment makes to the rule or its connection. */
export function changeKinds({ before, after, connectionDeleted }: RuleImpactInput): string[] {
    if (!before && !after) {
        return [];
    }
    if (!before) {
        return ["create"];
    }
    if (!after) {
        return connectionDeleted ? ["delete", "connection-deleted"] : ["delete"];
    }
    const kinds: string[] = [];
    if (connectionDeleted) {
        kinds.push("connection-deleted");
    }
    if (before.connection.organizationUrl !== after.connection.organizationUrl) {
        kinds.push("organization");
    }
    if (before.expression !== after.expression) {
        kinds.push("filter");
    }
    if (!sameMappings(before.mappings, after.mappings)) {
        kinds.push("mappings");
    }
    if (provisions(before) !== provisions(after)) {
        kinds.push(provisions(after) ? "activation" : "deactivation");
    }
    if (before.connection.removeAction !== after.connection.removeAction) {
        kinds.push("remove-action");
    }
    if (before.connection.disableUsers !== after.connection.disableUsers) {
        kinds.push("disable-users");
    }
    if (before.connection.createUsers !== after.connection.createUsers) {
        kinds.push("create-users");
    }
    if (before.connection.updateUsers !== after.connection.updateUsers) {
        kinds.push("update-users");
    }
    return kinds;
}

/** DocuWare attributes the new mappings set to another value than the old ones (removed mappings leave values as they are). */
export function attributeChanges(
    oldMappings: readonly AttributeMapping[],
    newMappings: readonly AttributeMapping[],
    oldUser: SourceUser,
    newUser: SourceUser,
): Record<string, AttributeChange> {
    const changes: Record<string, AttributeChange> = {};
    for (const mapping of newMappings) {
        const previous = oldMappings.find((m) => m.target === mapping.target);
        if (previous && sameMappings([previous], [mapping])) {
            continue;
        }
        const from = previous === undefined ? undefined : mappedValue(previous, oldUser);
        const to = mappedValue(mapping, newUser);
        if (from === EXPRESSION_VALUE || to === EXPRESSION_VALUE || JSON.stringify(from) !== JSON.stringify(to)) {
            changes[mapping.target] = { from: from ?? null, to: to ?? null };
        }
    }
    return changes;
}

function mappedValue(mapping: AttributeMapping, user: SourceUser): unknown {
    if (mapping.source === undefined) {
        return EXPRESSION_VALUE;
    }
    return mapping.source.split(".").reduce<unknown>((value, key) => {
        if (typeof value !== "object" || value === null || !Object.hasOwn(value, key)) {
            return undefined;
        }
        return (value as Record<string, unknown>)[key];
    }, user);
}
