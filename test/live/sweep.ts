import { ApiError } from "../../sdk/core/errors";
import type { DocuWareScimClient } from "../../sdk/docuware/api/docuWareScimClient";
import { type PingOneClient, filterValue } from "../../sdk/pingone/api/pingOneClient";
import { PropagationClient } from "../../sdk/pingone/api/propagationClient";
import { PopulationSchema, UserSchema } from "../../sdk/pingone/api/schemas";

export interface SweepTarget {
    pingone: PingOneClient;
    environmentId: string;
    /** DocuWare's SCIM service with the registration PingOne uses; users it holds are swept too. */
    scim?: DocuWareScimClient;
}

/** What a sweep deleted, as `<kind> <name>` lines. */
export type SweepReport = string[];

const path = encodeURIComponent;

/** Deletes, ignoring "already gone": an error is never taken for a deletion, but a 404 on delete is one. */
async function deleted(run: Promise<unknown>): Promise<void> {
    try {
        await run;
    } catch (error) {
        if (!(error instanceof ApiError && error.status === 404)) {
            throw error;
        }
    }
}

/**
 * Deletes what live runs named with `prefix` left behind, through public APIs only, and nothing else: PingOne rules,
 * SCIM connections, plans (only when no other rule is in them), users and populations, and DocuWare SCIM users.
 */
export async function sweep(prefix: string, target: SweepTarget): Promise<SweepReport> {
    if (prefix.trim().length < 3) {
        throw new Error("the sweep prefix must have at least 3 characters, so that it cannot match unrelated objects");
    }
    const report: SweepReport = [];
    const { pingone, environmentId } = target;
    const propagation = new PropagationClient(pingone, environmentId);
    const ours = (name: string | undefined) => name?.startsWith(prefix) === true;

    for (const rule of (await propagation.listRules()).filter((r) => ours(r.name))) {
        await deleted(propagation.deleteRule(rule.id));
        report.push(`rule ${rule.name}`);
    }
    for (const store of (await propagation.listStores()).filter((s) => s.type === "scim" && ours(s.name))) {
        await deleted(propagation.deleteStore(store.id));
        report.push(`connection ${store.name}`);
    }
    for (const plan of (await propagation.listPlans()).filter((p) => ours(p.name))) {
        // Deleting a plan deletes its rules: a plan someone else put a rule in stays.
        if ((await propagation.listRules(plan.id)).length === 0) {
            await deleted(propagation.deletePlan(plan.id));
            report.push(`plan ${plan.name}`);
        }
    }
    const users = await pingone.listAll(`/environments/${path(environmentId)}/users`, "users", UserSchema, {
        filter: `username sw ${filterValue(prefix)}`,
    });
    for (const user of users.filter((u) => ours(u.username))) {
        await deleted(pingone.deleteUser(environmentId, user.id));
        report.push(`user ${user.username}`);
    }
    const populations = await pingone.listAll(
        `/environments/${path(environmentId)}/populations`,
        "populations",
        PopulationSchema,
        { filter: `name sw ${filterValue(prefix)}` },
    );
    for (const population of populations.filter((p) => ours(p.name))) {
        await deleted(
            pingone.http.request({
                method: "DELETE",
                path: `/environments/${path(environmentId)}/populations/${path(population.id)}`,
            }),
        );
        report.push(`population ${population.name}`);
    }
    if (target.scim) {
        for (const user of (await target.scim.listAllUsers()).filter((u) => ours(u.userName))) {
            await deleted(target.scim.deleteUser(user.id));
            report.push(`DocuWare user ${user.userName}`);
        }
    }
    return report;
}
