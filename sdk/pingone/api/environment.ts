import { z } from "zod";
import { httpSettings } from "../../config/httpSettings";
import { readSetting } from "../../config/stackConfig";
import { NotFoundError, ProvisioningError } from "../../core/errors";
import { PingOneClient } from "./pingOneClient";
import { PropagationClient } from "./propagationClient";
import { PINGONE_ID_SOURCES, pingOneIdProblem } from "./pingOneId";
import { type PingOneRegion, findRegion, regionProblem } from "./regions";
import { PINGONE_SETTING_SOURCES, configuredEnvironmentIdProblem, pingOneSettings } from "./settings";

/**
 * The `environmentId` input every PingOne resource has: defaults to the worker application's environment
 * (`pingone:environmentId` / PINGONE_ENVIRONMENT_ID). Read from config in `check`, which makes no network call.
 */
export const EnvironmentIdSchema = z
    .string()
    .min(1)
    .optional()
    .transform((value, context) => {
        const environmentId = (value ?? readSetting(PINGONE_SETTING_SOURCES.environmentId))?.trim();
        if (!environmentId) {
            context.addIssue({
                code: "custom",
                message:
                    "no PingOne environment: set `environmentId`, or the stack config `pingone:environmentId` (PINGONE_ENVIRONMENT_ID)",
            });
            return z.NEVER;
        }
        const problem =
            value === undefined
                ? configuredEnvironmentIdProblem(environmentId)
                : pingOneIdProblem("environmentId", environmentId, PINGONE_ID_SOURCES.environmentId);
        if (problem) {
            context.addIssue({ code: "custom", message: problem });
            return z.NEVER;
        }
        return environmentId;
    });

/** The optional `region` input: overrides `pingone:regionCode` for this resource (custom endpoint URLs still win). */
export const RegionSchema = z
    .string()
    .optional()
    .transform((value, context) => {
        if (value === undefined) {
            return undefined;
        }
        const region = findRegion(value);
        if (region === undefined) {
            context.addIssue({ code: "custom", message: regionProblem(value) });
            return z.NEVER;
        }
        return region;
    });

/** Where a PingOne resource lives. */
export interface PingOneLocation {
    environmentId: string;
    region?: PingOneRegion;
}

/** Clients for one resource's environment, built from config inside the provider method (nothing is captured). */
export function pingOneApis(location: PingOneLocation): { client: PingOneClient; propagation: PropagationClient } {
    const settings = pingOneSettings(location.region);
    const http = httpSettings();
    // One client per settings for the process: building one (token source, two axios instances) per call was a
    // visible share of the provider's CPU time at 50 components.
    const key = JSON.stringify([settings, http]);
    let client = clients.get(key);
    if (!client) {
        client = new PingOneClient(settings, http);
        clients.set(key, client);
    }
    return { client, propagation: new PropagationClient(client, location.environmentId) };
}

/** Clients by settings (in memory only; the key holds the worker secret, as the token cache's key holds its hash). */
const clients = new Map<string, PingOneClient>();

/** Preflight of every PingOne resource: the worker credentials and endpoints are configured (no request is made). */
export function requirePingOneSettings(location: PingOneLocation): void {
    pingOneSettings(location.region);
}

/** Throws unless the resource's environment exists: the check that tells a deleted object from a wrong environment. */
export async function requireEnvironment({ client, propagation }: ReturnType<typeof pingOneApis>): Promise<void> {
    try {
        await client.getEnvironment(propagation.environmentId);
    } catch (error) {
        if (error instanceof NotFoundError) {
            throw new ProvisioningError(
                `PingOne environment ${propagation.environmentId} does not exist, or the worker application cannot see it (${error.message})`,
                { cause: error },
            );
        }
        throw error;
    }
}
