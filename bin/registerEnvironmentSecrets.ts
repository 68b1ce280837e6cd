import { registerSecretValue } from "./registerSecretValue";

/**
 * Environment variables that hold secrets: the providers' credentials, the values `verify` checks, and Pulumi's own.
 * Registered at start so that no message can print them, even one that came from another process.
 */
export const SECRET_ENVIRONMENT_VARIABLES = [
    "PINGONE_CLIENT_SECRET",
    "DOCUWARE_CLIENT_SECRET",
    "DOCUWARE_ADMIN_CREDENTIALS",
    "DOCUWARE_SCIM_CLIENT_SECRET",
    "PINGONE_CONNECTION_SECRET",
    "PULUMI_CONFIG_PASSPHRASE",
    "PULUMI_ACCESS_TOKEN",
] as const;

export function registerEnvironmentSecrets(env: NodeJS.ProcessEnv = process.env): void {
    for (const name of SECRET_ENVIRONMENT_VARIABLES) {
        registerSecretValue(env[name]);
    }
}
