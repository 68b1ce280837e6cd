import { z } from "zod";
import { httpSettings } from "../../config/httpSettings";
import { ProvisioningError } from "../../core/errors";
import { createHash } from "node:crypto";
import type { ResourceDefinition } from "../../dynamic/resourceDefinition";
import { IdentityProviderSlugSchema } from "../api/identityProvider";
import { OrganizationUrlSchema } from "../api/organizationUrl";
import { checkDocuWareProvisioning } from "../api/verification";

const required = (field: string) => ({
    error: (issue: { input?: unknown }) =>
        issue.input === undefined
            ? `${field} is required; copy it from the app registration in DocuWare Configuration`
            : undefined,
});

export const ExistingAppRegistrationInputsSchema = z.object({
    organizationUrl: OrganizationUrlSchema,
    clientId: z.string(required("clientId")).trim().min(1, "clientId must not be empty"),
    clientSecret: z
        .string(required("clientSecret"))
        .refine((secret) => secret.trim() !== "", "clientSecret must not be empty"),
    identityProvider: IdentityProviderSlugSchema.default("ping"),
    /** Always true in the inputs; a refresh sets it false when DocuWare stops accepting the credentials. */
    credentialsAccepted: z.literal(true).default(true),
});
export type ExistingAppRegistrationInputs = z.infer<typeof ExistingAppRegistrationInputsSchema>;

export interface ExistingAppRegistrationOutputs extends Omit<ExistingAppRegistrationInputs, "credentialsAccepted"> {
    credentialsAccepted: boolean;
    tokenUrl: string;
    scimBaseUrl: string;
    /** Why the last check failed, with the fix; absent when it passed. */
    checkFailure?: string;
}

async function check(inputs: ExistingAppRegistrationInputs | ExistingAppRegistrationOutputs) {
    const result = await checkDocuWareProvisioning(inputs, httpSettings());
    const failed = result.steps.find((s) => !s.ok);
    return {
        organizationUrl: inputs.organizationUrl,
        clientId: inputs.clientId,
        clientSecret: inputs.clientSecret,
        identityProvider: inputs.identityProvider,
        credentialsAccepted: result.ok,
        tokenUrl: result.tokenUrl ?? "",
        scimBaseUrl: result.scimBaseUrl,
        checkFailure: failed && `${failed.step}: ${failed.detail}${failed.fix ? ` (fix: ${failed.fix})` : ""}`,
    };
}

/** Creating or updating requires a passing check: nothing is recorded for credentials DocuWare refuses. */
async function verified(inputs: ExistingAppRegistrationInputs): Promise<ExistingAppRegistrationOutputs> {
    const outputs = await check(inputs);
    if (!outputs.credentialsAccepted) {
        throw new ProvisioningError(
            `The DocuWare app registration cannot be used for provisioning: ${outputs.checkFailure}`,
        );
    }
    return outputs;
}

export const existingAppRegistrationDefinition: ResourceDefinition<
    ExistingAppRegistrationInputs,
    ExistingAppRegistrationOutputs
> = {
    kind: "docuware:ExistingAppRegistration",
    inputs: ExistingAppRegistrationInputsSchema,
    managedFields: ["organizationUrl", "clientId", "clientSecret", "identityProvider", "credentialsAccepted"],
    outputOnlyFields: ["tokenUrl", "scimBaseUrl", "checkFailure"],

    async create(inputs) {
        // The id must not reveal the client id, which users keep as a secret.
        const id = createHash("sha256")
            .update(`${inputs.organizationUrl}|${inputs.clientId}`)
            .digest("hex")
            .slice(0, 24);
        return { id, outs: await verified(inputs) };
    },
    read: async (_id, olds) => check(olds),
    update: async (_id, _olds, news) => verified(news),
    /** The registration belongs to DocuWare Configuration; removing it from the stack changes nothing there. */
    async delete() {},
};
