import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { LocalWorkspace, type Stack, type UpResult } from "@pulumi/pulumi/automation";
import { emulatorStackConfig } from "../../emulators/stackConfig";
import { type RunningEmulators, startTestEmulators } from "../helpers/emulators";
import { REPO_ROOT, printEngineVersion, requireEngine } from "../helpers/engine";
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

/**
 * The package as users get it: `npm pack`, installed from the tarball into a fresh Pulumi project outside the
 * repository, where nothing resolves from the checkout. Dynamic providers serialize differently when their code lives
 * in node_modules, so this deploys and destroys the guide's flow (examples/guide-flow) from there.
 */
describe("the packed package in a fresh project outside the repository", function () {
    this.timeout(900_000);
    const pkg = readJson<PackageJson>(path.join(REPO_ROOT, "package.json"));
    let projectDir: string;
    let packedFiles: string[];
    let emulators: RunningEmulators;
    let initialState: EmulatorState;
    let stack: Stack | undefined;
    let deployed: UpResult;
    let destroyed = false;

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

        // Each test starts from the installed package and the deployed stack, made here rather than by another test.
        const started = Date.now();
        execFileSync("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"], {
            cwd: projectDir,
            stdio: ["ignore", "pipe", "pipe"],
        });
        console.log(`      npm install took ${((Date.now() - started) / 1000).toFixed(1)} s`);
        emulators = await startTestEmulators();
        initialState = await emulatorState(emulators, emulators.docuware);
        const blanked = Object.fromEntries(
            Object.keys(emulators.providerEnvironment()).map((name) => [name, ""] as const),
        );
        stack = await LocalWorkspace.createStack(
            { stackName: `packed-${randomBytes(3).toString("hex")}`, workDir: projectDir },
            { envVars: { PULUMI_CONFIG_PASSPHRASE: process.env.PULUMI_CONFIG_PASSPHRASE ?? "test", ...blanked } },
        );
        await stack.setAllConfig(emulatorStackConfig(emulators));
        deployed = await stack.up();
    });

    after(async () => {
        try {
            if (stack) {
                if (!destroyed) {
                    await stack.destroy();
                }
                await stack.workspace.removeStack(stack.name);
            }
        } finally {
            await emulators?.stop();
            if (projectDir) {
                rmSync(projectDir, { recursive: true, force: true });
            }
        }
    });

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

    it("deploys the guide's flow from node_modules", () => {
        assert.equal(deployed.summary.result, "succeeded");
        assert.match(
            String(deployed.outputs.status?.value),
            /^DocuWare provisioning on \(ping\); connection .* on; rule/,
        );
    });

    it("serializes providers that load the installed package by name", async () => {
        const exported = await stack!.exportStack();
        const resources = exported.deployment.resources as { type: string; inputs?: Record<string, unknown> }[];
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
    });

    it("destroys, leaving the emulators as they were", async () => {
        const result = await stack!.destroy();
        destroyed = true;
        assert.equal(result.summary.result, "succeeded");
        assert.deepEqual(await emulatorState(emulators, emulators.docuware), initialState);
    });

    it("prints a validation error once, without a stack trace, and sends no request", async () => {
        const program = readFileSync(path.join(GUIDE_FLOW, "index.ts"), "utf8").replace(
            'new DocuWarePingOneProvisioning("docuware")',
            'new DocuWarePingOneProvisioning("docuware", { mappings: [{ source: "title", target: "jobTitle" }] })',
        );
        assert.ok(program.includes("jobTitle"), "the example still creates the component the same way");
        writeFileSync(path.join(projectDir, "index.ts"), program);
        await emulators.pingone.control.resetRequests();
        await emulators.docuware[0]!.control.resetRequests();
        let output = "(the preview succeeded)";
        await stack!.preview().catch((error: unknown) => {
            output = error instanceof Error ? error.message : String(error);
        });
        // The error repeats the CLI's output; its first Diagnostics section is what the user saw.
        const start = output.indexOf("Diagnostics:");
        const diagnostics = output.slice(start, output.indexOf("\nResources:", start));
        const message = '`mappings[0].target`: target "jobTitle" is not an attribute DocuWare\'s SCIM service accepts';
        assert.equal(diagnostics.split(message).length - 1, 1, `the message once in:\n${diagnostics}`);
        assert.doesNotMatch(diagnostics, /^\s+at .+:\d+:\d+\)?$/m, "no stack trace");
        assert.doesNotMatch(diagnostics, /\{\s*$|\[Object\]|\.ts:\d+/m, "no object dump, no source location");
        assert.equal((await emulators.pingone.control.requests()).total, 0);
        assert.equal((await emulators.docuware[0]!.control.requests()).total, 0);
    });
});
