import { z } from "zod";
import type { ResourceDefinition } from "../providers/definition";
import { createOnce, deleteIdempotent, readUnlessDeleted, unlessNotFound } from "../providers/recovery";
import {
    EnvironmentIdSchema,
    type PingOneLocation,
    RegionSchema,
    pingOneApis,
    requireEnvironment,
    requirePingOneSettings,
} from "./environment";
import type { Plan } from "./schemas";

export const PropagationPlanInputsSchema = z.object({
    environmentId: EnvironmentIdSchema,
    region: RegionSchema,
    name: z.string().trim().min(1, "name must not be empty").default("Default Plan"),
    /** Plan status ACTIVE: the provisioning engine only runs active plans. */
    active: z.boolean().default(true),
});
export type PropagationPlanInputs = z.infer<typeof PropagationPlanInputsSchema>;

export interface PropagationPlanOutputs extends PropagationPlanInputs {
    planId: string;
    /** True when the plan existed before and was taken over; such a plan is left in place on delete. */
    adopted: boolean;
}

function toOutputs(plan: Plan, location: PingOneLocation, adopted: boolean): PropagationPlanOutputs {
    const { environmentId, region } = location;
    return { environmentId, region, name: plan.name, active: plan.status !== "INACTIVE", planId: plan.id, adopted };
}

const toPlanWrite = (inputs: PropagationPlanInputs) => ({
    name: inputs.name,
    status: inputs.active ? ("ACTIVE" as const) : ("INACTIVE" as const),
});

export const propagationPlanDefinition: ResourceDefinition<PropagationPlanInputs, PropagationPlanOutputs> = {
    kind: "pingone:PropagationPlan",
    inputs: PropagationPlanInputsSchema,
    managedFields: ["environmentId", "region", "name", "active"],
    preflight: requirePingOneSettings,
    outputOnlyFields: ["planId", "adopted"],
    replaceFields: ["environmentId", "region"],

    /** PingOne allows one plan per environment: take over the existing one, else create it. */
    async create(inputs) {
        const api = pingOneApis(inputs).propagation;
        const existing = (await api.listPlans())[0];
        if (existing) {
            const desired = toPlanWrite(inputs);
            const matches = existing.name === desired.name && (existing.status ?? "ACTIVE") === desired.status;
            const plan = matches ? existing : await api.updatePlan(existing.id, desired);
            return { id: plan.id, outs: toOutputs(plan, inputs, true) };
        }
        const plan = await createOnce(
            () => api.createPlan(toPlanWrite(inputs)),
            async () => (await api.listPlans())[0],
        );
        return { id: plan.id, outs: toOutputs(plan, inputs, false) };
    },

    async read(id, olds) {
        const apis = pingOneApis(olds);
        const plan = await readUnlessDeleted(
            () => apis.propagation.getPlan(id),
            () => requireEnvironment(apis),
        );
        return plan && toOutputs(plan, olds, olds.adopted);
    },

    async update(id, olds, news) {
        const plan = await pingOneApis(news).propagation.updatePlan(id, toPlanWrite(news));
        return toOutputs(plan, news, olds.adopted);
    },

    /**
     * Deletes only a plan this resource created, and only once it has no rules: deleting a plan cascades to every
     * rule in it, including rules other stacks or people own.
     */
    async delete(id, olds) {
        if (olds.adopted) {
            return;
        }
        const api = pingOneApis(olds).propagation;
        const remaining = await unlessNotFound(api.listRules(id));
        if (remaining && remaining.length > 0) {
            return;
        }
        await deleteIdempotent(api.deletePlan(id));
    },
};
