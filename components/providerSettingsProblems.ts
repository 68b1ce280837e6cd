import * as pulumi from "@pulumi/pulumi";
import { withStackConfig } from "../sdk/config/stackConfig";
import { MissingSettingsError, ProvisioningError } from "../sdk/core/errors";
import { configuredOrganizationUrl, docuWareAdminCredentials } from "../sdk/docuware/api/settings";
import { RegionSchema } from "../sdk/pingone/api/environment";
import { pingOneSettings } from "../sdk/pingone/api/settings";
import type { DocuWarePingOneProvisioningArgs } from "./provisioningArgs";

/**
 * The stack config / environment settings the children's providers will read, checked by the program during
 * `pulumi up`. The providers' own check refuses them too, but only after the engine has saved the new stack config as
 * the provider configuration in state, which `refresh` and `destroy` then use: a `pulumi up` with an environment id
 * that is not a UUID would leave every later refresh failing. A preview saves nothing, so there the providers' check,
 * which names the same fix, is enough.
 */
export function providerSettingsProblems(args: DocuWarePingOneProvisioningArgs): string[] {
    if (pulumi.runtime.isDryRun()) {
        return [];
    }
    const problems: string[] = [];
    const attempt = (read: () => unknown) => {
        try {
            read();
        } catch (error) {
            if (!(error instanceof ProvisioningError)) {
                throw error;
            }
            // Absent is not wrong here: an Automation API program gives credentials to the provider processes
            // (`envVars`), not to its own process. The providers' check names a missing setting.
            if (!(error instanceof MissingSettingsError)) {
                problems.push(error.message);
            }
        }
    };
    withStackConfig({ get: (key) => pulumi.runtime.getConfig(key) }, () => {
        // A region or organization URL known only later is the providers' to check.
        const region = RegionSchema.safeParse(args.region);
        if (region.success) {
            attempt(() => pingOneSettings(region.data));
        }
        if (args.existingRegistration === undefined && typeof (args.organizationUrl ?? "") === "string") {
            attempt(() =>
                docuWareAdminCredentials((args.organizationUrl as string | undefined) ?? configuredOrganizationUrl()),
            );
        }
    });
    return problems;
}
