import { Command, InvalidArgumentError, Option } from "commander";
import { startEmulators } from ".";
import { TOKEN_AUTH_METHODS, type TokenAuthMethod } from "./pingone/auth/authApp";

function positiveInteger(value: string): number {
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < 1) {
        throw new InvalidArgumentError("must be a whole number of at least 1");
    }
    return parsed;
}

function serviceLatencies(value: string): { pingone?: number; docuware?: number } {
    const latencies: { pingone?: number; docuware?: number } = {};
    for (const part of value.split(",")) {
        const [service, ms] = part.split("=");
        const parsed = Number(ms);
        if ((service !== "pingone" && service !== "docuware") || !Number.isInteger(parsed) || parsed < 0) {
            throw new InvalidArgumentError('must be like "pingone=100,docuware=150" (whole milliseconds)');
        }
        latencies[service] = parsed;
    }
    return latencies;
}

const program = new Command("emulators")
    .description("Serve emulated DocuWare and PingOne on loopback until stopped (Ctrl+C).")
    .option("--json", "print one JSON line with every URL and credential a client needs, then only serve")
    .option("--state-dir <dir>", "keep the emulators' state in this folder, so a restart keeps every object")
    .option("--docuware-organizations <n>", "number of DocuWare organizations", positiveInteger, 1)
    .option("--pingone-environments <n>", "number of PingOne environments", positiveInteger, 1)
    .addOption(
        new Option(
            "--pingone-token-auth <method>",
            "limit the PingOne worker app to one token endpoint authentication method (the other gets invalid_client)",
        ).choices(TOKEN_AUTH_METHODS),
    )
    .option(
        "--latency-ms <service=ms,…>",
        "round-trip latency added to every request, e.g. pingone=100,docuware=150",
        serviceLatencies,
    )
    .option(
        "--docuware-no-management-api",
        "answer 404 on DocuWare's app-registration and User Provisioning API, as DocuWare Cloud does",
    )
    .action(
        async (options: {
            json?: boolean;
            stateDir?: string;
            docuwareOrganizations: number;
            pingoneEnvironments: number;
            pingoneTokenAuth?: TokenAuthMethod;
            latencyMs?: { pingone?: number; docuware?: number };
            docuwareNoManagementApi?: boolean;
        }) => {
            const emulators = await startEmulators({
                ...options,
                docuwareManagementApi: !options.docuwareNoManagementApi,
            });
            const connection = emulators.connection();
            if (options.json) {
                console.log(JSON.stringify(connection));
            } else {
                console.log(`PingOne   auth ${connection.pingone.authUrl}  api ${connection.pingone.apiUrl}`);
                console.log(
                    `          environment ${connection.pingone.environmentId}, worker ${connection.pingone.workerClientId}`,
                );
                for (const organization of connection.docuwareOrganizations) {
                    console.log(
                        `DocuWare  ${organization.organizationName}: ${organization.baseUrl} (admin ${organization.adminClientId})`,
                    );
                }
                console.log("Provider environment (secrets only with --json):");
                for (const [name, value] of Object.entries(emulators.providerEnvironment())) {
                    console.log(`  ${name}=${name.endsWith("_SECRET") ? "***" : value}`);
                }
                console.log("Serving; press Ctrl+C to stop.");
            }
            const stop = () => {
                void emulators.close().then(() => process.exit(0));
            };
            process.once("SIGINT", stop);
            process.once("SIGTERM", stop);
        },
    );

program.parseAsync().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
});
