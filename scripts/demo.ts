import { cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { LocalWorkspace, type PolicyEvent, type Stack } from "@pulumi/pulumi/automation";
import { findDifferences } from "../bin/drift/findDifferences";
import { formatDrift } from "../bin/drift/formatDrift";
import { refreshPreview } from "../bin/drift/refreshPreview";
import { Output } from "../bin/output";
import { type Emulators, startEmulators } from "../emulators";
import { emulatorStackConfig } from "../emulators/stackConfig";
import { DocuWareClient } from "../sdk/docuware/api/docuWareClient";
import { PingOneClient } from "../sdk/pingone/api/pingOneClient";
import { UserSchema } from "../sdk/pingone/api/schemas";
import { pingOneSettings } from "../sdk/pingone/api/settings";
import { DemoFailure, DemoScript } from "./demoScript";

const REPO = path.resolve(__dirname, "..");
/** The guide's mappings without Enabled → active, which the policy pack requires. */
const MAPPINGS_WITHOUT_ACTIVE = [
    { source: "username", target: "userName" },
    { source: "email", target: "workEmail" },
    { source: "id", target: "externalId" },
];

interface DemoContext {
    emulators: Emulators;
    stack: Stack;
    pingone: PingOneClient;
    docuware: DocuWareClient;
}

/**
 * The project's main job, against emulated PingOne and DocuWare on loopback and a local file backend: deploy the
 * root program, show the configuration on both sides, provision a user, detect and repair drift, stop a variant with
 * the policy pack, destroy, and check that both services are as they were. Throws on the first step that does not
 * turn out as shown; leaves no file behind in the repository.
 */
export async function runDemo(
    write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): Promise<void> {
    const script = new DemoScript(write);
    const workDir = path.join(REPO, ".work", `demo-${process.pid}-${Date.now()}`);
    mkdirSync(workDir, { recursive: true });
    for (const entry of ["Pulumi.yaml", "program", "tsconfig.json"]) {
        cpSync(path.join(REPO, entry), path.join(workDir, entry), { recursive: true });
    }
    const emulators = await startEmulators();
    let stack: Stack | undefined;
    try {
        stack = await createDemoStack(emulators, workDir);
        const context = withClients(emulators, stack);
        const before = await configurationOf(context);
        await deploy(script, context);
        await provisionUser(script, context);
        await repairDrift(script, context);
        await enforcePolicy(script, context, workDir);
        await destroy(script, context, before);
        script.done();
    } finally {
        await stack?.workspace.removeStack(stack.name, { force: true }).catch(() => undefined);
        await emulators.close();
        rmSync(workDir, { recursive: true, force: true });
    }
}

async function createDemoStack(emulators: Emulators, workDir: string): Promise<Stack> {
    const stack = await LocalWorkspace.createStack(
        { stackName: `demo-${process.pid}`, workDir },
        // The program gets everything from stack config, as in a user's platform repository.
        { envVars: Object.fromEntries(Object.keys(emulators.providerEnvironment()).map((name) => [name, ""])) },
    );
    await stack.setAllConfig(emulatorStackConfig(emulators));
    return stack;
}

function withClients(emulators: Emulators, stack: Stack): DemoContext {
    const environment = emulators.providerEnvironment();
    Object.assign(process.env, environment); // the demo's own API calls read the same settings the providers do
    return {
        emulators,
        stack,
        pingone: new PingOneClient(pingOneSettings()),
        docuware: DocuWareClient.fromConfig(environment.DOCUWARE_ORGANIZATION_URL),
    };
}

async function deploy(script: DemoScript, { stack, emulators }: DemoContext): Promise<void> {
    script.step("Deploy the root program (pulumi up) against emulated PingOne and DocuWare");
    const result = await stack.up();
    const outputs = result.outputs;
    const docuware = await emulators.docuware[0]!.control.get<DocuWareSettingsView>("/state");
    script.show(
        `DocuWare User Provisioning: ${docuware.UserProvisioning.Enabled ? "enabled" : "disabled"}, identity provider ${docuware.UserProvisioning.IdentityProvider}`,
    );
    script.show(`  SCIM BASE URL        ${outputs.scimBaseUrl?.value}`);
    script.show(`  OAuth Token Request  ${outputs.tokenUrl?.value}`);
    script.show(
        `  app registration     ${docuware.AppRegistrations.map((r) => `"${r.Name}" (client id ${r.ClientId})`).join(", ")}; secret kept encrypted in state`,
    );
    script.show(`PingOne: ${outputs.status?.value}`);
    script.expect(
        docuware.UserProvisioning.Enabled && docuware.UserProvisioning.IdentityProvider === "Ping",
        "DocuWare provisioning is enabled for Ping",
    );
    script.expect(
        docuware.AppRegistrations.some((r) => r.ClientId === outputs.clientId?.value),
        "the registration's client id is the connection's",
    );
}

async function provisionUser(script: DemoScript, { pingone, docuware, emulators }: DemoContext): Promise<void> {
    script.step("Create a user in PingOne's Default population; PingOne provisions it to DocuWare through SCIM");
    const environmentId = emulators.connection().pingone.environmentId;
    const user = await pingone.createUser(environmentId, {
        username: "jdoe",
        email: "jane.doe@example.com",
        name: { given: "Jane", family: "Doe" },
    });
    await emulators.pingone.waitForProvisioningIdle();
    const arrived = (await docuware.listUsers()).find((u) => u.Name === "jdoe");
    script.show(`PingOne user jdoe (id ${user.id}) → DocuWare user ${JSON.stringify(arrived)}`);
    script.expect(arrived?.EMail === "jane.doe@example.com", "workEmail arrived as the DocuWare e-mail");
    script.expect(arrived?.FirstName === "Jane" && arrived?.LastName === "Doe", "given and family name arrived");
    script.expect(arrived?.ExternalIdpUserId === user.id, "externalId is the PingOne user id");
    script.expect(arrived?.Active === true, "the DocuWare user is active");

    script.step("Disable the user in PingOne; DocuWare disables it too");
    await pingone.setUserEnabled(environmentId, user.id, false);
    await emulators.pingone.waitForProvisioningIdle();
    const disabled = (await docuware.listUsers()).find((u) => u.Name === "jdoe");
    script.show(`DocuWare user jdoe: Active = ${disabled?.Active}`);
    script.expect(disabled?.Active === false, "the DocuWare user is disabled, not deleted");
}

async function repairDrift(script: DemoScript, { stack, emulators }: DemoContext): Promise<void> {
    script.step("Someone switches the rule off in the PingOne console; pulumi preview --refresh reports exactly that");
    const pingone = await pingOneState(emulators);
    const ruleId = Object.keys(pingone.rules)[0]!;
    await emulators.pingone.control.patch(
        `/environments/${emulators.connection().pingone.environmentId}/rules/${ruleId}`,
        {
            active: false,
        },
    );
    const analysis = findDifferences(
        await refreshPreview(stack, new Output({ write: () => true }, { write: () => true })),
    );
    script.show(formatDrift(stack.name, analysis));
    const found = analysis.differences.map(
        (d) => `${d.resource}.${d.property}: ${String(d.expected)} → ${String(d.actual)} (${d.cause})`,
    );
    script.expect(
        found.length === 1 && found[0] === "docuware-rule.active: true → false (changed-outside-pulumi)",
        "the only difference is the rule's `active`",
    );

    script.step("pulumi up --refresh puts it back");
    await stack.up({ refresh: true });
    script.expect((await pingOneState(emulators)).rules[ruleId]?.active === true, "the rule is active again");
    script.show("rule active again");
}

async function enforcePolicy(script: DemoScript, { stack }: DemoContext, workDir: string): Promise<void> {
    script.step("A variant without the Enabled → active mapping: the policy pack stops it at preview");
    await stack.setConfig("mappings", { value: JSON.stringify(MAPPINGS_WITHOUT_ACTIVE) });
    const violations: PolicyEvent[] = [];
    let failed = false;
    try {
        await stack.preview({
            policyPacks: [path.join(REPO, "policy")],
            policyPackConfigs: [loopbackPolicyConfig(workDir)],
            onEvent: (event) => event.policyEvent && violations.push(event.policyEvent),
        });
    } catch {
        failed = true;
    } finally {
        await stack.removeConfig("mappings");
    }
    const mandatory = violations.filter((v) => v.enforcementLevel === "mandatory");
    for (const violation of mandatory) {
        script.show(`[${violation.enforcementLevel}] ${violation.policyName}: ${violation.message.trim()}`);
    }
    script.expect(failed, "the preview failed");
    script.expect(
        mandatory.length === 1 && mandatory[0]!.policyName === "propagation-rule-required-mappings",
        "exactly one mandatory violation: propagation-rule-required-mappings",
    );
    script.expect(/enabled → active/.test(mandatory[0]?.message ?? ""), "its message names the missing mapping");
}

async function destroy(script: DemoScript, context: DemoContext, before: unknown): Promise<void> {
    script.step("pulumi destroy; both services are left as they were");
    const environmentId = context.emulators.connection().pingone.environmentId;
    const user = await context.pingone.findUserByUsername(environmentId, "jdoe");
    if (user) {
        await context.pingone.deleteUser(environmentId, user.id);
        await context.emulators.pingone.waitForProvisioningIdle();
    }
    await context.stack.destroy();
    const demoUser = (await context.docuware.listUsers()).find((u) => u.Name === "jdoe");
    if (demoUser) {
        await context.emulators.docuware[0]!.control.delete(`/users/${demoUser.Id}`); // the demo's own test data
    }
    const after = await configurationOf(context);
    script.show(`both services now: ${JSON.stringify(after, null, 1).replace(/\n\s*/g, " ")}`);
    script.expect(
        JSON.stringify(after) === JSON.stringify(before),
        "PingOne and DocuWare configuration equal what they were before the demo",
    );
}

interface DocuWareSettingsView {
    AppRegistrations: { ClientId: string; Name: string }[];
    UserProvisioning: { Enabled: boolean; IdentityProvider: string | null; AppRegistrationId: string | null };
    Users: { Name: string }[];
}

interface PingOneView {
    stores: Record<string, { name: string }>;
    plans: Record<string, { name: string }>;
    rules: Record<string, { name: string; active: boolean }>;
    mappings: Record<string, unknown>;
}

async function pingOneState(emulators: Emulators): Promise<PingOneView> {
    const state = await emulators.pingone.control.get<{ environments: Record<string, PingOneView> }>("/state");
    return state.environments[emulators.connection().pingone.environmentId]!;
}

/** What the demo touches on both sides, without timestamps. */
async function configurationOf({ emulators, pingone }: DemoContext): Promise<unknown> {
    const docuware = await emulators.docuware[0]!.control.get<DocuWareSettingsView>("/state");
    const p1 = await pingOneState(emulators);
    const users = await pingone.listAll(
        `/environments/${emulators.connection().pingone.environmentId}/users`,
        "users",
        UserSchema,
    );
    return {
        docuwareRegistrations: docuware.AppRegistrations.map((r) => r.Name),
        docuwareProvisioning: {
            Enabled: docuware.UserProvisioning.Enabled,
            IdentityProvider: docuware.UserProvisioning.IdentityProvider,
            AppRegistrationId: docuware.UserProvisioning.AppRegistrationId,
        },
        docuwareUsers: docuware.Users.map((u) => u.Name).sort(),
        pingoneStores: Object.values(p1.stores).map((s) => s.name),
        pingonePlans: Object.values(p1.plans).map((p) => p.name),
        pingoneRules: Object.values(p1.rules).map((r) => r.name),
        pingoneMappings: Object.keys(p1.mappings).length,
        pingoneUsers: users.map((u) => u.username).sort(),
    };
}

/** The emulators speak http on loopback, which the pack allows only when told so. */
function loopbackPolicyConfig(workDir: string): string {
    const file = path.join(workDir, "policy-config.json");
    writeFileSync(
        file,
        JSON.stringify({
            "scim-connection-url-docuware": { allowLoopbackHttp: true },
            "scim-connection-oauth-client-credentials": { allowLoopbackHttp: true },
        }),
    );
    return file;
}

if (require.main === module) {
    const started = Date.now();
    runDemo()
        .then(() => console.log(`\nDemo finished in ${Math.round((Date.now() - started) / 1000)} s.`))
        .catch((error: unknown) => {
            console.error(
                `\nDemo failed: ${error instanceof DemoFailure ? error.message : error instanceof Error ? error.stack : error}`,
            );
            process.exit(1);
        });
}
