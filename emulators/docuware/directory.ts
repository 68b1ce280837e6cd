import { randomUUID } from "node:crypto";
import { DocuWareError, notFound } from "./docuWareError";
import type { ScimGroupAttributes, ScimUserAttributes } from "./scimSchemas";
import type { StoredGroup, StoredUser } from "./stateSchemas";

/** The organization's users and groups, shared by the SCIM service, the Platform views and the control API. */
export class Directory {
    constructor(
        private readonly users: StoredUser[],
        private readonly groups: StoredGroup[],
        private readonly changed: () => void,
    ) {}

    listUsers(): readonly StoredUser[] {
        return this.users;
    }

    findUser(id: string): StoredUser | undefined {
        return this.users.find((u) => sameId(u.id, id));
    }

    getUser(id: string): StoredUser {
        const user = this.findUser(id);
        if (!user) {
            throw notFound(`User '${id}' does not exist.`);
        }
        return user;
    }

    createUser(attributes: ScimUserAttributes, externalIdp: string | null): StoredUser {
        this.assertUserNameIsFree(attributes.userName);
        const now = new Date().toISOString();
        const user: StoredUser = {
            ...attributes,
            id: randomUUID(),
            externalIdp,
            dbName: this.uniqueDbName(attributes),
            created: now,
            lastModified: now,
        };
        this.users.push(user);
        this.changed();
        return user;
    }

    /** Full replace of the attributes; `id`, `dbName` and `created` stay. */
    replaceUser(id: string, attributes: ScimUserAttributes, externalIdp: string | null): StoredUser {
        const current = this.getUser(id);
        this.assertUserNameIsFree(attributes.userName, current.id);
        const replaced: StoredUser = {
            ...attributes,
            id: current.id,
            externalIdp,
            dbName: current.dbName,
            created: current.created,
            lastModified: new Date().toISOString(),
        };
        this.users[this.users.indexOf(current)] = replaced;
        this.changed();
        return replaced;
    }

    /** inferred: a hard delete, as in Microsoft's reference provider; memberships go with the user. */
    deleteUser(id: string): void {
        const user = this.getUser(id);
        this.users.splice(this.users.indexOf(user), 1);
        const now = new Date().toISOString();
        for (const group of this.groups) {
            if (group.members.some((m) => sameId(m.value, user.id))) {
                group.members = group.members.filter((m) => !sameId(m.value, user.id));
                group.lastModified = now;
            }
        }
        this.changed();
    }

    listGroups(): readonly StoredGroup[] {
        return this.groups;
    }

    getGroup(id: string): StoredGroup {
        const group = this.groups.find((g) => sameId(g.id, id));
        if (!group) {
            throw notFound(`Group '${id}' does not exist.`);
        }
        return group;
    }

    createGroup(attributes: ScimGroupAttributes, externalIdp: string | null): StoredGroup {
        this.assertDisplayNameIsFree(attributes.displayName);
        const now = new Date().toISOString();
        const group: StoredGroup = {
            ...attributes,
            members: this.checkedMembers(attributes.members),
            id: randomUUID(),
            externalIdp,
            created: now,
            lastModified: now,
        };
        this.groups.push(group);
        this.changed();
        return group;
    }

    replaceGroup(id: string, attributes: ScimGroupAttributes, externalIdp: string | null): StoredGroup {
        const current = this.getGroup(id);
        this.assertDisplayNameIsFree(attributes.displayName, current.id);
        const replaced: StoredGroup = {
            ...attributes,
            members: this.checkedMembers(attributes.members),
            id: current.id,
            externalIdp,
            created: current.created,
            lastModified: new Date().toISOString(),
        };
        this.groups[this.groups.indexOf(current)] = replaced;
        this.changed();
        return replaced;
    }

    deleteGroup(id: string): void {
        const group = this.getGroup(id);
        this.groups.splice(this.groups.indexOf(group), 1);
        this.changed();
    }

    /** inferred: members must be existing users (groups only take users that "already exist in DocuWare"). */
    private checkedMembers(members: ScimGroupAttributes["members"]): ScimGroupAttributes["members"] {
        const byId = new Map<string, ScimGroupAttributes["members"][number]>();
        for (const member of members) {
            const user = this.findUser(member.value);
            if (!user) {
                throw new DocuWareError(400, `members: user '${member.value}' does not exist.`, {
                    scimType: "invalidValue",
                });
            }
            byId.set(user.id, { ...member, value: user.id });
        }
        return [...byId.values()];
    }

    /** userName is unique across the organization (SCIM `uniqueness: server`, case-insensitive). */
    private assertUserNameIsFree(userName: string, exceptId?: string): void {
        const clash = this.users.find((u) => u.userName.toLowerCase() === userName.toLowerCase() && u.id !== exceptId);
        if (clash) {
            throw new DocuWareError(409, `A user with userName '${userName}' already exists.`, {
                scimType: "uniqueness",
            });
        }
    }

    private assertDisplayNameIsFree(displayName: string, exceptId?: string): void {
        const clash = this.groups.find(
            (g) => g.displayName.toLowerCase() === displayName.toLowerCase() && g.id !== exceptId,
        );
        if (clash) {
            throw new DocuWareError(409, `A group with displayName '${displayName}' already exists.`, {
                scimType: "uniqueness",
            });
        }
    }

    /** Like DocuWare's DB name: last + first name (or the user name), upper-case letters and digits, 8 characters. */
    private uniqueDbName(attributes: ScimUserAttributes): string {
        const source = `${attributes.name?.familyName ?? ""}${attributes.name?.givenName ?? ""}` || attributes.userName;
        const base =
            source
                .toUpperCase()
                .replace(/[^A-Z0-9]/g, "")
                .slice(0, 8) || "USER";
        const taken = new Set(this.users.map((u) => u.dbName));
        let candidate = base;
        for (let suffix = 1; taken.has(candidate); suffix++) {
            candidate = `${base.slice(0, 8 - String(suffix).length)}${suffix}`;
        }
        return candidate;
    }
}

function sameId(a: string, b: string): boolean {
    return a.toLowerCase() === b.toLowerCase();
}
