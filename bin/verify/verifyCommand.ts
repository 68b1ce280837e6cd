import * as path from "node:path";
import { Command, InvalidArgumentError } from "commander";
import { setStackConfig } from "../../sdk/config/stackConfig";
import { openStack } from "../openStack";
import type { Output } from "../output";
import { ExitCode, runCommand } from "../runCommand";
import { wholeNumber } from "../wholeNumber";
import { formatVerification } from "./formatVerification";
import { runVerification } from "./runVerification";
import { type VerifyFlags, verifySettings } from "./verifySettings";

export interface VerifyOptions extends VerifyFlags {
    stack?: string;
    cwd?: string;
    json?: boolean;
}

const HELP = `
Checks, without Pulumi state, that provisioning works the way PingOne uses it, with documented endpoints only:
  connection           the PingOne SCIM connection exists and is enabled      (with --connection)
  sync-status          PingOne's report of its last provisioning              (with --connection)
  discovery            DocuWare's IdentityServiceInfo and OpenID configuration give the token URL
  token                DocuWare issues a client-credentials token to the app registration
  scim                 DocuWare's SCIM /Users answers the filter PingOne sends (userName eq "…")
  connection-settings  the connection's SCIM URL, token URL and client id match DocuWare
  connection-test      PingOne's own connection test; needs the connection's secret, which PingOne
                       never returns (--connection-secret; --scim-client-secret when the client ids match)
Each failed step prints the reason and the fix (wrong secret, provisioning disabled, wrong identity provider
path, TLS, DNS, timeout, …). With --connection, the DocuWare values not set are taken from the connection.

Settings: flags win; then, with --stack, the stack's config; then environment variables:
  --organization-url    docuware:organizationUrl             DOCUWARE_ORGANIZATION_URL
  --identity-provider   docuware-pingone:identityProvider    DOCUWARE_IDENTITY_PROVIDER (default: ping)
  --scim-client-id      docuware-pingone:scimClientId        DOCUWARE_SCIM_CLIENT_ID
  --scim-client-secret  docuware-pingone:scimClientSecret    DOCUWARE_SCIM_CLIENT_SECRET
  --connection          docuware-pingone:connection          PINGONE_CONNECTION
  --connection-secret   docuware-pingone:connectionSecret    PINGONE_CONNECTION_SECRET
  --timeout             docuware-pingone:requestTimeoutSeconds  DOCUWARE_PINGONE_REQUEST_TIMEOUT_SECONDS (30)
  --retries             docuware-pingone:maxRetries          DOCUWARE_PINGONE_MAX_RETRIES (5)
  PingOne worker application (for --connection): pingone:clientId, pingone:clientSecret,
  pingone:environmentId, pingone:regionCode (or pingone:authUrl and pingone:apiUrl) / PINGONE_CLIENT_ID,
  PINGONE_CLIENT_SECRET, PINGONE_ENVIRONMENT_ID, PINGONE_REGION_CODE (or PINGONE_AUTH_URL, PINGONE_API_URL).
Prefer environment variables for secrets: flags show in the process list. No secret is ever printed.

Exit codes:
  0  every step passed (skipped steps say what they need)
  1  usage or configuration error; nothing was checked
  2  a step failed

Examples:
  $ DOCUWARE_SCIM_CLIENT_SECRET=… docuware-pingone verify --organization-url https://acme.docuware.cloud \\
      --scim-client-id 5f0c…
  $ docuware-pingone verify --connection "DocuWare (acme)" --json
`;

/** `docuware-pingone verify`: an end-to-end check of DocuWare provisioning and a PingOne connection. */
export function verifyCommand(output: Output): Command {
    return new Command("verify")
        .description("Check DocuWare provisioning and a PingOne connection end to end, without Pulumi state.")
        .option("--organization-url <url>", "DocuWare organization, e.g. https://acme.docuware.cloud")
        .option(
            "--identity-provider <slug>",
            "identity provider of the SCIM path: ping, azure, okta, onpremise, generic-<id>",
        )
        .option("--scim-client-id <id>", "client id of the app registration PingOne uses")
        .option("--scim-client-secret <secret>", "its client secret (prefer DOCUWARE_SCIM_CLIENT_SECRET)")
        .option("--user-name <name>", "user name to look up through SCIM, as PingOne does (default: one no one has)")
        .option("--connection <id-or-name>", "PingOne SCIM connection (propagation store) to check")
        .option("--connection-secret <secret>", "the connection's write-only secret (prefer PINGONE_CONNECTION_SECRET)")
        .option("--timeout <seconds>", "timeout of each request", positiveNumber)
        .option(
            "--retries <count>",
            "retries of a request that timed out or got 502/503/504 (a 429 is waited out)",
            wholeNumber,
        )
        .option("-s, --stack <name>", "also read settings from this stack's config (needs the Pulumi CLI)")
        .option("-C, --cwd <dir>", "folder of the Pulumi project for --stack (default: the current folder)")
        .option("--json", "print a JSON document instead of the report")
        .addHelpText("after", HELP)
        .action(async (options: VerifyOptions) => {
            process.exitCode = await runCommand(output, options.json ?? false, () => verify(options, output));
        });
}

async function verify(options: VerifyOptions, output: Output): Promise<ExitCode> {
    if (options.stack) {
        const { config } = await openStack({ stackName: options.stack, cwd: path.resolve(options.cwd ?? ".") });
        setStackConfig({ get: (key) => config[key]?.value });
    }
    const verification = await runVerification(verifySettings(options), output);
    if (options.json) {
        output.json(verification);
    } else {
        output.result(formatVerification(verification));
    }
    return verification.ok ? ExitCode.ok : ExitCode.found;
}

function positiveNumber(value: string): number {
    const number = Number(value);
    if (!Number.isFinite(number) || number <= 0) {
        throw new InvalidArgumentError("must be a positive number of seconds, e.g. 10 or 0.5.");
    }
    return number;
}
