import { GUIDE_MAPPINGS } from "../../components/provisioningArgs";
import type { RunningEmulators } from "./emulators";
import { docuwareState, pingoneState } from "./emulatorState";
import { docuWareUser, provisionUser } from "./projects";

/** The objects as the emulators' control APIs show them (the fields the invariants look at). */
interface PingOneObjects {
    plans: Record<string, { id: string; name: string }>;
    stores: Record<
        string,
        { id: string; name: string; type: string; status: string; configuration: Record<string, unknown> }
    >;
    rules: Record<
        string,
        { id: string; name: string; active: boolean; plan: { id: string }; targetStore: { id: string } }
    >;
    mappings: Record<string, { id: string; rule: { id: string }; targetAttribute: string; sourceAttribute?: string }>;
}

interface Baseline {
    registrations: string[];
    provisioning: unknown;
    plans: number;
    /** DocuWare users before the test user was provisioned. */
    users: number;
}

/** The ids the stack (or the in-process state) tracks for the component's objects. */
export interface TrackedIds {
    clientId?: unknown;
    storeId?: unknown;
    planId?: unknown;
    ruleId?: unknown;
}

export const GUIDE_MAPPING_PAIRS = GUIDE_MAPPINGS.map((m) => `${m.source}→${m.target}`).sort();

function provisioningView(settings: {
    Enabled: boolean;
    IdentityProvider: string | null;
    AppRegistrationId: string | null;
}) {
    return {
        Enabled: settings.Enabled,
        IdentityProvider: settings.IdentityProvider,
        AppRegistrationId: settings.AppRegistrationId,
    };
}

/**
 * What the fault matrix requires of the live services after every cell: exactly one of each of the component's
 * objects, wired together and tracked (no duplicate, no orphan), or none of them after a destroy; and the DocuWare
 * user provisioned before the matrix never deleted nor disabled.
 */
export class LiveInvariants {
    private user?: { username: string; docuwareId: string };

    private constructor(
        readonly emulators: RunningEmulators,
        private readonly baseline: Baseline,
    ) {}

    /** Records the emulators' state before the component exists. */
    static async capture(emulators: RunningEmulators): Promise<LiveInvariants> {
        const pingone = await pingoneState(emulators);
        const docuware = await docuwareState(emulators);
        return new LiveInvariants(emulators, {
            registrations: docuware.AppRegistrations.map((r) => r.Name).sort(),
            provisioning: provisioningView(docuware.UserProvisioning),
            plans: Object.keys(pingone.plans).length,
            users: docuware.Users.length,
        });
    }

    /** With the component deployed: a PingOne user in the Default population, provisioned to DocuWare. */
    async provisionUser(username: string): Promise<void> {
        await provisionUser(this.emulators, this.emulators.connection().pingone, username);
        const user = await docuWareUser(this.emulators.docuware[0]!, username);
        if (!user?.Active) {
            throw new Error(`The PingOne user ${username} was not provisioned to DocuWare before the matrix.`);
        }
        this.user = { username, docuwareId: user.Id };
    }

    /** Exactly one of each object, wired together, and tracked with the live ids (no duplicate, no orphan). */
    async deployedProblems(tracked: TrackedIds, expectedMappings = GUIDE_MAPPING_PAIRS): Promise<string[]> {
        const problems: string[] = [];
        const pingone = (await pingoneState(this.emulators)) as unknown as PingOneObjects;
        const docuware = await docuwareState(this.emulators);
        const stores = Object.values(pingone.stores).filter((s) => s.type === "scim");
        const plans = Object.values(pingone.plans);
        const rules = Object.values(pingone.rules);
        const mappings = Object.values(pingone.mappings);
        const registrations = docuware.AppRegistrations.filter((r) => !this.baseline.registrations.includes(r.Name));
        const exactlyOne = (what: string, items: { name?: string; Name?: string }[]) => {
            if (items.length !== 1) {
                problems.push(
                    `${what}: ${items.length} (expected 1): ${items.map((i) => i.name ?? i.Name).join(", ")}`,
                );
            }
        };
        exactlyOne("PingOne SCIM connections", stores);
        exactlyOne(
            "PingOne directory stores",
            Object.values(pingone.stores).filter((s) => s.type === "directory"),
        );
        exactlyOne("PingOne plans", plans);
        exactlyOne("PingOne rules", rules);
        exactlyOne("DocuWare app registrations", registrations);
        const [store, plan, rule, registration] = [stores[0], plans[0], rules[0], registrations[0]];
        const live = mappings.map((m) => `${m.sourceAttribute}→${m.targetAttribute}`).sort();
        if (JSON.stringify(live) !== JSON.stringify(expectedMappings) || mappings.some((m) => m.rule.id !== rule?.id)) {
            problems.push(`PingOne mappings: ${live.join(", ")} (expected ${expectedMappings.join(", ")} on the rule)`);
        }
        const settings = docuware.UserProvisioning;
        if (!settings.Enabled || settings.AppRegistrationId !== registration?.ClientId) {
            problems.push(`DocuWare provisioning settings: ${JSON.stringify(provisioningView(settings))}`);
        }
        if (store && registration && store.configuration.OAUTH_CLIENT_ID !== registration.ClientId) {
            problems.push("the SCIM connection does not use the app registration's credentials");
        }
        if (
            store?.status !== "ACTIVE" ||
            !rule?.active ||
            rule.targetStore.id !== store.id ||
            rule.plan.id !== plan?.id
        ) {
            problems.push("the connection or rule is not enabled and wired to the connection and plan");
        }
        const liveIds: TrackedIds = {
            clientId: registration?.ClientId,
            storeId: store?.id,
            planId: plan?.id,
            ruleId: rule?.id,
        };
        for (const [key, id] of Object.entries(liveIds)) {
            const recorded = tracked[key as keyof TrackedIds];
            if (recorded !== id) {
                problems.push(`the tracked ${key} is ${String(recorded)}, the live object's ${id}`);
            }
        }
        return problems;
    }

    /** Nothing of the component left; the DocuWare provisioning settings as they were before it. */
    async destroyedProblems(): Promise<string[]> {
        const problems: string[] = [];
        const pingone = (await pingoneState(this.emulators)) as unknown as PingOneObjects;
        const docuware = await docuwareState(this.emulators);
        const left = {
            "PingOne SCIM connections": Object.values(pingone.stores).filter((s) => s.type === "scim").length,
            "PingOne plans": Object.keys(pingone.plans).length - this.baseline.plans,
            "PingOne rules": Object.keys(pingone.rules).length,
            "PingOne mappings": Object.keys(pingone.mappings).length,
            "DocuWare app registrations": docuware.AppRegistrations.length - this.baseline.registrations.length,
        };
        for (const [what, count] of Object.entries(left)) {
            if (count !== 0) {
                problems.push(`${what} left after destroy: ${count}`);
            }
        }
        const settings = provisioningView(docuware.UserProvisioning);
        if (JSON.stringify(settings) !== JSON.stringify(this.baseline.provisioning)) {
            problems.push(
                `DocuWare provisioning settings not restored: ${JSON.stringify(settings)}, before: ${JSON.stringify(this.baseline.provisioning)}`,
            );
        }
        return problems;
    }

    /** The DocuWare user provisioned before the matrix: never deleted (same id), never disabled, never duplicated. */
    async userProblems(): Promise<string[]> {
        await this.emulators.pingone.waitForProvisioningIdle();
        const { username, docuwareId } = this.user!;
        const users = (await docuwareState(this.emulators)).Users;
        const user = users.find((u) => u.Name === username);
        if (!user) {
            return [`the DocuWare user ${username} was deleted`];
        }
        const problems: string[] = [];
        if (user.Id !== docuwareId) {
            problems.push(`the DocuWare user ${username} was deleted and re-created (id ${docuwareId} → ${user.Id})`);
        }
        if (!user.Active) {
            problems.push(`the DocuWare user ${username} was disabled`);
        }
        if (users.length !== this.baseline.users + 1) {
            problems.push(`DocuWare has ${users.length} users, expected ${this.baseline.users + 1}`);
        }
        return problems;
    }
}
