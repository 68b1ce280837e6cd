import { z } from "zod";
import { httpSettings } from "../../config/httpSettings";
import { ApiError } from "../../core/errors";
import { ClientCredentialsTokenSource } from "../../core/tokenSource";
import { PartialFailure, type ResourceDefinition } from "../../dynamic/resourceDefinition";
import { notice } from "../../dynamic/notice";
import { claimExisting, markedOwner, withMarker } from "../../dynamic/ownership";
import { createOnce, deleteIdempotent, readUnlessDeleted } from "../../core/recovery";
import { DocuWareClient } from "../api/docuWareClient";
import { OrganizationUrlSchema } from "../api/organizationUrl";
import { docuWareAdminCredentials } from "../api/settings";
import type { AppRegistration, AppRegistrationWrite } from "../api/schemas";
import { AllowedResourceSchema } from "../api/schemas";

export const AppRegistrationInputsSchema = z.object({
    organizationUrl: OrganizationUrlSchema,
    // inferred: the limit the DocuWare emulator enforces; the console's real limit is not public.
    name: z.string().trim().min(1, "name must not be empty").max(128, "name must be at most 128 characters"),
    allowedResources: z.array(AllowedResourceSchema).min(1).default(["UserProvisioning"]),
    accessTokenLifetimeSeconds: z
        .number()
        .int()
        .min(300, "accessTokenLifetimeSeconds must be at least 300 (5 minutes)")
        .max(86_400, "accessTokenLifetimeSeconds must be at most 86400 (24 hours)")
        .default(3600),
    /** Change to rotate the client secret in place. */
    secretVersion: z
        .union([z.string().min(1), z.number()])
        .transform(String)
        .default("1"),
    adopt: z.boolean().default(false),
    /** `<project>/<stack>/<resource>`, written as a marker into `Description`; never compared. */
    managedBy: z.string().min(1).optional(),
});
export type AppRegistrationInputs = z.infer<typeof AppRegistrationInputsSchema>;

export interface AppRegistrationOutputs extends AppRegistrationInputs {
    clientId: string;
    clientSecret: string;
    createdAt?: string;
    /** The organization's token endpoint (state only): later operations sign in there without discovery. */
    tokenUrl?: string;
}

/** Shown as the live `secretVersion` when the stored secret no longer obtains a token. */
export const ROTATED_OUTSIDE_PULUMI = "(rotated or revoked outside Pulumi)";

const toWrite = (inputs: AppRegistrationInputs): AppRegistrationWrite => ({
    Name: inputs.name,
    ApplicationType: "Service",
    GrantTypes: ["ClientCredentials"],
    AllowedResources: inputs.allowedResources,
    AccessTokenLifetimeSeconds: inputs.accessTokenLifetimeSeconds,
    Description: withMarker(undefined, inputs.managedBy),
});

function toOutputs(
    registration: AppRegistration,
    reference: AppRegistrationInputs,
    clientSecret: string,
    tokenUrl: string,
): AppRegistrationOutputs {
    return {
        ...reference,
        tokenUrl,
        name: registration.Name,
        allowedResources: registration.AllowedResources,
        accessTokenLifetimeSeconds: registration.AccessTokenLifetimeSeconds,
        clientId: registration.ClientId,
        clientSecret,
        createdAt: registration.CreatedAt,
    };
}

async function findByName(client: DocuWareClient, name: string) {
    return (await client.listAppRegistrations()).find((r) => r.Name === name);
}

/** Whether DocuWare still issues a token for the stored secret (a fresh request, not a cached token). */
async function secretStillWorks(client: DocuWareClient, clientId: string, clientSecret: string): Promise<boolean> {
    const source = new ClientCredentialsTokenSource(
        { service: "DocuWare", tokenUrl: await client.tokenEndpoint(), clientId, clientSecret, authStyle: "post" },
        httpSettings(),
    );
    source.invalidate();
    try {
        await source.token();
        return true;
    } catch (error) {
        if (error instanceof ApiError && (error.code === "invalid_client" || error.status === 401)) {
            return false;
        }
        throw error;
    }
}

/**
 * Takes over a registration with the resource's name: this resource's orphan, or one to adopt (`claimExisting`
 * refuses any other). DocuWare shows a secret only once, so taking a registration over rotates its secret; for this
 * resource's own orphan nobody can hold the old secret (its create answer was never read).
 */
async function takeOver(client: DocuWareClient, existing: AppRegistration, inputs: AppRegistrationInputs) {
    const orphan = claimExisting(
        `DocuWare app registration "${inputs.name}" (client id ${existing.ClientId})`,
        markedOwner(existing.Description),
        inputs,
    );
    const updated = await client.updateAppRegistration(existing.ClientId, toWrite(inputs));
    const secret = await client.rotateSecret(existing.ClientId);
    if (orphan) {
        notice(
            `DocuWare app registration "${inputs.name}" (client id ${existing.ClientId}) was left by an interrupted deployment of this resource; it is now managed again and its client secret was rotated.`,
        );
    }
    return { id: existing.ClientId, outs: toOutputs(updated, inputs, secret, await client.tokenEndpoint()) };
}

export const appRegistrationDefinition: ResourceDefinition<AppRegistrationInputs, AppRegistrationOutputs> = {
    kind: "docuware:AppRegistration",
    inputs: AppRegistrationInputsSchema,
    managedFields: ["organizationUrl", "name", "allowedResources", "accessTokenLifetimeSeconds", "secretVersion"],
    preflight: (inputs) => void docuWareAdminCredentials(inputs.organizationUrl),
    outputOnlyFields: ["clientId", "clientSecret", "createdAt", "tokenUrl"],
    replaceFields: ["organizationUrl"],
    equals: {
        allowedResources: (live, desired) =>
            JSON.stringify([...((live as string[]) ?? [])].sort()) ===
            JSON.stringify([...((desired as string[]) ?? [])].sort()),
    },

    /**
     * Creates first and lists only when DocuWare refuses the name (409; names are unique per organization, inferred
     * like the whole management API, see the emulator): a create needs no listing, and a registration of this name
     * (this resource's orphan, or one to adopt) is still found and claimed as before.
     */
    async create(inputs) {
        const client = DocuWareClient.fromConfig(inputs.organizationUrl);
        let lostSecret = false;
        let created: AppRegistration & { ClientSecret: string };
        try {
            created = await createOnce(
                () => client.createAppRegistration(toWrite(inputs)),
                async () => {
                    const found = await findByName(client, inputs.name);
                    lostSecret = found !== undefined;
                    return found && { ...found, ClientSecret: "" };
                },
            );
        } catch (error) {
            const existing =
                error instanceof ApiError && error.status === 409 ? await findByName(client, inputs.name) : undefined;
            if (!existing) {
                throw error;
            }
            return takeOver(client, existing, inputs);
        }
        const secret = lostSecret ? await client.rotateSecret(created.ClientId) : created.ClientSecret;
        return { id: created.ClientId, outs: toOutputs(created, inputs, secret, await client.tokenEndpoint()) };
    },

    async read(id, olds) {
        const client = DocuWareClient.fromConfig(olds.organizationUrl, olds.tokenUrl);
        // Independent requests, so they overlap: a refresh waits one round trip less per registration. The
        // registration's path holds the organization id just listed: its own 404 means the registration is gone.
        const [registration, works] = await Promise.all([
            readUnlessDeleted(
                () => client.getAppRegistration(id),
                () => client.tokenEndpoint(),
            ),
            secretStillWorks(client, id, olds.clientSecret),
        ]);
        if (!registration) {
            return undefined;
        }
        const secretVersion = works ? olds.secretVersion : `${olds.secretVersion} ${ROTATED_OUTSIDE_PULUMI}`;
        return toOutputs(registration, { ...olds, secretVersion }, olds.clientSecret, await client.tokenEndpoint());
    },

    /** Settings, then the secret; if rotating fails after the settings changed, state records the changed settings. */
    async update(id, olds, news) {
        const client = DocuWareClient.fromConfig(news.organizationUrl, olds.tokenUrl);
        const settingsChanged = JSON.stringify(toWrite(olds)) !== JSON.stringify(toWrite(news));
        const registration = settingsChanged
            ? await client.updateAppRegistration(id, toWrite(news))
            : await client.getAppRegistration(id);
        const tokenUrl = await client.tokenEndpoint();
        if (olds.secretVersion === news.secretVersion) {
            return toOutputs(registration, news, olds.clientSecret, tokenUrl);
        }
        try {
            return toOutputs(registration, news, await client.rotateSecret(id), tokenUrl);
        } catch (error) {
            // The old secret may or may not still work: keep the old version, so the next `up` rotates again.
            throw new PartialFailure(
                id,
                toOutputs(registration, { ...news, secretVersion: olds.secretVersion }, olds.clientSecret, tokenUrl),
                error,
            );
        }
    },

    async delete(id, olds) {
        const client = DocuWareClient.fromConfig(olds.organizationUrl, olds.tokenUrl);
        await deleteIdempotent(client.deleteAppRegistration(id));
    },
};
