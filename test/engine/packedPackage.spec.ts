import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { LocalWorkspace, type Stack, type UpResult } from "@pulumi/pulumi/automation";
import { GUIDE_MAPPINGS } from "../../components/provisioningArgs";
import { emulatorStackConfig } from "../../emulators/stackConfig";
import { type CliResult, runCommand } from "../helpers/cliRunner";
import { type RunningEmulators, startTestEmulators } from "../helpers/emulators";
import { pingoneState, requestTotal, resetRequests } from "../helpers/emulatorState";
import { REPO_ROOT, fastEngineEnvironment, printEngineVersion, requireEngine } from "../helpers/engine";
import { LiveInvariants, type TrackedIds } from "../helpers/faultInvariants";
import { providerSource } from "../../sdk/dynamic/providerShim";
import { packPackage } from "../helpers/packedPackage";
import { type EmulatorState, emulatorState } from "../helpers/projects";

const PACKAGE_NAME = "pulumi-docuware-pingone";
const RUNTIME_MODULE = `${PACKAGE_NAME}/provider-runtime`;
const GUIDE_FLOW = path.join(REPO_ROOT, "examples", "guide-flow");

interface PackageJson {
    name: string;
    version: string;
    main?: string;
    types?: string;
    bin?: Record<string, string>;
    files?: string[];
    exports?: Record<string, string | Record<string, string>>;
    dependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
}

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, "utf8")) as T;

/** Every file package.json points consumers to (main, types, exports, bin), as paths inside the package. */
function referencedFiles(pkg: PackageJson): string[] {
    const exportTargets = Object.values(pkg.exports ?? {}).flatMap((target) =>
        typeof target === "string" ? [target] : Object.values(target),
    );
    return [pkg.main, pkg.types, ...exportTargets, ...Object.values(pkg.bin ?? {})]
        .filter((file): file is string => file !== undefined)
        .map((file) => path.posix.normalize(file));
}

/** The guide-flow program with the component's `mappings` argument set to `mappings` (TypeScript source). */
function guideProgram(mappings?: string): string {
    const program = readFileSync(path.join(GUIDE_FLOW, "index.ts"), "utf8");
    const call = 'new DocuWarePingOneProvisioning("docuware")';
    assert.ok(program.includes(call), "the example still creates the component the same way");
    return mappings === undefined
        ? program
        : program.replace(call, `new DocuWarePingOneProvisioning("docuware", { mappings: ${mappings} })`);
}

const mappingList = (pairs: readonly (readonly [string, string])[]) =>
    `[${pairs.map(([source, target]) => `{ source: "${source}", target: "${target}" }`).join(", ")}]`;
const GUIDE_PAIRS = GUIDE_MAPPINGS.map((m) => [m.source, m.target] as const);
const pairNames = (pairs: readonly (readonly [string, string])[]) => pairs.map(([s, t]) => `${s}→${t}`).sort();

/** The message of a Pulumi command that had to fail. */
async function failureOf(operation: Promise<unknown>, what: string): Promise<string> {
    try {
        await operation;
    } catch (error) {
        return error instanceof Error ? error.message : String(error);
    }
    return assert.fail(`${what} succeeded`);
}

/** The first Diagnostics section of a failed command's output: what the user saw. */
function diagnosticsOf(output: string): string {
    const start = output.indexOf("Diagnostics:");
    const end = output.indexOf("\nResources:", start);
    return output.slice(start, end === -1 ? undefined : end);
}

interface StateResource {
    urn: string;
    type: string;
    inputs?: Record<string, unknown>;
    outputs?: Record<string, unknown>;
}

async function stateResources(stack: Stack): Promise<StateResource[]> {
    return (await stack.exportStack()).deployment.resources as StateResource[];
}

/** What the stack's state records of the component's objects: their ids and the rule's mappings. */
async function recorded(stack: Stack): Promise<{ urns: string[]; tracked: TrackedIds; mappings: string[] }> {
    const resources = await stateResources(stack);
    const outputs = (kind: string) => resources.find((r) => r.type.endsWith(`/${kind}`))?.outputs ?? {};
    const rule = outputs("pingone:PropagationRule");
    return {
        urns: resources.map((r) => r.urn).sort(),
        tracked: {
            clientId: outputs("docuware:AppRegistration").clientId,
            storeId: outputs("pingone:PropagationStore").storeId,
            planId: outputs("pingone:PropagationPlan").planId,
            ruleId: rule.ruleId,
        },
        mappings: ((rule.mappings ?? []) as { source: string; target: string }[])
            .map((m) => `${m.source}→${m.target}`)
            .sort(),
    };
}

/**
 * The package as users get it: `npm pack`, installed from the tarball into a fresh Pulumi project outside the
 * repository, where nothing resolves from the checkout. Dynamic providers serialize differently when their code lives
 * in node_modules, so the guide's flow (examples/guide-flow) is deployed from there. The two sequences of issue 13
 * (an unknown mapping target; an environment id that is not a UUID, then other credentials or ids in stack config)
 * run here through the real CLI, each on its own stack, and end with state equal to the live services.
 */
describe("the packed package in a fresh project outside the repository", function () {
    this.timeout(900_000);
    const pkg = readJson<PackageJson>(path.join(REPO_ROOT, "package.json"));
    const passphrase = process.env.PULUMI_CONFIG_PASSPHRASE ?? "test";
    let projectDir: string;
    let packedFiles: string[];
    let emulators: RunningEmulators;
    let initialState: EmulatorState;
    let invariants: LiveInvariants;
    let blanked: Record<string, string>;

    before(async function () {
        requireEngine(this);
        printEngineVersion();
        projectDir = mkdtempSync(path.join(os.tmpdir(), "docuware-pingone-packed-"));
        const packed = packPackage(projectDir);
        packedFiles = packed.files;

        // The guide-flow example, depending on the tarball instead of the checkout.
        for (const file of ["Pulumi.yaml", "index.ts", "tsconfig.json"]) {
            copyFileSync(path.join(GUIDE_FLOW, file), path.join(projectDir, file));
        }
        const example = readJson<PackageJson>(path.join(GUIDE_FLOW, "package.json"));
        writeFileSync(
            path.join(projectDir, "package.json"),
            JSON.stringify(
                {
                    ...example,
                    dependencies: {
                        ...example.dependencies,
                        [PACKAGE_NAME]: `file:./${path.basename(packed.tarball)}`,
                    },
                },
                null,
                4,
            ),
        );
        const started = Date.now();
        execFileSync("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"], {
            cwd: projectDir,
            stdio: ["ignore", "pipe", "pipe"],
        });
        console.log(`      npm install took ${((Date.now() - started) / 1000).toFixed(1)} s`);
        emulators = await startTestEmulators();
        initialState = await emulatorState(emulators, emulators.docuware);
        invariants = await LiveInvariants.capture(emulators);
        // Only the stack config configures the providers, as in a user's project.
        blanked = Object.fromEntries(Object.keys(emulators.providerEnvironment()).map((name) => [name, ""] as const));
    });

    after(async () => {
        await emulators?.stop();
        if (projectDir) {
            rmSync(projectDir, { recursive: true, force: true });
        }
    });

    /**
     * Runs `body` on a new stack of the guide's flow, deployed from the installed package; then restores the program
     * and the config, destroys the stack and checks the emulators are as they were before it. Pulumi's ts-node checks
     * the program's types against the installed typings at each operation unless `typeCheck` is false.
     */
    async function withDeployedStack(
        body: (stack: Stack, deployed: UpResult) => Promise<void>,
        { typeCheck }: { typeCheck: boolean },
    ): Promise<void> {
        writeFileSync(path.join(projectDir, "index.ts"), guideProgram());
        const stack = await LocalWorkspace.createStack(
            { stackName: `packed-${randomBytes(3).toString("hex")}`, workDir: projectDir },
            {
                envVars: {
                    PULUMI_CONFIG_PASSPHRASE: passphrase,
                    ...blanked,
                    ...(typeCheck ? {} : fastEngineEnvironment()),
                },
            },
        );
        let failure: unknown;
        try {
            await stack.setAllConfig(emulatorStackConfig(emulators));
            await body(stack, await stack.up());
        } catch (error) {
            failure = error;
        }
        // Cleanup failures must not hide the test's own.
        try {
            writeFileSync(path.join(projectDir, "index.ts"), guideProgram());
            await stack.setAllConfig(emulatorStackConfig(emulators));
            await emulators.pingone.control.clearFaults();
            // If the test left a failing configuration saved in state, `pulumi up` saves the restored one.
            const destroyed = await stack.destroy().catch(async () => {
                await stack.up();
                return stack.destroy();
            });
            await stack.workspace.removeStack(stack.name);
            assert.equal(destroyed.summary.result, "succeeded");
            assert.deepEqual(await emulatorState(emulators, emulators.docuware), initialState, "destroy left a trace");
        } catch (error) {
            if (failure === undefined) {
                throw error;
            }
            console.log(`cleanup failed too: ${String(error)}`);
        }
        if (failure !== undefined) {
            throw failure;
        }
    }

    /** State records exactly the live objects, with the rule's live mappings, and `expected` is what is live. */
    async function assertStateEqualsLive(stack: Stack, expected: string[], urns?: string[]): Promise<void> {
        const state = await recorded(stack);
        assert.deepEqual(await invariants.deployedProblems(state.tracked, expected), []);
        assert.deepEqual(state.mappings, expected, "the rule's mappings in state are the live ones");
        if (urns) {
            assert.deepEqual(state.urns, urns, "no object dropped from (or added to) state");
        }
    }

    /** `docuware-pingone drift` of the installed package, as a CI job runs it in the project (asynchronously: the
     * emulators answer from this process). */
    function drift(stack: Stack): Promise<CliResult> {
        const bin = path.join(projectDir, "node_modules", ".bin", "docuware-pingone");
        return runCommand(
            bin,
            ["drift", "--stack", stack.name, "--json"],
            { PULUMI_CONFIG_PASSPHRASE: passphrase, ...fastEngineEnvironment() },
            { cwd: projectDir, timeoutMs: 300_000 },
        );
    }

    it("packs every file package.json points to, and nothing of the repository's own", () => {
        // npm skips `files` entries that match nothing without a word.
        const unmatchedFilesEntries = (pkg.files ?? []).filter(
            (entry) =>
                !entry.startsWith("!") &&
                !packedFiles.some((file) => file === entry || file.startsWith(entry.replace(/\/?$/, "/"))),
        );
        // main, types, exports and bin, also of nested packages (the policy pack's package.json).
        const nested = packedFiles
            .filter((file) => file !== "package.json" && path.posix.basename(file) === "package.json")
            .flatMap((file) =>
                referencedFiles(readJson<PackageJson>(path.join(REPO_ROOT, file))).map((target) =>
                    path.posix.join(path.posix.dirname(file), target),
                ),
            );
        const missingTargets = [...referencedFiles(pkg), ...nested].filter((file) => !packedFiles.includes(file));
        const repositoryFiles = packedFiles.filter((file) => /^(test|emulators|scripts|examples|program)\//.test(file));
        // Source maps would point stack traces at .ts sources the package does not ship.
        const sourceFiles = packedFiles.filter((file) => file.endsWith(".map") || /(?<!\.d)\.ts$/.test(file));
        assert.deepEqual(
            { unmatchedFilesEntries, missingTargets, repositoryFiles, sourceFiles },
            { unmatchedFilesEntries: [], missingTargets: [], repositoryFiles: [], sourceFiles: [] },
            `packed ${packedFiles.length} files`,
        );
    });

    it("installs with npm, outside the repository", () => {
        assert.ok(path.relative(REPO_ROOT, projectDir).startsWith(".."), "the project is outside the checkout");
        const installed = readJson<PackageJson>(path.join(projectDir, "node_modules", PACKAGE_NAME, "package.json"));
        assert.equal(installed.version, pkg.version);
    });

    it("deploys from node_modules; an unknown mapping target and a refused mapping write lose nothing", async () => {
        await withDeployedStack(
            async (stack, deployed) => {
                assert.equal(deployed.summary.result, "succeeded");
                assert.match(
                    String(deployed.outputs.status?.value),
                    /^DocuWare provisioning on \(ping\); connection .* on; rule/,
                );
                const resources = await stateResources(stack);
                const providers = resources.filter((r) => r.type.startsWith("pulumi-nodejs:dynamic/"));
                assert.equal(providers.length, 6, providers.map((r) => r.type).join(", "));
                for (const resource of providers) {
                    const serialized = String(resource.inputs?.__provider);
                    // One line that requires the runtime module by name at run time; nothing else is loaded or inlined.
                    assert.equal(serialized, providerSource(resource.type.slice("pulumi-nodejs:dynamic/".length)));
                    assert.deepEqual(
                        [...new Set([...serialized.matchAll(/require\(([^)]*)\)/g)].map((match) => match[1]))],
                        [JSON.stringify(RUNTIME_MODULE)],
                        `${resource.type} requires nothing but the runtime module`,
                    );
                    assert.ok(!serialized.includes(projectDir) && !serialized.includes(REPO_ROOT), "no absolute paths");
                }
                const guide = pairNames(GUIDE_PAIRS);
                const { urns } = await recorded(stack);
                await assertStateEqualsLive(stack, guide, urns);

                // title → jobTitle: preview fails naming the field and the fix, once, readably, with no request.
                writeFileSync(
                    path.join(projectDir, "index.ts"),
                    guideProgram(mappingList([...GUIDE_PAIRS, ["title", "jobTitle"]])),
                );
                await resetRequests(emulators);
                const diagnostics = diagnosticsOf(await failureOf(stack.preview(), "preview with jobTitle"));
                const message =
                    '`mappings[6].target`: target "jobTitle" is not an attribute DocuWare\'s SCIM service accepts; use one of';
                assert.equal(diagnostics.split(message).length - 1, 1, `the message once in:\n${diagnostics}`);
                assert.doesNotMatch(diagnostics, /^\s+at .+:\d+:\d+\)?$/m, "no stack trace");
                assert.doesNotMatch(diagnostics, /\{\s*$|\[Object\]|\.ts:\d+/m, "no object dump, no source location");
                assert.equal(await requestTotal(emulators), 0, "preview sent no request");
                // `pulumi up` fails the same way before changing anything: no mapping deleted.
                assert.match(await failureOf(stack.up(), "up with jobTitle"), /target "jobTitle" is not an attribute/);
                assert.equal(await requestTotal(emulators), 0, "up sent no request");
                await assertStateEqualsLive(stack, guide, urns);

                // Reverted: state equals live, so a refreshing preview shows nothing.
                writeFileSync(path.join(projectDir, "index.ts"), guideProgram());
                await stack.preview({ refresh: true, expectNoChanges: true });

                // PingOne refuses the second of two new mappings: state records what the rule holds at that moment.
                const changed = [
                    ...GUIDE_PAIRS.filter(([, target]) => target !== "familyName"),
                    ["title", "title"],
                    ["nickname", "nickName"],
                ] as const;
                writeFileSync(path.join(projectDir, "index.ts"), guideProgram(mappingList(changed)));
                await emulators.pingone.control.addFault({
                    route: "POST /v1/environments/:envId/propagation/rules/:ruleId/mappings",
                    kind: "status",
                    status: 400,
                    skip: 1,
                });
                assert.match(await failureOf(stack.up(), "up with a refused mapping"), /400|INVALID/);
                await emulators.pingone.control.clearFaults();
                const live = pairNames(
                    Object.values((await pingoneState(emulators)).mappings).map(
                        (m) => [m.sourceAttribute ?? "", m.targetAttribute] as const,
                    ),
                );
                assert.equal(
                    live.length,
                    GUIDE_PAIRS.length + 1,
                    `one mapping added, none deleted: ${live.join(", ")}`,
                );
                await assertStateEqualsLive(stack, live, urns);
                // The next plain `pulumi up` repairs the rest.
                assert.equal((await stack.up()).summary.result, "succeeded");
                await assertStateEqualsLive(stack, pairNames(changed), urns);
            },
            { typeCheck: true },
        );
    });

    it("an environment id that is not a UUID, another environment or revoked credentials in stack config lose nothing", async () => {
        await withDeployedStack(
            async (stack) => {
                const guide = pairNames(GUIDE_PAIRS);
                const before = await recorded(stack);
                const configured = emulatorStackConfig(emulators);
                const setPingOne = (key: string, value: string) =>
                    stack.setConfig(`pingone:${key}`, { value, secret: key === "clientSecret" });
                const stateConfig = async () =>
                    (await stateResources(stack)).find((r) => r.type === "pulumi:providers:pulumi-nodejs")?.inputs;
                const savedConfig = await stateConfig();

                // Not a UUID: preview fails naming the setting and the fix, plans no replace, sends no request.
                await setPingOne("environmentId", "my-environment");
                await resetRequests(emulators);
                const ops = new Set<string>();
                const previewed = await failureOf(
                    stack.preview({ onEvent: (event) => ops.add(event.resourcePreEvent?.metadata.op ?? "") }),
                    "preview with environment id my-environment",
                );
                assert.match(
                    diagnosticsOf(previewed),
                    /`pingone:environmentId`.*got "my-environment".*pulumi config set pingone:environmentId/,
                );
                assert.deepEqual(
                    [...ops].filter((op) => /replace/.test(op)),
                    [],
                    "no replace planned",
                );
                // `pulumi up` fails before saving anything: neither objects nor the provider configuration.
                assert.match(await failureOf(stack.up(), "up with environment id my-environment"), /my-environment/);
                assert.equal(await requestTotal(emulators), 0, "preview and up sent no request");
                assert.deepEqual(await stateConfig(), savedConfig, "the provider configuration in state is unchanged");
                await assertStateEqualsLive(stack, guide, before.urns);

                // Restored: drift reports nothing, and refreshing commands keep every object.
                await stack.setAllConfig(configured);
                const report = await drift(stack);
                assert.equal(report.code, 0, `drift:\n${report.stdout}\n${report.stderr}`);
                assert.deepEqual(JSON.parse(report.stdout).differences, []);
                assert.equal((await stack.up({ refresh: true })).summary.result, "succeeded");
                await stack.preview({ refresh: true, expectNoChanges: true });
                await assertStateEqualsLive(stack, guide, before.urns);

                // Revoked credentials saved in state by an update (that had nothing else to do), the stack config
                // restored: refresh, preview --refresh and destroy fail before changing anything, naming what to run.
                await setPingOne("clientSecret", "revoked-secret");
                await stack.up().catch(() => undefined);
                await assertStateEqualsLive(stack, guide, before.urns);
                await stack.setAllConfig(configured);
                for (const [name, run] of [
                    ["refresh", () => stack.refresh()],
                    ["preview --refresh", () => stack.preview({ refresh: true })],
                    ["destroy", () => stack.destroy()],
                ] as const) {
                    const message = diagnosticsOf(await failureOf(run(), `${name} with revoked credentials in state`));
                    assert.match(
                        message,
                        /run `pulumi up` without --refresh first/,
                        `${name} names the command to run`,
                    );
                    assert.match(message, /HTTP 401/, `${name} names the cause`);
                    await assertStateEqualsLive(stack, guide, before.urns);
                }
                assert.equal((await stack.up()).summary.result, "succeeded", "`pulumi up` saves the restored config");
                await stack.preview({ refresh: true, expectNoChanges: true });

                // A valid id of an environment the worker application cannot use: `pulumi up` changes nothing live; after
                // restoring the config, drift reports an error naming the command, never a deletion; `pulumi up` repairs.
                await setPingOne("environmentId", "0c8b9e52-3f4a-4d6b-9a1e-2f3c4d5e6f70");
                await stack.up().catch(() => undefined);
                await assertStateEqualsLive(stack, guide, before.urns);
                await stack.setAllConfig(configured);
                const failed = await drift(stack);
                assert.equal(failed.code, 1, `drift:\n${failed.stdout}\n${failed.stderr}`);
                assert.match(failed.stderr, /run `pulumi up` without --refresh first/);
                const failure = JSON.parse(failed.stdout) as { error?: { message: string }; differences?: unknown };
                assert.equal(failure.differences, undefined, "an error, not a drift report");
                assert.match(failure.error?.message ?? "", /nothing was taken as deleted/);
                await assertStateEqualsLive(stack, guide, before.urns);
                assert.equal((await stack.up()).summary.result, "succeeded");
                await stack.preview({ refresh: true, expectNoChanges: true });
                // Types were checked by the test above; here only the operations count.
            },
            { typeCheck: false },
        );
    });
});
