import { randomUUID } from "node:crypto";
import { DocuWareError, notFound } from "./docuWareError";
import type { AppRegistrationCreate, AppRegistrationUpdate } from "./platformSchemas";
import { generateSecret, hashSecret, secretMatches } from "./secrets";
import type { StoredAppRegistration } from "./stateSchemas";

/** The organization's app registrations (DocuWare Configuration > Integrations > App Registration). */
export class AppRegistrationStore {
    constructor(
        private readonly registrations: StoredAppRegistration[],
        private readonly changed: () => void,
    ) {}

    list(): readonly StoredAppRegistration[] {
        return this.registrations;
    }

    find(clientId: string): StoredAppRegistration | undefined {
        return this.registrations.find((r) => r.clientId.toLowerCase() === clientId.toLowerCase());
    }

    get(clientId: string): StoredAppRegistration {
        const registration = this.find(clientId);
        if (!registration) {
            throw notFound(`App registration '${clientId}' does not exist.`);
        }
        return registration;
    }

    /** Returns the registration and its secret, which is never shown again (null for a Native client). */
    create(input: AppRegistrationCreate): { registration: StoredAppRegistration; secret: string | null } {
        this.assertNameIsFree(input.Name);
        const now = new Date().toISOString();
        const secret = input.ApplicationType === "Native" ? null : generateSecret();
        const registration: StoredAppRegistration = {
            clientId: randomUUID(),
            name: input.Name,
            applicationType: input.ApplicationType,
            grantTypes: unique(input.GrantTypes),
            redirectUrls: unique(input.RedirectUrls),
            allowedResources: unique(input.AllowedResources),
            accessTokenLifetimeSeconds: input.AccessTokenLifetimeSeconds,
            description: input.Description,
            secretHash: secret === null ? null : hashSecret(secret),
            secretRotatedAt: null,
            createdAt: now,
            modifiedAt: now,
        };
        assertConsistent(registration);
        this.registrations.push(registration);
        this.changed();
        return { registration, secret };
    }

    update(clientId: string, changes: AppRegistrationUpdate): StoredAppRegistration {
        const current = this.get(clientId);
        if (changes.ApplicationType !== undefined && changes.ApplicationType !== current.applicationType) {
            throw new DocuWareError(400, "ApplicationType: cannot be changed; create a new app registration instead.");
        }
        if (changes.Name !== undefined) {
            this.assertNameIsFree(changes.Name, current.clientId);
        }
        const updated: StoredAppRegistration = {
            ...current,
            name: changes.Name ?? current.name,
            grantTypes: unique(changes.GrantTypes ?? current.grantTypes),
            redirectUrls: unique(changes.RedirectUrls ?? current.redirectUrls),
            allowedResources: unique(changes.AllowedResources ?? current.allowedResources),
            accessTokenLifetimeSeconds: changes.AccessTokenLifetimeSeconds ?? current.accessTokenLifetimeSeconds,
            description: changes.Description ?? current.description,
            modifiedAt: new Date().toISOString(),
        };
        assertConsistent(updated);
        Object.assign(current, updated);
        this.changed();
        return current;
    }

    /**
     * Issues a new secret; the old one stops working at once. Tokens already issued stay valid until they expire, as
     * with IdentityServer (inferred: DocuWare documents no rotation at all).
     */
    rotateSecret(clientId: string): { registration: StoredAppRegistration; secret: string } {
        const registration = this.get(clientId);
        if (registration.applicationType === "Native") {
            throw new DocuWareError(400, "A Native app registration is a public client and has no secret to rotate.");
        }
        const secret = generateSecret();
        const now = new Date().toISOString();
        Object.assign(registration, { secretHash: hashSecret(secret), secretRotatedAt: now, modifiedAt: now });
        this.changed();
        return { registration, secret };
    }

    delete(clientId: string): void {
        const registration = this.get(clientId);
        this.registrations.splice(this.registrations.indexOf(registration), 1);
        this.changed();
    }

    /** The registration whose current secret this is, if any. */
    authenticate(clientId: string, secret: string): StoredAppRegistration | undefined {
        const registration = this.find(clientId);
        return registration?.secretHash && secretMatches(secret, registration.secretHash) ? registration : undefined;
    }

    /** inferred: names are unique per organization, compared case-insensitively like the console's list. */
    private assertNameIsFree(name: string, exceptClientId?: string): void {
        const clash = this.registrations.find(
            (r) => r.name.toLowerCase() === name.toLowerCase() && r.clientId !== exceptClientId,
        );
        if (clash) {
            throw new DocuWareError(409, `Name: an app registration named '${clash.name}' already exists.`);
        }
    }
}

/** Cross-field rules of the registration model (reference §1.5). */
function assertConsistent(registration: StoredAppRegistration): void {
    const problems: string[] = [];
    if (registration.applicationType === "Native" && registration.grantTypes.includes("ClientCredentials")) {
        problems.push("GrantTypes: a Native application has no secret and cannot use ClientCredentials");
    }
    if (registration.grantTypes.includes("AuthorizationCode") && registration.redirectUrls.length === 0) {
        problems.push("RedirectUrls: AuthorizationCode needs at least one redirect URL");
    }
    if (problems.length > 0) {
        throw new DocuWareError(400, `The request is invalid. ${problems.join("; ")}`);
    }
}

function unique<T>(values: readonly T[]): T[] {
    return [...new Set(values)];
}
