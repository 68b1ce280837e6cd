import { ApiError } from "../core/errors";
import type { PingOneClient } from "./client";
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
    type RuleWrite,
    RuleWriteSchema,
    type Store,
    StoreSchema,
    type StoreWrite,
    StoreWriteSchema,
} from "./schemas";

const path = encodeURIComponent;

/** Media type of the connection check ("test connection") request. */
const CONNECTION_CHECK_TYPE = "application/vnd.pingidentity.connection.check+json";

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

    listStores(): Promise<Store[]> {
        return this.client.listAll(`${this.base}/stores`, "stores", StoreSchema);
    }

    getStore(storeId: string): Promise<Store> {
        return this.http.request({
            method: "GET",
            path: `${this.base}/stores/${path(storeId)}`,
            responseSchema: StoreSchema,
        });
    }

    createStore(store: StoreWrite): Promise<Store> {
        return this.http.request({
            method: "POST",
            path: `${this.base}/stores`,
            body: store,
            bodySchema: StoreWriteSchema,
            responseSchema: StoreSchema,
        });
    }

    createDirectoryStore(store: DirectoryStoreWrite): Promise<Store> {
        return this.http.request({
            method: "POST",
            path: `${this.base}/stores`,
            body: store,
            bodySchema: DirectoryStoreWriteSchema,
            responseSchema: StoreSchema,
        });
    }

    /** Full replace: write-only secrets must be sent again. */
    updateStore(storeId: string, store: StoreWrite): Promise<Store> {
        return this.http.request({
            method: "PUT",
            path: `${this.base}/stores/${path(storeId)}`,
            body: store,
            bodySchema: StoreWriteSchema,
            responseSchema: StoreSchema,
        });
    }

    async deleteStore(storeId: string): Promise<void> {
        await this.http.request({ method: "DELETE", path: `${this.base}/stores/${path(storeId)}` });
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

    listRules(planId?: string): Promise<Rule[]> {
        const listPath = planId ? `${this.base}/plans/${path(planId)}/rules` : `${this.base}/rules`;
        return this.client.listAll(listPath, "rules", RuleSchema);
    }

    getRule(ruleId: string): Promise<Rule> {
        return this.http.request({
            method: "GET",
            path: `${this.base}/rules/${path(ruleId)}`,
            responseSchema: RuleSchema,
        });
    }

    /** Creates through the documented plan-scoped path, falling back to the older `/rules` path (404/405). */
    async createRule(rule: RuleWrite): Promise<Rule> {
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
            if (
                error instanceof ApiError &&
                (error.status === 404 || error.status === 405) &&
                error.code !== "NOT_FOUND"
            ) {
                return request(`${this.base}/rules`);
            }
            throw error;
        }
    }

    /** Full replace of the rule. */
    updateRule(ruleId: string, rule: RuleWrite): Promise<Rule> {
        return this.http.request({
            method: "PUT",
            path: `${this.base}/rules/${path(ruleId)}`,
            body: { ...rule, environment: { id: this.environmentId } },
            bodySchema: RuleWriteSchema,
            responseSchema: RuleSchema,
        });
    }

    async deleteRule(ruleId: string): Promise<void> {
        await this.http.request({ method: "DELETE", path: `${this.base}/rules/${path(ruleId)}` });
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
        // The API may answer 201 without a body; the revision just made is then the latest one.
        return created ?? this.getLatestRevision();
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
