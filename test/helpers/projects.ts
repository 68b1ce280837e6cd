import { randomBytes } from "node:crypto";
import { cpSync, readdirSync, rmSync } from "node:fs";
import * as path from "node:path";
import { type ConfigMap, LocalWorkspace, type Stack } from "@pulumi/pulumi/automation";
import type { PingOneConnection } from "../../emulators";
import { type DocuWareEmulator, startDocuWareEmulator } from "../../emulators/docuware";
import { pingOneStackConfig } from "../../emulators/stackConfig";
import type { ControlClient } from "../../emulators/shared/controlClient";
import { PingOneClient } from "../../sdk/pingone/api/pingOneClient";
import { PopulationSchema } from "../../sdk/pingone/api/schemas";
import { enableProvisioning } from "./docuwareTestClient";
import type { RunningEmulators } from "./emulators";
import { REPO_ROOT, engineWorkDir, fastEngineEnvironment } from "./engine";
import { PROVIDER_ENVIRONMENT_VARIABLES } from "./providerEnvironmentVariables";

/** What a copy of the root project needs: Pulumi.yaml, the program and the tsconfig.json ts-node uses for it. */
export const ROOT_PROJECT_FILES = ["Pulumi.yaml", "program", "tsconfig.json"];

/** Anything with an emulator's control API: an emulated DocuWare organization or PingOne. */
export interface Controlled {
    control: ControlClient;
}

export interface ProjectStackOptions {
    /** The project folder (the one holding Pulumi.yaml), relative to the repository root. */
    project: string;
    /**
     * What to copy, relative to `project`. Defaults to the folder's files and subfolders except node_modules, build
     * output and stack config files (`Pulumi.<stack>.yaml`).
     */
    include?: string[];
    /** Stack config, as `pulumi config set [--secret]` would set it. */
    config?: ConfigMap;
    /** Stack config by path (`pulumi config set --path 'list[0].name' …`), for structured values. */
    pathConfig?: ConfigMap;
    /** Extra environment for the CLI and the provider processes it starts. */
    envVars?: Record<string, string>;
}

export interface ProjectStack {
    stack: Stack;
    /** The copy the stack runs from, under .work/engine. */
    workDir: string;
    /** `pulumi destroy`; `dispose` skips it afterwards. */
    destroy(): ReturnType<Stack["destroy"]>;
    /** Destroys what is left, removes the stack and the copy. */
    dispose(): Promise<void>;
}

function defaultIncludes(projectDir: string): string[] {
    return readdirSync(projectDir).filter(
        (name) => !["node_modules", "bin", "package-lock.json"].includes(name) && !/^Pulumi\..+\.yaml$/.test(name),
    );
}

/**
 * A stack of a Pulumi project of this repository (an example, the root program), run from a fresh copy under the
 * git-ignored .work/ folder: `pulumi` writes `Pulumi.<stack>.yaml` next to Pulumi.yaml, and tracked folders must
 * stay clean. Modules still resolve from the repository's node_modules, where `pulumi-docuware-pingone` links to
 * the checkout (scripts/with-toolchain.sh), as from an installed package.
 */
export async function createProjectStack(options: ProjectStackOptions): Promise<ProjectStack> {
    const projectDir = path.join(REPO_ROOT, options.project);
    const workDir = engineWorkDir(path.basename(options.project === "." ? "root" : options.project));
    for (const entry of options.include ?? defaultIncludes(projectDir)) {
        cpSync(path.join(projectDir, entry), path.join(workDir, entry), { recursive: true });
    }
    const stackName = `test-${randomBytes(3).toString("hex")}`;
    // The providers treat an empty variable as unset: a deployment proves that the stack config alone is enough.
    const blanked = Object.fromEntries(PROVIDER_ENVIRONMENT_VARIABLES.map((name) => [name, ""]));
    const stack = await LocalWorkspace.createStack(
        { stackName, workDir },
        {
            envVars: {
                PULUMI_CONFIG_PASSPHRASE: process.env.PULUMI_CONFIG_PASSPHRASE ?? "test",
                ...fastEngineEnvironment(),
                ...blanked,
                ...options.envVars,
            },
        },
    );
    if (options.config) {
        await stack.setAllConfig(options.config);
    }
    if (options.pathConfig) {
        await stack.setAllConfig(options.pathConfig, true);
    }
    let destroyed = false;
    return {
        stack,
        workDir,
        async destroy() {
            const result = await stack.destroy();
            destroyed = true;
            return result;
        },
        async dispose() {
            try {
                if (!destroyed) {
                    await stack.destroy();
                }
                await stack.workspace.removeStack(stackName);
            } finally {
                rmSync(workDir, { recursive: true, force: true });
            }
        },
    };
}

/**
 * The existing-registration example's stack config, after an administrator enabled User Provisioning for Ping in
 * DocuWare's console (Configuration > General > User Provisioning), which created the registration.
 */
export async function existingRegistrationStackConfig(emulators: RunningEmulators): Promise<ConfigMap> {
    const organization = emulators.docuware[0]!;
    const { registration } = await enableProvisioning(organization, "Ping");
    return {
        ...pingOneStackConfig(emulators.connection().pingone),
        "docuware:organizationUrl": { value: organization.baseUrl },
        registrationClientId: { value: registration.ClientId, secret: true },
        registrationClientSecret: { value: registration.ClientSecret, secret: true },
    };
}

/**
 * The multi-organization example's setup: acme and initech (a second organization administered with the same
 * credential: the stack has one DocuWare administrator credential for every managed organization) are managed by the
 * stack; globex is on "real Cloud", its registration made in DocuWare Configuration, for its own population.
 * `emulators` must run two DocuWare organizations; initech is started here and closed by `close`.
 */
export async function multiOrganizationSetup(emulators: RunningEmulators) {
    const connection = emulators.connection();
    const [acme, globex] = emulators.docuware as [DocuWareEmulator, DocuWareEmulator];
    const initech = await startDocuWareEmulator({
        organizationName: "Initech",
        adminClientId: acme.adminClientId,
        adminClientSecret: acme.adminClientSecret,
    });
    const { registration } = await enableProvisioning(globex, "Ping");
    const globexPopulation = await createPopulation(connection.pingone, "Globex");
    return {
        config: {
            ...pingOneStackConfig(connection.pingone),
            "docuware:clientId": { value: acme.adminClientId },
            "docuware:clientSecret": { value: acme.adminClientSecret, secret: true },
        } satisfies ConfigMap,
        pathConfig: {
            "organizations[0].name": { value: "acme" },
            "organizations[0].url": { value: acme.baseUrl },
            "organizations[1].name": { value: "initech" },
            "organizations[1].url": { value: initech.baseUrl },
            "organizations[2].name": { value: "globex" },
            "organizations[2].url": { value: globex.baseUrl },
            "organizations[2].population": { value: "Globex" },
            "registrations.globex.clientId": { value: registration.ClientId, secret: true },
            "registrations.globex.clientSecret": { value: registration.ClientSecret, secret: true },
        } satisfies ConfigMap,
        organizations: [acme, initech, globex],
        populations: { Globex: globexPopulation },
        close: () => initech.close(),
    };
}

/** The emulators' control-API `/state`, for comparing before and after a deployment. */
export interface EmulatorState {
    pingone: unknown;
    docuware: unknown[];
}

/**
 * The emulators' state without what a deployment leaves by design: PingOne keeps published revisions (they are
 * history; deleting a `PropagationRevision` only forgets it), and DocuWare stamps its User Provisioning settings
 * with the time they were put back.
 */
export async function emulatorState(
    emulators: Pick<RunningEmulators, "pingone">,
    docuware: Controlled[],
): Promise<EmulatorState> {
    const pingone = await emulators.pingone.control.get<{ environments: Record<string, Record<string, unknown>> }>(
        "/state",
    );
    for (const environment of Object.values(pingone.environments)) {
        delete environment["revisions"];
        delete environment["latestRevisionId"];
    }
    const organizations = await Promise.all(
        docuware.map(async (organization) => {
            const state = await organization.control.get<{ UserProvisioning: Record<string, unknown> }>("/state");
            delete state.UserProvisioning["ModifiedAt"];
            return state;
        }),
    );
    return { pingone, docuware: organizations };
}

/** A PingOne client for the emulated environment, with the worker application's credentials. */
export function pingOneClient(pingone: PingOneConnection): PingOneClient {
    return new PingOneClient({
        clientId: pingone.workerClientId,
        clientSecret: pingone.workerClientSecret,
        environmentId: pingone.environmentId,
        authUrl: pingone.authUrl,
        apiUrl: pingone.apiUrl,
    });
}

/** Creates a population, as an administrator does under Directory > Populations. Returns its id. */
export async function createPopulation(pingone: PingOneConnection, name: string): Promise<string> {
    const created = await pingOneClient(pingone).http.request({
        method: "POST",
        path: `/environments/${encodeURIComponent(pingone.environmentId)}/populations`,
        body: { name },
        responseSchema: PopulationSchema,
    });
    return created.id;
}

/** A provisioned PingOne user, as the test created it. */
export interface PingOneTestUser {
    id: string;
    username: string;
    /** Deletes the user in PingOne and waits until the emulated PingOne has deprovisioned it. */
    delete(): Promise<void>;
}

/**
 * The guide's "Provision users" step: creates a PingOne user (in the Default population unless `populationId` is
 * given) and waits until the emulated PingOne has provisioned it to every DocuWare its rules target.
 */
export async function provisionUser(
    emulators: Pick<RunningEmulators, "pingone">,
    pingone: PingOneConnection,
    username: string,
    populationId?: string,
): Promise<PingOneTestUser> {
    const client = pingOneClient(pingone);
    const created = await client.createUser(pingone.environmentId, {
        username,
        email: `${username}@example.com`,
        name: { given: "Jane", family: "Doe" },
        ...(populationId ? { population: { id: populationId } } : {}),
    });
    await emulators.pingone.waitForProvisioningIdle();
    return {
        id: created.id,
        username,
        async delete() {
            await client.deleteUser(pingone.environmentId, created.id);
            await emulators.pingone.waitForProvisioningIdle();
        },
    };
}

/** A DocuWare user as the emulator's control API lists it (Platform field names). */
export interface DocuWareTestUser {
    Id: string;
    Name: string;
    FirstName: string | null;
    LastName: string | null;
    EMail: string | null;
    Active: boolean;
    ExternalId: string | null;
    ExternalIdp: string | null;
}

/** The DocuWare user named `username` in an emulated organization, if any. */
export async function docuWareUser(organization: Controlled, username: string): Promise<DocuWareTestUser | undefined> {
    const state = await organization.control.get<{ Users: DocuWareTestUser[] }>("/state");
    return state.Users.find((user) => user.Name === username);
}

/** Deletes a DocuWare user in the console (out of band), so the emulator ends as it began. */
export async function deleteDocuWareUser(organization: Controlled, username: string): Promise<void> {
    const user = await docuWareUser(organization, username);
    if (user) {
        await organization.control.delete(`/users/${encodeURIComponent(user.Id)}`);
    }
}
