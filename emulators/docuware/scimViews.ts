import type { Directory } from "./directory";
import {
    SCIM_ENTERPRISE_USER_SCHEMA,
    SCIM_GROUP_SCHEMA,
    SCIM_USER_SCHEMA,
    type ScimUserAttributes,
} from "./scimSchemas";
import type { StoredGroup, StoredUser } from "./stateSchemas";

/** A user as the SCIM service returns it ("Core2EnterpriseUser"); unassigned attributes are left out. */
export function scimUserView(user: StoredUser, scimBaseUrl: string) {
    const { id, externalIdp: _externalIdp, dbName: _dbName, created, lastModified, ...attributes } = user;
    return {
        schemas: [SCIM_USER_SCHEMA, SCIM_ENTERPRISE_USER_SCHEMA],
        id,
        ...withoutEmptyLists(attributes),
        meta: {
            resourceType: "User",
            created,
            lastModified,
            location: `${scimBaseUrl}/Users/${id}`,
        },
    };
}

/** Just the SCIM attributes, the shape a PATCH is applied to and re-validated from. */
export function scimUserAttributes(user: StoredUser): ScimUserAttributes {
    const { id: _id, externalIdp: _externalIdp, dbName: _dbName, created: _c, lastModified: _m, ...attributes } = user;
    return attributes;
}

export function scimGroupView(group: StoredGroup, scimBaseUrl: string, directory: Directory) {
    const { id, externalIdp: _externalIdp, created, lastModified, members, ...attributes } = group;
    return {
        schemas: [SCIM_GROUP_SCHEMA],
        id,
        ...attributes,
        ...(members.length > 0
            ? {
                  members: members.map((member) => ({
                      value: member.value,
                      display: member.display ?? directory.findUser(member.value)?.userName,
                      type: "User",
                      $ref: `${scimBaseUrl}/Users/${member.value}`,
                  })),
              }
            : {}),
        meta: { resourceType: "Group", created, lastModified, location: `${scimBaseUrl}/Groups/${id}` },
    };
}

function withoutEmptyLists<T extends object>(attributes: T): Partial<T> {
    return Object.fromEntries(
        Object.entries(attributes).filter(([, value]) => !(Array.isArray(value) && value.length === 0)),
    ) as Partial<T>;
}
