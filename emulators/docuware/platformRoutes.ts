import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { registerAppRegistrationRoutes } from "./appRegistrationRoutes";
import { authorizeOrganizationAdministrator } from "./platformAuthorization";
import { organizationView, PLATFORM_PATH, platformGroupView, platformUserView } from "./platformViews";
import type { ServiceContext } from "./serviceContext";
import { registerUserProvisioningRoutes } from "./userProvisioningRoutes";

const UserParamsSchema = z.object({ organizationId: z.string(), userId: z.string() });
const GroupParamsSchema = z.object({ organizationId: z.string(), groupId: z.string() });

/**
 * `/DocuWare/Platform`: anonymous discovery, then the Organization Administrator's resources. `managementApi: false`
 * leaves out the app-registration and User Provisioning routes, as on real DocuWare Cloud (404).
 */
export function registerPlatformRoutes(app: FastifyInstance, context: ServiceContext, managementApi = true): void {
    const { state, urls } = context;

    // inferred: answered without a token, so a client can discover the identity service before it has one.
    app.get(PLATFORM_PATH, async () => ({
        Version: "7.12",
        Links: [
            { rel: "organizations", href: `${PLATFORM_PATH}/Organizations` },
            { rel: "identityServiceInfo", href: `${PLATFORM_PATH}/Home/IdentityServiceInfo` },
        ],
    }));

    // read (reference §3.3): `IdentityServiceInfo`, anonymous.
    app.get(`${PLATFORM_PATH}/Home/IdentityServiceInfo`, async () => ({
        IdentityServiceUrl: urls.identityServiceUrl,
        RefreshTokenSupported: true,
    }));

    void app.register(async (scope) => {
        scope.addHook("onRequest", authorizeOrganizationAdministrator(state, context.tokens));
        const organizations = `${PLATFORM_PATH}/Organizations`;
        const organization = `${organizations}/:organizationId`;

        scope.get(organizations, async () => ({ Organization: [organizationView(state.organization)] }));
        scope.get(organization, async () => organizationView(state.organization));

        const users = () => state.directory.listUsers();
        const orgId = state.organization.id;
        scope.get(`${organization}/Users`, async () => ({ User: users().map((u) => platformUserView(u, orgId)) }));
        scope.get(`${organization}/Users/:userId`, async (request) => {
            const { userId } = UserParamsSchema.parse(request.params);
            return platformUserView(state.directory.getUser(userId), orgId);
        });
        scope.get(`${organization}/Users/:userId/Groups`, async (request) => {
            const { userId } = UserParamsSchema.parse(request.params);
            const user = state.directory.getUser(userId);
            const groups = state.directory.listGroups().filter((g) => g.members.some((m) => m.value === user.id));
            return { Item: groups.map((g) => platformGroupView(g, orgId)) };
        });
        scope.get(`${organization}/Groups`, async () => ({
            Item: state.directory.listGroups().map((g) => platformGroupView(g, orgId)),
        }));
        scope.get(`${organization}/Groups/:groupId`, async (request) => {
            const { groupId } = GroupParamsSchema.parse(request.params);
            return platformGroupView(state.directory.getGroup(groupId), orgId);
        });

        if (managementApi) {
            registerAppRegistrationRoutes(scope, context, organization);
            registerUserProvisioningRoutes(scope, context, organization);
        }
    });
}
