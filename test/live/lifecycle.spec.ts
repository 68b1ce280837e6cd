import { strict as assert } from "node:assert";
import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { DocuWarePingOneProvisioning } from "../../components";
import { PropagationClient } from "../../sdk/pingone/api/propagationClient";
import { PropagationPlan } from "../../sdk/pingone/resources/propagationPlan";
import { PopulationSchema } from "../../sdk/pingone/api/schemas";
import {
    REPO_ROOT,
    StepRecorder,
    type TestStack,
    createInlineStack,
    printEngineVersion,
    requireEngine,
} from "../helpers/engine";
import { type LiveTarget, liveTarget } from "./liveTarget";
import { sweep } from "./sweep";

/** How long PingOne may take to provision the test user to DocuWare (real PingOne syncs within minutes). */
const PROVISIONING_TIMEOUT_MS = Number(process.env.LIVE_PROVISIONING_TIMEOUT_MS ?? 300_000);

async function eventually<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        const value = await probe();
        if (value !== undefined) {
            return value;
        }
        if (Date.now() > deadline) {
            throw new Error(`${what} did not happen within ${timeoutMs / 1000} s`);
        }
        await new Promise((resolve) => setTimeout(resolve, 1000));
    }
}

/**
 * Live acceptance: the component in existing-registration mode against the PingOne and DocuWare the standard
 * variables name (docs/live-testing.md), or against emulators started here and used as if remote. Public APIs
 * only; every object is named with this run's prefix, and the sweep removes them at the end.
 */
describe("live acceptance: one lifecycle against PingOne and DocuWare", function () {
    this.timeout(Math.max(180_000, PROVISIONING_TIMEOUT_MS + 120_000));
    const prefix = `dwp-live-${randomBytes(3).toString("hex")}`;
    let target: LiveTarget;
    let test: TestStack | undefined;
    let userId: string | undefined;

    before(async function () {
        requireEngine(this);
        printEngineVersion();
        target = await liveTarget();
        console.log(`      live: ${target.mode}, prefix ${prefix}`);
    });
    after(async () => {
        try {
            await test?.dispose();
        } finally {
            if (target) {
                await sweep(prefix, {
                    pingone: target.pingone(),
                    environmentId: target.environmentId,
                    scim: await target.scim(),
                });
                await target.close();
            }
        }
    });

    it("deploys, provisions a user, shows drift on preview, passes the policy pack and destroys cleanly", async () => {
        const env = target.environmentId;
        const pingone = target.pingone();
        const propagation = new PropagationClient(pingone, env);
        const population = `${prefix}-population`;
        // Rule scope of this run only: a population of its own, so no real user is provisioned.
        await pingone.http.request({
            method: "POST",
            path: `/environments/${encodeURIComponent(env)}/populations`,
            body: { name: population, description: "pulumi-docuware-pingone live test (sweep removes it)" },
            responseSchema: PopulationSchema,
        });

        const { organizationUrl, registration } = target;
        test = await createInlineStack({
            projectName: "live-acceptance",
            envVars: target.providerEnvironment,
            program: async () => {
                // An environment has one plan: an existing one is adopted (never renamed), else this one is created.
                const plan = new PropagationPlan(`${prefix}-plan`, { name: `${prefix} plan` });
                const provisioning = new DocuWarePingOneProvisioning(prefix, {
                    organizationUrl,
                    existingRegistration: {
                        clientId: pulumi.secret(registration.clientId),
                        clientSecret: pulumi.secret(registration.clientSecret),
                    },
                    planId: plan.id,
                    connectionName: `${prefix} DocuWare`,
                    ruleName: `${prefix} rule`,
                    userFilter: { populationName: population },
                });
                return { status: provisioning.status };
            },
        });

        const up = await test.stack.up();
        assert.equal(up.summary.result, "succeeded");

        // Provisioning: a user of this run's population reaches DocuWare's SCIM service.
        const username = `${prefix}-user`;
        const populationId = (await pingone.findPopulationByName(env, population))!.id;
        userId = (
            await pingone.createUser(env, {
                username,
                email: `${username}@example.com`,
                name: { given: "Live", family: "Test" },
                population: { id: populationId },
            })
        ).id;
        const scim = await target.scim();
        const provisioned = await eventually(
            `provisioning of ${username} to DocuWare`,
            async () => (await scim.listUsers(`userName eq "${username}"`))[0],
            target.mode === "emulators" ? 30_000 : PROVISIONING_TIMEOUT_MS,
        );
        assert.equal(provisioned.userName, username);

        // Drift: the connection's description edited outside Pulumi shows on `preview --refresh`.
        const store = (await propagation.listStores()).find((s) => s.name === `${prefix} DocuWare`)!;
        await propagation.updateStore(store.id, {
            name: store.name,
            description: "edited outside Pulumi",
            type: store.type,
            status: store.status ?? "ACTIVE",
            managed: store.managed,
            configuration: { ...store.configuration, OAUTH_CLIENT_SECRET: registration.clientSecret },
        });
        const steps = new StepRecorder();
        await test.stack.preview({ refresh: true, onEvent: steps.onEvent });
        assert.ok(
            steps.changes().some((change) => change.startsWith("update ") && change.includes("description")),
            `drift of the connection's description on preview --refresh: ${steps.changes().join("; ")}`,
        );

        // Policy preview: the pack runs against the deployed stack without a mandatory violation.
        const config = path.join(test.workDir, "policy-config.json");
        const loopback = target.mode === "emulators" ? { allowLoopbackHttp: true } : {};
        writeFileSync(
            config,
            JSON.stringify({
                "scim-connection-url-docuware": loopback,
                "scim-connection-oauth-client-credentials": loopback,
            }),
        );
        // A mandatory violation would fail the preview.
        await test.stack.preview({ policyPacks: [path.join(REPO_ROOT, "policy")], policyPackConfigs: [config] });

        // Destroy: nothing of this run's stack remains in PingOne.
        await pingone.deleteUser(env, userId);
        const destroyed = await test.stack.destroy();
        assert.equal(destroyed.summary.result, "succeeded");
        const left = [
            ...(await propagation.listStores()).map((s) => s.name),
            ...(await propagation.listRules()).map((r) => r.name),
        ].filter((name) => name.startsWith(prefix));
        assert.deepEqual(left, []);
    });
});
