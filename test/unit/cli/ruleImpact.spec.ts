import { strict as assert } from "node:assert";
import type { ConnectionState } from "../../../bin/impact/plannedRuleChanges";
import {
    EXPRESSION_VALUE,
    type ResolvedRule,
    type RuleImpact,
    type SourceUser,
    attributeChanges,
    ruleImpact,
} from "../../../bin/impact/ruleImpact";

const ORG_A = "https://acme.docuware.cloud";
const ORG_B = "https://beta.docuware.cloud";

const user = (id: string, population: string, given = id.toUpperCase()): SourceUser => ({
    id,
    username: id,
    email: `${id}@example.com`,
    enabled: true,
    name: { given, family: "Doe" },
    population: { id: `pop-${population}`, name: population },
});
const alice = user("alice", "Sales");
const bob = user("bob", "Sales");
const carol = user("carol", "Support");
const dave = user("dave", "Support");

const connection = (changes: Partial<ConnectionState> = {}): ConnectionState => ({
    enabled: true,
    managed: false,
    createUsers: true,
    updateUsers: true,
    disableUsers: true,
    removeAction: "Disable",
    organizationUrl: ORG_A,
    ...changes,
});

const MAPPINGS = [
    { source: "username", target: "userName" },
    { source: "name.given", target: "givenName" },
];

const rule = (users: SourceUser[], changes: Partial<ResolvedRule> = {}): ResolvedRule => ({
    expression: 'population.id eq "pop-Sales"',
    mappings: MAPPINGS,
    active: true,
    connection: connection(),
    users,
    evaluation: "pingone-filter",
    ...changes,
});

const names = (impact: RuleImpact) => ({
    changes: impact.changes,
    organizationUrl: impact.organizationUrl,
    entering: impact.entering.map((u) => `${u.username}:${u.action}`),
    leaving: impact.leaving.map((u) => `${u.username}:${u.action}`),
    changing: impact.changing.map((u) => u.username),
});

describe("ruleImpact: who enters, leaves or changes for one rule change", () => {
    it("filter change: users of the new population enter, users of the old one are disabled", () => {
        const [impact, ...rest] = ruleImpact({
            resource: "acme-rule",
            before: rule([alice, bob], { expression: 'population.id eq "pop-Sales"' }),
            after: rule([bob, carol, dave], { expression: 'population.id eq "pop-Sales" or x eq "y"' }),
            connectionDeleted: false,
        });
        assert.equal(rest.length, 0);
        assert.deepEqual(names(impact!), {
            changes: ["filter"],
            organizationUrl: ORG_A,
            entering: ["carol:provision", "dave:provision"],
            leaving: ["alice:disable"],
            changing: [],
        });
    });

    it("REMOVE_ACTION Delete deletes leaving users; DISABLE_USERS false keeps them", () => {
        const before = rule([alice, bob], { expression: "a" });
        const deleting = ruleImpact({
            resource: "r",
            before,
            after: rule([bob], { expression: "b", connection: connection({ removeAction: "Delete" }) }),
            connectionDeleted: false,
        });
        assert.deepEqual(names(deleting[0]!).leaving, ["alice:delete"]);
        assert.deepEqual(deleting[0]!.changes, ["filter", "remove-action"]);
        const keeping = ruleImpact({
            resource: "r",
            before,
            after: rule([bob], { expression: "b", connection: connection({ disableUsers: false }) }),
            connectionDeleted: false,
        });
        assert.deepEqual(names(keeping[0]!).leaving, ["alice:keep"]);
        assert.deepEqual(keeping[0]!.changes, ["filter", "disable-users"]);
    });

    it("a REMOVE_ACTION change alone moves no one but is reported", () => {
        const [impact] = ruleImpact({
            resource: "r",
            before: rule([alice]),
            after: rule([alice], { connection: connection({ removeAction: "Delete" }) }),
            connectionDeleted: false,
        });
        assert.deepEqual(names(impact!), {
            changes: ["remove-action"],
            organizationUrl: ORG_A,
            entering: [],
            leaving: [],
            changing: [],
        });
    });

    it("an unchanged rule gives no entry", () => {
        assert.deepEqual(
            ruleImpact({ resource: "r", before: rule([alice]), after: rule([alice]), connectionDeleted: false }),
            [],
        );
    });

    it("deactivation keeps everyone as they are; activation provisions everyone in scope", () => {
        const [off] = ruleImpact({
            resource: "r",
            before: rule([alice, bob]),
            after: rule([alice, bob], { active: false }),
            connectionDeleted: false,
        });
        assert.deepEqual(names(off!).leaving, ["alice:keep", "bob:keep"]);
        assert.deepEqual(off!.changes, ["deactivation"]);
        const [on] = ruleImpact({
            resource: "r",
            before: rule([alice, bob], { connection: connection({ enabled: false }) }),
            after: rule([alice, bob]),
            connectionDeleted: false,
        });
        assert.deepEqual(names(on!).entering, ["alice:provision", "bob:provision"]);
        assert.deepEqual(on!.changes, ["activation"]);
    });

    it("a new rule provisions its scope, or skips it when CREATE_USERS is false", () => {
        const [created] = ruleImpact({ resource: "r", after: rule([carol]), connectionDeleted: false });
        assert.deepEqual(names(created!), {
            changes: ["create"],
            organizationUrl: ORG_A,
            entering: ["carol:provision"],
            leaving: [],
            changing: [],
        });
        const [skipped] = ruleImpact({
            resource: "r",
            after: rule([carol], { connection: connection({ createUsers: false }) }),
            connectionDeleted: false,
        });
        assert.deepEqual(names(skipped!).entering, ["carol:skip"]);
    });

    it("deleting a rule keeps its users, unless its managed connection is deleted too", () => {
        const [kept] = ruleImpact({ resource: "r", before: rule([alice]), connectionDeleted: false });
        assert.deepEqual(names(kept!), {
            changes: ["delete"],
            organizationUrl: ORG_A,
            entering: [],
            leaving: ["alice:keep"],
            changing: [],
        });
        const managed = connection({ managed: true, removeAction: "Delete" });
        const [deleted] = ruleImpact({
            resource: "r",
            before: rule([alice, bob], { connection: managed }),
            connectionDeleted: true,
        });
        assert.deepEqual(names(deleted!).leaving, ["alice:delete", "bob:delete"]);
        assert.deepEqual(deleted!.changes, ["delete", "connection-deleted"]);
        const [unmanaged] = ruleImpact({ resource: "r", before: rule([alice]), connectionDeleted: true });
        assert.deepEqual(names(unmanaged!).leaving, ["alice:keep"]);
    });

    it("moving a rule to another organization's connection gives one entry per organization", () => {
        const impacts = ruleImpact({
            resource: "r",
            before: rule([alice, bob]),
            after: rule([alice, bob], { connection: connection({ organizationUrl: ORG_B }) }),
            connectionDeleted: false,
        });
        assert.deepEqual(impacts.map(names), [
            {
                changes: ["organization"],
                organizationUrl: ORG_A,
                entering: [],
                leaving: ["alice:keep", "bob:keep"],
                changing: [],
            },
            {
                changes: ["organization"],
                organizationUrl: ORG_B,
                entering: ["alice:provision", "bob:provision"],
                leaving: [],
                changing: [],
            },
        ]);
    });

    it("mapping change: users who stay get the changed attributes, unless UPDATE_USERS is false", () => {
        const newMappings = [
            { source: "username", target: "userName" },
            { source: "name.family", target: "givenName" },
            { source: "email", target: "workEmail" },
        ];
        const [impact] = ruleImpact({
            resource: "r",
            before: rule([alice, bob]),
            after: rule([alice, bob], { mappings: newMappings }),
            connectionDeleted: false,
        });
        assert.deepEqual(impact!.changes, ["mappings"]);
        assert.deepEqual(
            impact!.changing.map((u) => [u.username, u.attributes]),
            [
                [
                    "alice",
                    { givenName: { from: "ALICE", to: "Doe" }, workEmail: { from: null, to: "alice@example.com" } },
                ],
                ["bob", { givenName: { from: "BOB", to: "Doe" }, workEmail: { from: null, to: "bob@example.com" } }],
            ],
        );
        const [frozen] = ruleImpact({
            resource: "r",
            before: rule([alice]),
            after: rule([alice], { mappings: newMappings, connection: connection({ updateUsers: false }) }),
            connectionDeleted: false,
        });
        assert.deepEqual(frozen!.changing, []);
        assert.deepEqual(frozen!.changes, ["mappings", "update-users"]);
    });

    it("attributeChanges: same definition skipped, same value skipped, expressions reported unevaluated", () => {
        const same = [{ source: "username", target: "userName" }];
        assert.deepEqual(attributeChanges(same, same, alice, alice), {});
        const sameValue = [{ source: "id", target: "userName" }];
        assert.deepEqual(attributeChanges(same, sameValue, alice, alice), {});
        const expression = [{ expression: '#root.user.name.given + " x"', target: "userName" }];
        assert.deepEqual(attributeChanges(same, expression, alice, alice), {
            userName: { from: "alice", to: EXPRESSION_VALUE },
        });
    });
});
