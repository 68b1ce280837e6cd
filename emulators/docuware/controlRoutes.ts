import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { CONTROL_PREFIX } from "../shared/controlPlane";
import { parseRequest } from "./docuWareError";
import {
    AppRegistrationUpdateSchema,
    ForceQuerySchema,
    type PlatformUserUpdate,
    PlatformUserUpdateSchema,
    UserProvisioningUpdateSchema,
} from "./platformSchemas";
import { appRegistrationView, platformUserView, userProvisioningView } from "./platformViews";
import type { ScimUserAttributes } from "./scimSchemas";
import { scimUserAttributes } from "./scimViews";
import type { ServiceContext } from "./serviceContext";
import type { StoredAppRegistration, StoredUser } from "./stateSchemas";

const ClientParamsSchema = z.object({ clientId: z.string() });
const UserParamsSchema = z.object({ id: z.string() });

/**
 * Test-control routes for what an administrator does in the DocuWare console, out of band of any API client. They
 * need no auth, skip the "in use by User Provisioning" checks (so tests can create drift) and stamp the same
 * timestamps the API would.
 */
export function registerDocuWareControlRoutes(app: FastifyInstance, context: ServiceContext): void {
    const { state, urls } = context;
    const orgId = state.organization.id;
    const registrationView = (registration: StoredAppRegistration) => ({
        ...appRegistrationView(registration, orgId),
        SecretRotatedAt: registration.secretRotatedAt,
        ModifiedAt: registration.modifiedAt,
    });
    const userView = (user: StoredUser) => ({
        ...platformUserView(user, orgId),
        Created: user.created,
        LastModified: user.lastModified,
    });

    app.get(`${CONTROL_PREFIX}/state`, async () => ({
        Organization: { Id: orgId, Name: state.organization.name },
        AdminClientId: state.adminClientId,
        AppRegistrations: state.registrations.list().map(registrationView),
        UserProvisioning: {
            ...userProvisioningView(state.provisioning, urls, orgId),
            ModifiedAt: state.provisioning.modifiedAt,
        },
        Users: state.directory.listUsers().map(userView),
        Groups: state.directory.listGroups().map((group) => ({
            Id: group.id,
            Name: group.displayName,
            ExternalId: group.externalId ?? null,
            ExternalIdp: group.externalIdp,
            MemberIds: group.members.map((m) => m.value),
            Created: group.created,
            LastModified: group.lastModified,
        })),
    }));

    app.post(`${CONTROL_PREFIX}/app-registrations/:clientId/rotate-secret`, async (request) => {
        const { clientId } = ClientParamsSchema.parse(request.params);
        const { registration, secret } = state.registrations.rotateSecret(clientId);
        return { ClientId: registration.clientId, ClientSecret: secret, SecretRotatedAt: registration.secretRotatedAt };
    });

    app.patch(`${CONTROL_PREFIX}/app-registrations/:clientId`, async (request) => {
        const { clientId } = ClientParamsSchema.parse(request.params);
        const changes = parseRequest(AppRegistrationUpdateSchema, request.body);
        return registrationView(state.updateAppRegistration(clientId, changes, true));
    });

    app.delete(`${CONTROL_PREFIX}/app-registrations/:clientId`, async (request, reply) => {
        const { clientId } = ClientParamsSchema.parse(request.params);
        const { force } = parseRequest(ForceQuerySchema, request.query);
        state.deleteAppRegistration(clientId, force);
        return reply.code(204).send();
    });

    app.patch(`${CONTROL_PREFIX}/user-provisioning`, async (request) => {
        const update = parseRequest(UserProvisioningUpdateSchema, request.body);
        const settings = state.updateProvisioning(update, false);
        return { ...userProvisioningView(settings, urls, orgId), ModifiedAt: settings.modifiedAt };
    });

    app.patch(`${CONTROL_PREFIX}/users/:id`, async (request) => {
        const { id } = UserParamsSchema.parse(request.params);
        const update = parseRequest(PlatformUserUpdateSchema, request.body);
        const user = state.directory.getUser(id);
        const attributes = withPlatformUpdate(scimUserAttributes(user), update);
        return userView(state.directory.replaceUser(user.id, attributes, user.externalIdp));
    });

    app.delete(`${CONTROL_PREFIX}/users/:id`, async (request, reply) => {
        const { id } = UserParamsSchema.parse(request.params);
        state.directory.deleteUser(id);
        return reply.code(204).send();
    });
}

/** Maps a console edit (Platform field names) onto the user's SCIM attributes. */
function withPlatformUpdate(attributes: ScimUserAttributes, update: PlatformUserUpdate): ScimUserAttributes {
    const givenName = update.FirstName ?? attributes.name?.givenName;
    const familyName = update.LastName ?? attributes.name?.familyName;
    const nameChanged = update.FirstName !== undefined || update.LastName !== undefined;
    const emails = [...attributes.emails];
    if (update.EMail !== undefined) {
        const primary = emails.findIndex((e) => e.primary);
        const index = primary === -1 ? 0 : primary;
        emails[index] = { type: "work", primary: true, ...emails[index], value: update.EMail };
    }
    return {
        ...attributes,
        userName: update.Name ?? attributes.userName,
        active: update.Active ?? attributes.active,
        emails,
        ...(nameChanged
            ? {
                  name: {
                      ...attributes.name,
                      givenName,
                      familyName,
                      formatted: [givenName, familyName].filter(Boolean).join(" "),
                  },
              }
            : {}),
    };
}
