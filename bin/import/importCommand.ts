import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { Command, InvalidArgumentError } from "commander";
import { httpSettings } from "../../sdk/config/httpSettings";
import { readSetting, setStackConfig } from "../../sdk/config/stackConfig";
import { ConfigurationError } from "../../sdk/core/errors";
import { registerSecret } from "../../sdk/core/secrets";
import { PingOneClient } from "../../sdk/pingone/api/pingOneClient";
import { PINGONE_SETTING_SOURCES, pingOneSettings } from "../../sdk/pingone/api/settings";
import type { Output } from "../output";
import { ExitCode, runCommand } from "../runCommand";
import { withWaitProgress } from "../withWaitProgress";
import { discoverSetup } from "./discoverSetup";
import { generateProject } from "./generateProject";

export interface ImportOptions {
    out?: string;
    force?: boolean;
    environmentId?: string;
    connection?: string[];
    dryRun?: boolean;
    json?: boolean;
    projectName?: string;
    clientId?: string;
    clientSecret?: string;
    workerEnvironmentId?: string;
    region?: string;
    authUrl?: string;
    apiUrl?: string;
}

const HELP = `
Reads a PingOne → DocuWare provisioning setup made by hand (GET requests only: nothing is changed) and writes a
Pulumi project that adopts it: Pulumi.yaml, package.json, tsconfig.json, index.ts and README.md. Each SCIM connection
whose SCIM URL is DocuWare's User Provisioning service becomes one DocuWarePingOneProvisioning (existing-registration
mode, adopt: true) with its live names, options, filter and mappings, or, when it does not fit the component (several
rules, another identity provider, settings the component does not set, …), its resources one by one, with a comment
saying why. Other connections are listed as skipped. The \`pulumi config set\` commands the program needs are printed;
secrets are placeholders, as PingOne never returns them.

PingOne worker application: flags win, then PINGONE_CLIENT_ID, PINGONE_CLIENT_SECRET, PINGONE_ENVIRONMENT_ID,
PINGONE_REGION_CODE (or PINGONE_AUTH_URL and PINGONE_API_URL). --environment-id reads another environment than the
worker application's. Prefer environment variables for secrets: flags show in the process list.

Exit codes: 0 generated (warnings on stderr, and under "warnings" with --json); 1 nothing could be generated.

Examples:
  $ docuware-pingone import --out provisioning
  $ docuware-pingone import --connection "DocuWare (acme)" --dry-run
  $ docuware-pingone import --json --dry-run
`;

/** `docuware-pingone import`: a Pulumi project that adopts a provisioning setup made by hand. */
export function importCommand(output: Output, packageVersion: string): Command {
    return new Command("import")
        .description("Generate a Pulumi project that adopts an existing PingOne → DocuWare setup, changing nothing.")
        .option("-o, --out <dir>", "folder to write the project to (must be empty, or use --force)")
        .option("--force", "write into a folder that is not empty, replacing the generated files")
        .option("--environment-id <id>", "PingOne environment to read (default: the worker application's)")
        .option("--connection <name>", "import only this connection (repeatable)", collect, [] as string[])
        .option("--dry-run", "print the program and commands instead of writing files")
        .option("--json", "print the inventory as a JSON document")
        .option("--project-name <name>", "name of the Pulumi project (default: the folder's name)")
        .option("--client-id <id>", "PingOne worker application client id (PINGONE_CLIENT_ID)")
        .option("--client-secret <secret>", "its secret (prefer PINGONE_CLIENT_SECRET)")
        .option("--worker-environment-id <id>", "the worker application's environment (PINGONE_ENVIRONMENT_ID)")
        .option("--region <code>", "PingOne region: com, eu, asia, ca, com.au (PINGONE_REGION_CODE)")
        .option("--auth-url <url>", "custom PingOne auth URL (PINGONE_AUTH_URL)")
        .option("--api-url <url>", "custom PingOne API URL (PINGONE_API_URL)")
        .addHelpText("after", HELP)
        .action(async (options: ImportOptions) => {
            process.exitCode = await runCommand(output, options.json ?? false, () =>
                withWaitProgress(output, () => runImport(options, output, packageVersion)),
            );
        });
}

function collect(value: string, previous: string[]): string[] {
    if (value.trim() === "") {
        throw new InvalidArgumentError("must name a connection.");
    }
    return [...previous, value];
}

/** Flags become the highest-priority settings source; unset flags fall through to the environment. */
function useFlags(options: ImportOptions): void {
    registerSecret(options.clientSecret);
    const flags: Record<string, string | undefined> = {
        [PINGONE_SETTING_SOURCES.clientId.configKey]: options.clientId,
        [PINGONE_SETTING_SOURCES.clientSecret.configKey]: options.clientSecret,
        [PINGONE_SETTING_SOURCES.environmentId.configKey]: options.workerEnvironmentId,
        [PINGONE_SETTING_SOURCES.regionCode.configKey]: options.region,
        [PINGONE_SETTING_SOURCES.authUrl.configKey]: options.authUrl,
        [PINGONE_SETTING_SOURCES.apiUrl.configKey]: options.apiUrl,
    };
    setStackConfig({ get: (key) => flags[key] });
}

/** Refuses a folder with files in it unless `--force`, before any request is made. */
function checkOutputFolder(out: string, force: boolean): void {
    if (existsSync(out) && readdirSync(out).length > 0 && !force) {
        throw new ConfigurationError(
            `--out ${out} is not empty; choose an empty or new folder, or add --force to write the generated files into it.`,
        );
    }
}

async function runImport(options: ImportOptions, output: Output, packageVersion: string): Promise<ExitCode> {
    if (!options.out && !options.dryRun) {
        throw new ConfigurationError("Set --out <dir> for the generated project, or --dry-run to only print it.");
    }
    const out = options.out && path.resolve(options.out);
    if (out && !options.dryRun) {
        checkOutputFolder(out, options.force ?? false);
    }
    useFlags(options);
    const settings = pingOneSettings();
    const client = new PingOneClient(settings, httpSettings());
    const environmentId = options.environmentId ?? settings.environmentId;
    const inventory = await discoverSetup(client, {
        environmentId,
        connections: options.connection,
        http: httpSettings(),
        progress: (text) => output.progress(text),
    });
    const custom = readSetting(PINGONE_SETTING_SOURCES.authUrl) && readSetting(PINGONE_SETTING_SOURCES.apiUrl);
    const project = generateProject(inventory, {
        projectName: options.projectName ?? projectNameFor(out),
        packageVersion: `^${packageVersion}`,
        workerClientId: settings.clientId,
        workerEnvironmentId: settings.environmentId,
        regionCode: custom ? undefined : readSetting(PINGONE_SETTING_SOURCES.regionCode),
        authUrl: custom ? settings.authUrl : undefined,
        apiUrl: custom ? settings.apiUrl : undefined,
    });
    for (const warning of inventory.warnings) {
        output.progress(`warning: ${warning}`);
    }
    if (out && !options.dryRun) {
        mkdirSync(out, { recursive: true });
        for (const [name, content] of Object.entries(project.files)) {
            writeFileSync(path.join(out, name), content);
        }
    }
    if (options.json) {
        output.json({
            ...inventory,
            configCommands: project.configCommands,
            writes: project.writes,
            ...(out && !options.dryRun ? { out, files: Object.keys(project.files) } : {}),
        });
        return ExitCode.ok;
    }
    const summary = [
        `${inventory.connections.length} DocuWare connection(s) to adopt, ${inventory.skipped.length} skipped.`,
        ...inventory.skipped.map((s) => `  skipped "${s.name}" (id ${s.id}): ${s.reason}`),
    ];
    if (options.dryRun) {
        output.result([...summary, "", "--- index.ts", project.files["index.ts"]!].join("\n"));
    } else {
        output.result([...summary, `Wrote ${Object.keys(project.files).join(", ")} to ${out}.`].join("\n"));
    }
    output.result(
        [
            "",
            "Then, in the project folder (replace each <…> with the secret; PingOne never returns secrets):",
            "  npm install",
            ...project.configCommands.map((command) => `  ${command}`),
            "  pulumi up",
            "",
            "The first `pulumi up` only writes:",
            ...(project.writes.length > 0 ? project.writes.map((write) => `  - ${write}`) : ["  - nothing"]),
        ].join("\n"),
    );
    return ExitCode.ok;
}

function projectNameFor(out: string | undefined): string {
    const base = out ? path.basename(out) : "";
    const name = base.replace(/[^A-Za-z0-9_.-]+/g, "-").replace(/^[-.]+|[-.]+$/g, "");
    return name || "docuware-pingone-provisioning";
}
