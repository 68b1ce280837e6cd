import { strict as assert } from "node:assert";
import { AppRegistration, UserProvisioning } from "../../sdk/docuware";
import { DocuWareClient } from "../../sdk/docuware/api/docuWareClient";
import { PropagationPlan, PropagationRule, PropagationStore } from "../../sdk/pingone";
import { PingOneClient } from "../../sdk/pingone/api/pingOneClient";
import { PopulationSchema } from "../../sdk/pingone/api/schemas";
import { withoutMarker } from "../../sdk/dynamic/ownership";
import { type RunningEmulators, startTestEmulators } from "../helpers/emulators";
import { docuwareState, pingoneState } from "../helpers/emulatorState";
import { type TestStack, printEngineVersion, requireEngine } from "../helpers/engine";
import { emulatorStack, refreshPreview, upWithChanges } from "../helpers/lifecycle";

/**
 * Every managed field of every resource: an out-of-band change made through the emulators' console-like control API
 * shows on `pulumi preview --refresh` as a change of exactly that field, and `pulumi up --refresh` restores it.
 *
 * Fields drift in rounds (one `preview --refresh` and one `up --refresh` each; resources are wired by id, so one's
 * drift does not show on another). A resource with at most ROUNDS fields drifts one field per round; the store's many
 * fields each drift in their own set of WEIGHT rounds. No field's set of rounds contains another's, so a field whose
 * drift shows under another name, or not at all, or makes another field show, is caught in a round where only one of
 * the two drifted: as exact as one round per field, in a third of the engine operations.
 */
interface Row {
    /** Logical resource name in the program. */
    resource: string;
    /** The field `preview --refresh` must report. */
    field: string;
    /** The console change. */
    change(): Promise<unknown>;
    /** The live value after `up --refresh`, which must equal `restored`. */
    live(): Promise<unknown>;
    restored: unknown;
}

const ROUNDS = 7;
const WEIGHT = 3;

/** Every WEIGHT-element subset of the rounds, in lexicographic order: no one contains another. */
function roundSets(): number[][] {
    const sets: number[][] = [];
    const pick = (from: number, chosen: number[]) => {
        if (chosen.length === WEIGHT) {
            sets.push(chosen);
            return;
        }
        for (let round = from; round < ROUNDS; round++) {
            pick(round + 1, [...chosen, round]);
        }
    };
    pick(0, []);
    return sets;
}

/** The rounds in which each of a resource's rows drifts (index i of the result for row i). */
function driftRounds(rows: number): number[][] {
    if (rows <= ROUNDS) {
        return Array.from({ length: rows }, (_, row) => [row]);
    }
    const sets = roundSets();
    if (rows > sets.length) {
        throw new Error(`${rows} fields need more than ${ROUNDS} rounds of ${WEIGHT}`);
    }
    return sets.slice(0, rows);
}

const SCIM_URL = "https://acme.docuware.cloud/DocuWare/Services/UserProvisioningService/ping/scim";

describe("drift on every managed field (preview --refresh, up --refresh)", function () {
    this.timeout(1_200_000);
    let emulators: RunningEmulators;
    let test: TestStack;
    const ids: Record<"registration" | "plan" | "store" | "rule", string> = {
        registration: "",
        plan: "",
        store: "",
        rule: "",
    };
    let otherRegistration = "";
    let staffPopulation = "";

    const env = () => emulators.pingone.environmentId;
    const dw = () => emulators.docuware[0]!.control;
    const editPingOne = (collection: string, id: string, body: object) =>
        emulators.pingone.control.patch(`/environments/${env()}/${collection}/${id}`, body);
    const store = async () => (await pingoneState(emulators)).stores[ids.store]!;
    const config = async (key: string) => (await store()).configuration[key];
    const rule = async () => (await pingoneState(emulators)).rules[ids.rule]!;
    const registration = async () =>
        (await docuwareState(emulators)).AppRegistrations.find((r) => r.ClientId === ids.registration)!;
    const settings = async () => (await docuwareState(emulators)).UserProvisioning;
    const mappingTo = async (target: string) =>
        Object.values((await pingoneState(emulators)).mappings).find(
            (m) => m.rule.id === ids.rule && m.targetAttribute === target,
        );

    /** One row per managed field: each changes the live value to something else, the way a console would. */
    function storeRow(field: string, key: string, value: unknown, restored: unknown): Row {
        return {
            resource: "store",
            field,
            change: () => editPingOne("stores", ids.store, { configuration: { [key]: value } }),
            live: () => config(key),
            restored,
        };
    }

    const tables = (): Row[][] => [
        [
            {
                resource: "registration",
                field: "name",
                change: () => dw().patch(`/app-registrations/${ids.registration}`, { Name: "Renamed" }),
                live: async () => (await registration()).Name,
                restored: "Drift registration",
            },
            {
                resource: "registration",
                field: "accessTokenLifetimeSeconds",
                change: () => dw().patch(`/app-registrations/${ids.registration}`, { AccessTokenLifetimeSeconds: 600 }),
                live: async () => (await registration()).AccessTokenLifetimeSeconds,
                restored: 3600,
            },
            {
                resource: "registration",
                field: "allowedResources",
                change: () =>
                    dw().patch(`/app-registrations/${ids.registration}`, {
                        AllowedResources: ["UserProvisioning", "Platform"],
                    }),
                live: async () => (await docuwareAdmin().getAppRegistration(ids.registration)).AllowedResources,
                restored: ["UserProvisioning"],
            },
            {
                resource: "registration",
                field: "secretVersion",
                change: () => dw().post(`/app-registrations/${ids.registration}/rotate-secret`),
                live: async () => (await registration()).Name, // up rotated again: the registration stays
                restored: "Drift registration",
            },
        ],
        [
            {
                resource: "settings",
                field: "enabled",
                change: () => dw().patch("/user-provisioning", { Enabled: false }),
                live: async () => (await settings()).Enabled,
                restored: true,
            },
            {
                resource: "settings",
                field: "identityProvider",
                change: () => dw().patch("/user-provisioning", { IdentityProvider: "Azure" }),
                live: async () => (await settings()).IdentityProvider,
                restored: "Ping",
            },
            {
                resource: "settings",
                field: "appRegistrationClientId",
                change: () => dw().patch("/user-provisioning", { AppRegistrationId: otherRegistration }),
                live: async () => (await settings()).AppRegistrationId,
                restored: "<registration>",
            },
        ],
        [
            {
                resource: "plan",
                field: "name",
                change: () => editPingOne("plans", ids.plan, { name: "Renamed plan" }),
                live: async () => (await pingoneState(emulators)).plans[ids.plan]!.name,
                restored: "Default Plan",
            },
        ],
        [
            {
                resource: "store",
                field: "name",
                change: () => editPingOne("stores", ids.store, { name: "Renamed connection" }),
                live: async () => (await store()).name,
                restored: "DocuWare",
            },
            {
                resource: "store",
                field: "description",
                change: () => editPingOne("stores", ids.store, { description: "edited" }),
                live: async () => withoutMarker(((await store()) as { description?: string }).description),
                restored: "Outbound to DocuWare",
            },
            {
                resource: "store",
                field: "enabled",
                change: () => editPingOne("stores", ids.store, { status: "INACTIVE" }),
                live: async () => (await store()).status,
                restored: "ACTIVE",
            },
            {
                resource: "store",
                field: "managed",
                change: () => editPingOne("stores", ids.store, { managed: true }),
                live: async () => ((await store()) as { managed?: boolean }).managed,
                restored: false,
            },
            storeRow("scimUrl", "SCIM_URL", "https://other.example/scim", SCIM_URL),
            storeRow("scimVersion", "SCIM_VERSION", "1.1", "2.0"),
            storeRow("usersResource", "USERS_RESOURCE", "/People", "/Users"),
            storeRow("groupsResource", "GROUPS_RESOURCE", "/Teams", "/Groups"),
            storeRow("authorizationType", "AUTHORIZATION_TYPE", "Basic", "Bearer"),
            storeRow(
                "oauthTokenUrl",
                "OAUTH_TOKEN_REQUEST",
                "https://other.example/token",
                "https://login.example/connect/token",
            ),
            storeRow("oauthClientId", "OAUTH_CLIENT_ID", "someone-else", "client-1"),
            storeRow("uniqueUserIdentifier", "UNIQUE_USER_IDENTIFIER", "workEmail", "userName"),
            storeRow("userFilter", "USER_FILTER", 'externalId eq "%s"', 'userName eq "%s"'),
            storeRow("createUsers", "CREATE_USERS", false, true),
            storeRow("updateUsers", "UPDATE_USERS", false, true),
            storeRow("disableUsers", "DISABLE_USERS", false, true),
            storeRow("removeAction", "REMOVE_ACTION", "Delete", "Disable"),
            storeRow("groupNameSource", "GROUP_NAME_SOURCE", "Distinguished Name", "Common Name"),
            storeRow("groupMembershipHandling", "GROUP_MEMBERSHIP_HANDLING", "Merge", "Overwrite"),
            storeRow(
                "schemaExtensionUrns",
                "SCHEMA_EXTENSION_URNS",
                "urn:other",
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
            ),
            storeRow("authenticationMethod", "AUTHENTICATION_METHOD", "None", "OAuth 2 Client Credentials"),
        ],
        [
            {
                resource: "rule",
                field: "active",
                change: () => editPingOne("rules", ids.rule, { active: false }),
                live: async () => (await rule()).active,
                restored: true,
            },
            {
                resource: "rule",
                field: "name",
                change: () => editPingOne("rules", ids.rule, { name: "Renamed rule" }),
                live: async () => (await rule()).name,
                restored: "PingOne to DocuWare",
            },
            {
                resource: "rule",
                field: "description",
                change: () => editPingOne("rules", ids.rule, { description: "edited" }),
                live: async () => withoutMarker(((await rule()) as { description?: string }).description),
                restored: "All staff",
            },
            {
                resource: "rule",
                field: "userFilter",
                change: () =>
                    editPingOne("rules", ids.rule, { populationExpression: `population.id eq "${staffPopulation}"` }),
                live: async () =>
                    ((await rule()) as { populationExpression?: string }).populationExpression?.includes(
                        staffPopulation,
                    ),
                restored: false,
            },
            {
                resource: "rule",
                field: "mappings",
                change: async () =>
                    editPingOne("mappings", (await mappingTo("workEmail"))!.id, { sourceAttribute: "username" }),
                live: async () => (await mappingTo("workEmail"))?.sourceAttribute,
                restored: "email",
            },
        ],
    ];
    const docuwareAdmin = () => DocuWareClient.fromConfig();

    before(async function () {
        requireEngine(this);
        printEngineVersion();
        emulators = await startTestEmulators();
        emulators.useProviderEnvironment();
        otherRegistration = (
            await docuwareAdmin().createAppRegistration({
                Name: "Someone else's registration",
                ApplicationType: "Service",
                GrantTypes: ["ClientCredentials"],
                AllowedResources: ["UserProvisioning"],
            })
        ).ClientId;
        staffPopulation = (
            await PingOneClient.fromConfig().http.request({
                method: "POST",
                path: `/environments/${env()}/populations`,
                body: { name: "Staff" },
                responseSchema: PopulationSchema,
            })
        ).id;
        test = await emulatorStack(emulators, "drift-table", async () => {
            const registration = new AppRegistration("registration", { name: "Drift registration" });
            const settings = new UserProvisioning("settings", { appRegistrationClientId: registration.id });
            const plan = new PropagationPlan("plan");
            const connection = new PropagationStore("store", {
                name: "DocuWare",
                description: "Outbound to DocuWare",
                scimUrl: SCIM_URL,
                groupsResource: "/Groups",
                oauthTokenUrl: "https://login.example/connect/token",
                oauthClientId: "client-1",
                oauthClientSecret: "client-secret-value",
                groupNameSource: "Common Name",
                groupMembershipHandling: "Overwrite",
                schemaExtensionUrns: "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
            });
            const provisioningRule = new PropagationRule("rule", {
                planId: plan.id,
                targetStoreId: connection.id,
                name: "PingOne to DocuWare",
                description: "All staff",
                userFilter: { populationName: "Default" },
                mappings: [
                    { source: "username", target: "userName" },
                    { source: "email", target: "workEmail" },
                ],
            });
            return {
                registration: registration.id,
                settings: settings.id,
                plan: plan.id,
                store: connection.id,
                rule: provisioningRule.id,
            };
        });
        await test.stack.up();
        const outputs = await test.stack.outputs();
        for (const key of Object.keys(ids) as (keyof typeof ids)[]) {
            ids[key] = outputs[key]!.value as string;
        }
    });
    after(async () => {
        await test?.dispose();
        await emulators?.stop();
    });

    it("shows each field that drifted, exactly, and restores it", async () => {
        const rows = tables();
        const rounds = rows.map((resourceRows) => driftRounds(resourceRows.length));
        const problems: string[] = [];
        const covered = new Set<Row>();
        for (let round = 0; round < ROUNDS; round++) {
            const changed = rows.map((resourceRows, r) =>
                resourceRows.filter((_, i) => rounds[r]![i]!.includes(round)),
            );
            for (const row of changed.flat()) {
                await row.change();
            }
            const reported = await refreshPreview(test);
            const expected = changed
                .filter((resourceRows) => resourceRows.length > 0)
                .map((resourceRows) => {
                    const fields = resourceRows.map((r) => r.field).sort();
                    return `update ${resourceRows[0]!.resource} [${fields.join(",")}]`;
                })
                .sort();
            if (JSON.stringify(reported) !== JSON.stringify(expected)) {
                problems.push(`round ${round + 1}: expected ${expected.join("; ")}, got ${reported.join("; ")}`);
            }
            await test.stack.up({ refresh: true });
            for (const row of changed.flat()) {
                const restored = row.restored === "<registration>" ? ids.registration : row.restored;
                const live = await row.live().catch((error: unknown) => `unreadable: ${String(error)}`);
                if (JSON.stringify(live) !== JSON.stringify(restored)) {
                    problems.push(
                        `round ${round + 1}: ${row.resource}.${row.field} not restored: ${JSON.stringify(live)}`,
                    );
                }
                covered.add(row);
            }
        }
        console.log(`      ${covered.size} fields drifted and restored in ${ROUNDS} rounds`);
        assert.equal(covered.size, rows.flat().length, "every field drifted");
        assert.deepEqual(problems, []);
    });

    it("shows objects deleted out of band as ones to create again, and up recreates them", async () => {
        await emulators.pingone.control.delete(`/environments/${env()}/rules/${ids.rule}`);
        await dw().delete(`/app-registrations/${ids.registration}?force=true`);
        assert.deepEqual(await refreshPreview(test), [
            "create registration",
            "create rule",
            "update settings [appRegistrationClientId]",
        ]);
        const changes = await upWithChanges(test, true);
        assert.ok(changes.includes("create rule") && changes.includes("create registration"), changes.join("; "));
        const state = await pingoneState(emulators);
        assert.equal(Object.keys(state.rules).length, 1);
        assert.equal(
            (await docuwareState(emulators)).AppRegistrations.filter((r) => r.Name === "Drift registration").length,
            1,
        );
    });
});
