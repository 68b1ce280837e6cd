import { afterOwnCreate } from "../../core/afterOwnCreate";
import { ApiError, NotFoundError } from "../../core/errors";
import { cachedPromise, processCache } from "../../core/processCache";
import { createOnce } from "../../core/recovery";
import type { PingOneClient } from "./pingOneClient";
import { ListingCache } from "./listingCache";
import {
    type Mapping,
    MappingSchema,
    type MappingWrite,
    MappingWriteSchema,
    type DirectoryStoreWrite,
    DirectoryStoreWriteSchema,
    type Plan,
    PlanSchema,
    type PlanWrite,
    PlanWriteSchema,
    type Revision,
    RevisionSchema,
    type Rule,
    RuleSchema,
    type RuleUpdate,
    RuleUpdateSchema,
    type RuleWrite,
    RuleWriteSchema,
    type Store,
    StoreSchema,
    type StoreWrite,
    StoreWriteSchema,
} from "./schemas";

const path = encodeURIComponent;

/** Listings of stores (per environment) and rules (per plan), shared within one provider operation. */
const storeListings = new ListingCache<Store>();
const ruleListings = new ListingCache<Rule>();

/** The environment's PingOne Directory store id, found (or created) once per provider process. */
const directoryStores = processCache<string, Promise<string>>();

/** Media type of the connection check ("test connection") request. */
const CONNECTION_CHECK_TYPE = "application/vnd.pingidentity.connection.check+json";

/** A rule's create body as the Docs "Update Rule" model: without `plan`, `sourceStore`, `targetStore`, `environment`. */
export function ruleUpdateOf({
    plan: _plan,
    environment: _environment,
    sourceStore: _s,
    targetStore: _t,
    ...update
}: RuleWrite): RuleUpdate {
    return update;
}

/**
 * PingOne identity propagation (outbound provisioning) in one environment: stores ("connections"), plans, rules,
 * attribute mappings and revisions.
 */
export class PropagationClient {
    private readonly base: string;

    constructor(
        private readonly client: PingOneClient,
        readonly environmentId: string,
    ) {
        this.base = `/environments/${path(environmentId)}/propagation`;
    }

    private get http() {
        return this.client.http;
    }

    /** Every store of the environment; shared by the creates of one provider operation (see `ListingCache`). */
    listStores(): Promise<Store[]> {
        return storeListings.list(this.storesKey, () =>
            this.client.listAll(`${this.base}/stores`, "stores", StoreSchema),
        );
    }

    /** The id of the environment's PingOne Directory store (the source of outbound provisioning), created if absent. */
    directoryStoreId(): Promise<string> {
        return cachedPromise(directoryStores, this.storesKey, async () => {
            const find = async () => (await this.listStores()).find((s) => s.type === "directory");
            // Outbound provisioning reads from the PingOne directory; the console creates this store implicitly.
            const create = () => this.createDirectoryStore({ type: "directory", name: "PingOne Directory" });
            return ((await find()) ?? (await createOnce(create, find))).id;
        });
    }

    private get storesKey(): string {
        return `${this.client.settings.apiUrl}|${this.environmentId}`;
    }

    private rulesKey(planId: string): string {
        return `${this.client.settings.apiUrl}|${this.environmentId}|${planId}`;
    }

    getStore(storeId: string): Promise<Store> {
        return this.http.request({
            method: "GET",
            path: `${this.base}/stores/${path(storeId)}`,
            responseSchema: StoreSchema,
        });
    }

    createStore(store: StoreWrite): Promise<Store> {
        const create = () =>
            this.http.request({
                method: "POST",
                path: `${this.base}/stores`,
                body: store,
                bodySchema: StoreWriteSchema,
                responseSchema: StoreSchema,
            });
        return storeListings.write(this.storesKey, create, (created) => storeListings.put(this.storesKey, created));
    }

    createDirectoryStore(store: DirectoryStoreWrite): Promise<Store> {
        const create = () =>
            this.http.request({
                method: "POST",
                path: `${this.base}/stores`,
                body: store,
                bodySchema: DirectoryStoreWriteSchema,
                responseSchema: StoreSchema,
            });
        return storeListings.write(this.storesKey, create, (created) => storeListings.put(this.storesKey, created));
    }

    /** Full replace: write-only secrets must be sent again. */
    updateStore(storeId: string, store: StoreWrite): Promise<Store> {
        const update = () =>
            this.http.request({
                method: "PUT",
                path: `${this.base}/stores/${path(storeId)}`,
                body: store,
                bodySchema: StoreWriteSchema,
                responseSchema: StoreSchema,
            });
        return storeListings.write(this.storesKey, update, (updated) => storeListings.put(this.storesKey, updated));
    }

    async deleteStore(storeId: string): Promise<void> {
        const remove = () => this.http.request({ method: "DELETE", path: `${this.base}/stores/${path(storeId)}` });
        await storeListings.write(this.storesKey, remove, () => storeListings.remove(storeId));
    }

    /** Asks PingOne to reach the target with a proposed store's settings; throws an `ApiError` saying what failed. */
    async checkConnection(store: StoreWrite): Promise<void> {
        await this.http.request({
            method: "POST",
            path: `${this.base}/stores/connection/status`,
            body: store,
            bodySchema: StoreWriteSchema,
            contentType: CONNECTION_CHECK_TYPE,
            repeatable: true, // a check changes nothing
        });
    }

    listPlans(): Promise<Plan[]> {
        return this.client.listAll(`${this.base}/plans`, "plans", PlanSchema);
    }

    getPlan(planId: string): Promise<Plan> {
        return this.http.request({
            method: "GET",
            path: `${this.base}/plans/${path(planId)}`,
            responseSchema: PlanSchema,
        });
    }

    createPlan(plan: PlanWrite): Promise<Plan> {
        return this.http.request({
            method: "POST",
            path: `${this.base}/plans`,
            body: plan,
            bodySchema: PlanWriteSchema,
            responseSchema: PlanSchema,
        });
    }

    updatePlan(planId: string, plan: PlanWrite): Promise<Plan> {
        return this.http.request({
            method: "PUT",
            path: `${this.base}/plans/${path(planId)}`,
            body: plan,
            bodySchema: PlanWriteSchema,
            responseSchema: PlanSchema,
        });
    }

    async deletePlan(planId: string): Promise<void> {
        await this.http.request({ method: "DELETE", path: `${this.base}/plans/${path(planId)}` });
    }

    /** A plan's rules (shared by the creates of one provider operation, see `ListingCache`), or every rule. */
    listRules(planId?: string): Promise<Rule[]> {
        if (!planId) {
            return this.client.listAll(`${this.base}/rules`, "rules", RuleSchema);
        }
        return ruleListings.list(this.rulesKey(planId), () =>
            this.client.listAll(`${this.base}/plans/${path(planId)}/rules`, "rules", RuleSchema),
        );
    }

    getRule(ruleId: string): Promise<Rule> {
        return this.http.request({
            method: "GET",
            path: `${this.base}/rules/${path(ruleId)}`,
            responseSchema: RuleSchema,
        });
    }

    /**
     * Creates through the documented plan-scoped path (Docs "Create Rule"), falling back to the older `/rules` path
     * (the Go SDK's only one) when the route itself is missing: a 405, or a 404 while the plan exists. A 404 because
     * the plan is gone is the caller's error, not a reason to try elsewhere.
     */
    async createRule(rule: RuleWrite): Promise<Rule> {
        const key = this.rulesKey(rule.plan.id);
        return ruleListings.write(
            key,
            () => this.createRuleOnce(rule),
            (created) => ruleListings.put(key, created),
        );
    }

    private async createRuleOnce(rule: RuleWrite): Promise<Rule> {
        const request = (createPath: string) =>
            this.http.request({
                method: "POST",
                path: createPath,
                body: { ...rule, environment: { id: this.environmentId } },
                bodySchema: RuleWriteSchema,
                responseSchema: RuleSchema,
            });
        try {
            return await request(`${this.base}/plans/${path(rule.plan.id)}/rules`);
        } catch (error) {
            const routeMissing =
                error instanceof ApiError &&
                (error.status === 405 || (error.status === 404 && (await this.planExists(rule.plan.id))));
            if (routeMissing) {
                return request(`${this.base}/rules`);
            }
            throw error;
        }
    }

    private async planExists(planId: string): Promise<boolean> {
        try {
            await this.getPlan(planId);
            return true;
        } catch (error) {
            if (error instanceof NotFoundError) {
                return false;
            }
            throw error;
        }
    }

    /** Full replace of the rule's mutable fields (the Docs "Update Rule" model); `planId` keys the rule listings. */
    updateRule(ruleId: string, planId: string, rule: RuleUpdate): Promise<Rule> {
        const key = this.rulesKey(planId);
        const update = () =>
            this.http.request({
                method: "PUT",
                path: `${this.base}/rules/${path(ruleId)}`,
                body: rule,
                bodySchema: RuleUpdateSchema,
                responseSchema: RuleSchema,
            });
        return ruleListings.write(key, update, (updated) => {
            ruleListings.remove(ruleId);
            ruleListings.put(key, updated);
        });
    }

    /**
     * `deprovision: true` also deprovisions the rule's users from its target (Docs "Delete Rule": `?deprovision=true`,
     * which needs `managed: true` on the target store).
     */
    async deleteRule(ruleId: string, options: { deprovision?: boolean } = {}): Promise<void> {
        await this.http.request({
            method: "DELETE",
            path: `${this.base}/rules/${path(ruleId)}`,
            query: options.deprovision ? { deprovision: "true" } : undefined,
        });
        ruleListings.remove(ruleId);
    }

    listMappings(ruleId: string): Promise<Mapping[]> {
        return this.client.listAll(`${this.base}/rules/${path(ruleId)}/mappings`, "mappings", MappingSchema);
    }

    createMapping(ruleId: string, mapping: MappingWrite): Promise<Mapping> {
        return this.http.request({
            method: "POST",
            path: `${this.base}/rules/${path(ruleId)}/mappings`,
            body: { ...mapping, attributeMappingType: mapping.attributeMappingType ?? "userAttributeMapping" },
            bodySchema: MappingWriteSchema,
            responseSchema: MappingSchema,
        });
    }

    updateMapping(ruleId: string, mappingId: string, mapping: MappingWrite): Promise<Mapping> {
        return this.http.request({
            method: "PUT",
            path: `${this.base}/mappings/${path(mappingId)}`,
            body: { ...mapping, rule: { id: ruleId } },
            bodySchema: MappingWriteSchema,
            responseSchema: MappingSchema,
        });
    }

    async deleteMapping(mappingId: string): Promise<void> {
        await this.http.request({ method: "DELETE", path: `${this.base}/mappings/${path(mappingId)}` });
    }

    /** Publishes the current configuration so the PingOne console shows it; also resynchronizes the stores. */
    async createRevision(): Promise<Revision> {
        const created = await this.http.request({
            method: "POST",
            path: `${this.base}/revisions`,
            responseSchema: RevisionSchema.optional(),
            repeatable: true, // publishing twice only adds a revision: safe to repeat after an unknown outcome
        });
        // The API may answer 201 without a body; the revision just made is then the latest one (soon readable).
        return created ?? afterOwnCreate(() => this.getLatestRevision());
    }

    getRevision(revisionId: string): Promise<Revision> {
        return this.http.request({
            method: "GET",
            path: `${this.base}/revisions/${path(revisionId)}`,
            responseSchema: RevisionSchema,
        });
    }

    getLatestRevision(): Promise<Revision> {
        return this.getRevision("id:latest");
    }
}
