import { SCIM_ENTERPRISE_USER_SCHEMA, SCIM_GROUP_SCHEMA, SCIM_USER_SCHEMA } from "./scimSchemas";

// RFC 7643 §7 definitions of exactly the attributes the emulator stores (see scimSchemas.ts).

type AttributeType = "string" | "boolean" | "complex" | "reference";

interface AttributeOptions {
    type?: AttributeType;
    multiValued?: boolean;
    required?: boolean;
    caseExact?: boolean;
    mutability?: "readOnly" | "readWrite" | "immutable" | "writeOnly";
    uniqueness?: "none" | "server";
    subAttributes?: object[];
    referenceTypes?: string[];
    canonicalValues?: string[];
}

function attribute(name: string, description: string, options: AttributeOptions = {}) {
    const { type = "string", subAttributes, ...rest } = options;
    return {
        name,
        type,
        multiValued: false,
        description,
        required: false,
        caseExact: false,
        mutability: "readWrite",
        returned: "default",
        uniqueness: "none",
        ...rest,
        ...(subAttributes ? { subAttributes } : {}),
    };
}

const typedValues = (noun: string) => [
    attribute("value", `The ${noun}.`),
    attribute("type", `A label such as 'work'.`),
    attribute("primary", `Whether this is the primary ${noun}.`, { type: "boolean" }),
    attribute("display", "A human-readable name."),
];

const userSchema = {
    id: SCIM_USER_SCHEMA,
    name: "User",
    description: "User Account",
    attributes: [
        attribute("userName", "Unique identifier of the user, the DocuWare user name.", {
            required: true,
            uniqueness: "server",
        }),
        attribute("name", "The components of the user's name.", {
            type: "complex",
            subAttributes: [
                "formatted",
                "familyName",
                "givenName",
                "middleName",
                "honorificPrefix",
                "honorificSuffix",
            ].map((part) => attribute(part, `The ${part} part of the name.`)),
        }),
        attribute("displayName", "The name displayed to end users."),
        attribute("nickName", "The casual name of the user."),
        attribute("title", "The user's title."),
        attribute("userType", "The relationship to the organization."),
        attribute("preferredLanguage", "The preferred language."),
        attribute("locale", "The default location."),
        attribute("timezone", "The time zone."),
        attribute("active", "Whether the user may log in to DocuWare.", { type: "boolean" }),
        attribute("password", "Not stored by DocuWare.", { mutability: "writeOnly" }),
        attribute("emails", "Email addresses.", {
            type: "complex",
            multiValued: true,
            subAttributes: typedValues("email"),
        }),
        attribute("phoneNumbers", "Phone numbers.", {
            type: "complex",
            multiValued: true,
            subAttributes: typedValues("phone number"),
        }),
    ],
    meta: { resourceType: "Schema", location: `/Schemas/${SCIM_USER_SCHEMA}` },
};

const enterpriseUserSchema = {
    id: SCIM_ENTERPRISE_USER_SCHEMA,
    name: "EnterpriseUser",
    description: "Enterprise User",
    attributes: [
        ...["employeeNumber", "costCenter", "organization", "division", "department"].map((name) =>
            attribute(name, `The user's ${name}.`),
        ),
        attribute("manager", "The user's manager.", {
            type: "complex",
            subAttributes: [
                attribute("value", "The id of the manager."),
                attribute("displayName", "The manager's name."),
            ],
        }),
    ],
    meta: { resourceType: "Schema", location: `/Schemas/${SCIM_ENTERPRISE_USER_SCHEMA}` },
};

const groupSchema = {
    id: SCIM_GROUP_SCHEMA,
    name: "Group",
    description: "Group",
    attributes: [
        attribute("displayName", "The name of the group.", { required: true, uniqueness: "server" }),
        attribute("members", "The users in the group.", {
            type: "complex",
            multiValued: true,
            subAttributes: [
                attribute("value", "The id of the member.", { mutability: "immutable" }),
                attribute("display", "The member's name.", { mutability: "readOnly" }),
                // RFC 7643 §8.7.1: members carry `type`; the emulator's responses do ("User").
                attribute("type", "The type of the member.", {
                    mutability: "immutable",
                    canonicalValues: ["User", "Group"],
                }),
                attribute("$ref", "The URI of the member.", { type: "reference", referenceTypes: ["User"] }),
            ],
        }),
    ],
    meta: { resourceType: "Schema", location: `/Schemas/${SCIM_GROUP_SCHEMA}` },
};

export const SCIM_SCHEMA_DEFINITIONS = [userSchema, enterpriseUserSchema, groupSchema];

export const SCIM_RESOURCE_TYPES = [
    {
        schemas: ["urn:ietf:params:scim:schemas:core:2.0:ResourceType"],
        id: "User",
        name: "User",
        endpoint: "/Users",
        description: "User Account",
        schema: SCIM_USER_SCHEMA,
        schemaExtensions: [{ schema: SCIM_ENTERPRISE_USER_SCHEMA, required: false }],
        meta: { resourceType: "ResourceType", location: "/ResourceTypes/User" },
    },
    {
        schemas: ["urn:ietf:params:scim:schemas:core:2.0:ResourceType"],
        id: "Group",
        name: "Group",
        endpoint: "/Groups",
        description: "Group",
        schema: SCIM_GROUP_SCHEMA,
        meta: { resourceType: "ResourceType", location: "/ResourceTypes/Group" },
    },
];
