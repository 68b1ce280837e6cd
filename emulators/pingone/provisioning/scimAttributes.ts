import { isPlainObject } from "../isPlainObject";
import { MappingError } from "./provisioningErrors";

export type ScimResource = Record<string, unknown>;

const CORE_USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
const PATCH_OP_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
/** Attributes of a fetched resource that a PATCH never touches. */
const SERVER_KEYS = new Set(["id", "meta", "schemas"]);

interface TargetAttribute {
    displayName: string;
    type: "string" | "boolean";
    write(resource: ScimResource, value: string | boolean): void;
}

const asRecord = (value: unknown): Record<string, unknown> => (isPlainObject(value) ? value : {});
const asRecords = (value: unknown): Record<string, unknown>[] => (Array.isArray(value) ? value.map(asRecord) : []);

function topLevel(key: string, displayName: string, type: TargetAttribute["type"] = "string"): TargetAttribute {
    return { displayName, type, write: (resource, value) => void (resource[key] = value) };
}

function nameField(key: string, displayName: string): TargetAttribute {
    return {
        displayName,
        type: "string",
        write: (resource, value) => void (resource["name"] = { ...asRecord(resource["name"]), [key]: value }),
    };
}

/** One typed entry of a multi-valued attribute (`emails[type eq "work"]`); `field` is the sub-attribute written. */
function typedEntry(attribute: string, type: string, field: string, displayName: string): TargetAttribute {
    return {
        displayName,
        type: "string",
        write: (resource, value) => {
            const entries = asRecords(resource[attribute]);
            const existing = entries.find((entry) => entry["type"] === type);
            const entry = existing ?? { type, ...(attribute === "emails" && { primary: true }) };
            entry[field] = value;
            resource[attribute] = existing ? entries : [...entries, entry];
        },
    };
}

/**
 * The flat target names PingOne's SCIM provisioner offers (`attributeMetadata.userAttributes`) and where each lands
 * in a SCIM 2.0 user.
 */
export const SCIM_TARGET_ATTRIBUTES: Record<string, TargetAttribute> = {
    userName: topLevel("userName", "User Name"),
    externalId: topLevel("externalId", "External ID"),
    active: topLevel("active", "Active", "boolean"),
    displayName: topLevel("displayName", "Display Name"),
    title: topLevel("title", "Title"),
    nickName: topLevel("nickName", "Nickname"),
    userType: topLevel("userType", "User Type"),
    preferredLanguage: topLevel("preferredLanguage", "Preferred Language"),
    locale: topLevel("locale", "Locale"),
    timezone: topLevel("timezone", "Time Zone"),
    givenName: nameField("givenName", "Given Name"),
    familyName: nameField("familyName", "Family Name"),
    middleName: nameField("middleName", "Middle Name"),
    formattedName: nameField("formatted", "Formatted Name"),
    workEmail: typedEntry("emails", "work", "value", "Work Email"),
    workPhone: typedEntry("phoneNumbers", "work", "value", "Work Phone"),
    mobilePhone: typedEntry("phoneNumbers", "mobile", "value", "Mobile Phone"),
    workStreetAddress: typedEntry("addresses", "work", "streetAddress", "Work Street Address"),
    workCity: typedEntry("addresses", "work", "locality", "Work City"),
    workState: typedEntry("addresses", "work", "region", "Work State"),
    workPostalCode: typedEntry("addresses", "work", "postalCode", "Work Postal Code"),
    workCountry: typedEntry("addresses", "work", "country", "Work Country"),
};

export const isScimTargetAttribute = (name: string): boolean => Object.hasOwn(SCIM_TARGET_ATTRIBUTES, name);

function coerce(name: string, attribute: TargetAttribute, value: unknown): string | boolean {
    if (attribute.type === "boolean") {
        if (typeof value === "boolean") {
            return value;
        }
        if (value === "true" || value === "false") {
            return value === "true";
        }
        throw new MappingError(`${name} needs a boolean, but the mapping produced ${JSON.stringify(value)}.`);
    }
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
        return String(value);
    }
    throw new MappingError(`${name} needs a string, but the mapping produced ${JSON.stringify(value)}.`);
}

/** Writes flat target attributes into a SCIM user (mutating it). */
export function applyTargetAttributes(resource: ScimResource, attributes: ReadonlyMap<string, unknown>): void {
    for (const [name, value] of attributes) {
        const attribute = SCIM_TARGET_ATTRIBUTES[name];
        if (!attribute) {
            throw new MappingError(`${name} is not an attribute of the SCIM connection.`);
        }
        attribute.write(resource, coerce(name, attribute, value));
    }
}

/** The body of the SCIM create (`POST /Users`). */
export function newScimUser(attributes: ReadonlyMap<string, unknown>, extensionUrns: string[]): ScimResource {
    const resource: ScimResource = { schemas: [CORE_USER_SCHEMA, ...extensionUrns] };
    applyTargetAttributes(resource, attributes);
    return resource;
}

export interface PatchOperation {
    op: "replace";
    path: string;
    value: unknown;
}

/**
 * `replace` operations turning `current` into `desired`, one per changed top-level attribute. Complex and
 * multi-valued attributes are replaced whole (`name`, `emails`), which every SCIM 2.0 service supports.
 */
export function patchOperations(current: ScimResource, desired: ScimResource): PatchOperation[] {
    return Object.keys(desired)
        .filter((key) => !SERVER_KEYS.has(key))
        .filter((key) => JSON.stringify(current[key]) !== JSON.stringify(desired[key]))
        .map((key) => ({ op: "replace", path: key, value: desired[key] }));
}

export function patchBody(operations: PatchOperation[]) {
    return { schemas: [PATCH_OP_SCHEMA], Operations: operations };
}
