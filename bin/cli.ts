#!/usr/bin/env node
import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { Command } from "commander";
import { driftCommand } from "./drift/driftCommand";
import { impactCommand } from "./impact/impactCommand";
import { importCommand } from "./import/importCommand";
import { Output } from "./output";
import { registerEnvironmentSecrets } from "./registerEnvironmentSecrets";
import { verifyCommand } from "./verify/verifyCommand";
import { messageOf } from "../sdk/core/errors";

/** The `docuware-pingone` command line: `drift`, `impact`, `import` and `verify`. */
export function cli(output = new Output()): Command {
    return new Command("docuware-pingone")
        .description("Checks for PingOne to DocuWare user provisioning managed with pulumi-docuware-pingone.")
        .version(packageVersion())
        .showHelpAfterError("(run with --help for usage)")
        .addCommand(driftCommand(output))
        .addCommand(impactCommand(output))
        .addCommand(importCommand(output, packageVersion()))
        .addCommand(verifyCommand(output));
}

/** The package's version, from its package.json above this file (bin/ in the repository, dist/bin/ when built). */
function packageVersion(): string {
    for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
        const file = path.join(dir, "package.json");
        if (existsSync(file)) {
            const manifest = JSON.parse(readFileSync(file, "utf8")) as { name?: string; version?: string };
            if (manifest.name === "pulumi-docuware-pingone") {
                return manifest.version ?? "unknown";
            }
        }
    }
    return "unknown";
}

if (require.main === module) {
    registerEnvironmentSecrets();
    cli()
        .parseAsync(process.argv)
        .catch((error: unknown) => {
            new Output().error(messageOf(error));
            process.exitCode = 1;
        });
}
