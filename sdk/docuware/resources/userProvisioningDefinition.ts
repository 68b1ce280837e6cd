import { z } from "zod";
import { ApiError } from "../../core/errors";
import type { ResourceDefinition } from "../../dynamic/resourceDefinition";
import { markedOwner } from "../../dynamic/ownership";
import { unlessNotFound } from "../../core/recovery";
import {
    IdentityProviderSlugSchema,
    identityProviderFields,
    identityProviderSlug,
    scimBaseUrl,
} from "../api/identityProvider";
import { DocuWareClient } from "../api/docuWareClient";
import { OrganizationUrlSchema } from "../api/organizationUrl";
import { docuWareAdminCredentials } from "../api/settings";
import type { ProvisioningSettings, ProvisioningSettingsWrite } from "../api/schemas";

export const UserProvisioningInputsSchema = z.object({
    organizationUrl: OrganizationUrlSchema,
    enabled: z.boolean().default(true),
    identityProvider: IdentityProviderSlugSchema.default("ping"),
    appRegistrationClientId: z.string().trim().min(1, "appRegistrationClientId must not be empty"),
    /** `<project>/<stack>/<resource>`: tells this stack's registrations from others when recording the settings found. */
    managedBy: z.string().min(1).optional(),
});
export type UserProvisioningInputs = z.infer<typeof UserProvisioningInputsSchema>;

export interface UserProvisioningOutputs extends UserProvisioningInputs {
    /** SCIM BASE URL for PingOne's connection. */
    scimBaseUrl: string;
    /** OAuth Token Request URL for PingOne's connection. */
    tokenUrl: string;
    /** The settings found before this resource changed them; restored on delete. */
    previousSettings: ProvisioningSettingsWrite;
}

const toWrite = (inputs: UserProvisioningInputs): ProvisioningSettingsWrite => ({
    Enabled: inputs.enabled,
    ...identityProviderFields(inputs.identityProvider),
    AppRegistrationId: inputs.appRegistrationClientId,
});

function toOutputs(
    settings: ProvisioningSettings,
    organizationUrl: string,
    tokenUrl: string,
    previousSettings: ProvisioningSettingsWrite,
    managedBy: string | undefined,
): UserProvisioningOutputs {
    const identityProvider = identityProviderSlug(settings) ?? "";
    return {
        organizationUrl,
        enabled: settings.Enabled,
        identityProvider,
        appRegistrationClientId: settings.AppRegistrationId ?? "",
        scimBaseUrl: settings.ScimBaseUrl ?? scimBaseUrl(organizationUrl, identityProvider),
        tokenUrl: settings.TokenEndpoint ?? tokenUrl,
        previousSettings,
        managedBy,
    };
}

const snapshot = (settings: ProvisioningSettings): ProvisioningSettingsWrite => ({
    Enabled: settings.Enabled,
    IdentityProvider: settings.IdentityProvider ?? null,
    GenericIdentifier: settings.GenericIdentifier ?? null,
    AppRegistrationId: settings.AppRegistrationId ?? null,
});

/** What a DocuWare organization has before anyone configures User Provisioning. */
const NEVER_CONFIGURED: ProvisioningSettingsWrite = {
    Enabled: false,
    IdentityProvider: null,
    GenericIdentifier: null,
    AppRegistrationId: null,
};

/**
 * The settings to restore on delete: the live ones, unless they are already this stack's own (they select this
 * resource's registration, or a registration marked as made by this stack — a deployment interrupted after
 * switching them). Those are never "previous": the organization is then taken as never configured.
 */
async function settingsBefore(
    client: DocuWareClient,
    inputs: UserProvisioningInputs,
): Promise<ProvisioningSettingsWrite> {
    const live = snapshot(await client.getProvisioningSettings());
    const selected = live.AppRegistrationId;
    if (!selected) {
        return live;
    }
    if (selected.toLowerCase() === inputs.appRegistrationClientId.toLowerCase()) {
        return NEVER_CONFIGURED;
    }
    const stack = inputs.managedBy?.replace(/[^/]*$/, "");
    if (stack) {
        const registration = await unlessNotFound(client.getAppRegistration(selected));
        if (markedOwner(registration?.Description)?.startsWith(stack)) {
            return NEVER_CONFIGURED;
        }
    }
    return live;
}

async function apply(inputs: UserProvisioningInputs, previousSettings?: ProvisioningSettingsWrite, tokenUrl?: string) {
    const client = DocuWareClient.fromConfig(inputs.organizationUrl, tokenUrl);
    const before = previousSettings ?? (await settingsBefore(client, inputs));
    const settings = await client.putProvisioningSettings(toWrite(inputs));
    return toOutputs(settings, inputs.organizationUrl, await client.tokenEndpoint(), before, inputs.managedBy);
}

export const userProvisioningDefinition: ResourceDefinition<UserProvisioningInputs, UserProvisioningOutputs> = {
    kind: "docuware:UserProvisioning",
    inputs: UserProvisioningInputsSchema,
    managedFields: ["organizationUrl", "enabled", "identityProvider", "appRegistrationClientId"],
    preflight: (inputs) => void docuWareAdminCredentials(inputs.organizationUrl),
    outputOnlyFields: ["scimBaseUrl", "tokenUrl", "previousSettings"],
    replaceFields: ["organizationUrl"],

    /** The settings exist once per organization: "creating" them records what was there, then applies the inputs. */
    async create(inputs) {
        return { id: inputs.organizationUrl, outs: await apply(inputs) };
    },

    async read(_id, olds) {
        const client = DocuWareClient.fromConfig(olds.organizationUrl, olds.tokenUrl);
        const settings = await client.getProvisioningSettings();
        return toOutputs(
            settings,
            olds.organizationUrl,
            await client.tokenEndpoint(),
            olds.previousSettings,
            olds.managedBy,
        );
    },

    async update(_id, olds, news) {
        return apply(news, olds.previousSettings, olds.tokenUrl);
    },

    /** Puts back the settings found at create; if their registration is gone, leaves provisioning disabled. */
    async delete(_id, olds) {
        const client = DocuWareClient.fromConfig(olds.organizationUrl, olds.tokenUrl);
        try {
            await client.putProvisioningSettings(olds.previousSettings);
        } catch (error) {
            if (!(error instanceof ApiError && error.status === 400)) {
                throw error;
            }
            await client.putProvisioningSettings({ ...olds.previousSettings, Enabled: false, AppRegistrationId: null });
        }
    },
};
