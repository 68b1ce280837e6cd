import { Command } from "commander";
import { liveTarget } from "../test/live/liveTarget";
import { sweep } from "../test/live/sweep";

/** `npm run sweep -- --prefix <p>`: deletes what earlier live runs named with the prefix left, and nothing else. */
const program = new Command("sweep")
    .description(
        "Delete leftovers of live acceptance runs (PingOne rules, connections, plans, users, populations and DocuWare SCIM users whose name starts with the prefix) from the services the standard variables name.",
    )
    .requiredOption("--prefix <prefix>", "the run prefix, e.g. dwp-live-1a2b3c (at least 3 characters)")
    .action(async (options: { prefix: string }) => {
        const target = await liveTarget();
        try {
            if (target.mode === "emulators") {
                console.error("No PINGONE_* / DOCUWARE_* variables set: sweeping freshly started emulators (a no-op).");
            }
            const report = await sweep(options.prefix, {
                pingone: target.pingone(),
                environmentId: target.environmentId,
                scim: await target.scim(),
            });
            console.log(report.length > 0 ? report.map((line) => `deleted ${line}`).join("\n") : "nothing to delete");
        } finally {
            await target.close();
        }
    });

program.parseAsync().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
});
