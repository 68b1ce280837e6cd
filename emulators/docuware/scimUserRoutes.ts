import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import { applyScimPatch } from "./applyScimPatch";
import { parseRequest } from "./docuWareError";
import { compileScimFilter } from "./scimFilter";
import { projectAttributes } from "./scimAttributeProjection";
import { scimListResponse } from "./scimListResponse";
import {
    ScimListQuerySchema,
    ScimResourceQuerySchema,
    ScimPatchRequestSchema,
    ScimUserAttributesSchema,
    SCIM_USER_SCHEMA,
    withoutNulls,
} from "./scimSchemas";
import { scimUserAttributes, scimUserView } from "./scimViews";
import type { ServiceContext } from "./serviceContext";
import type { StoredUser } from "./stateSchemas";

const UserParamsSchema = z.object({ idp: z.string(), id: z.string() });

/**
 * `/Users` of the SCIM service (reference §2.1). Any user of the organization can be read and written through the
 * configured IdP path; a write makes the user owned by that IdP (`ExternalIdp`), which is how an IdP that found a
 * local user with `allDocuWareUsers=true` takes it over (inferred: the reason that parameter exists).
 */
export function registerScimUserRoutes(scope: FastifyInstance, context: ServiceContext): void {
    const { state, urls } = context;
    const directory = state.directory;
    const idpOf = (request: FastifyRequest): string => UserParamsSchema.pick({ idp: true }).parse(request.params).idp;
    const view = (user: StoredUser, request: FastifyRequest) => scimUserView(user, urls.scimBaseUrl(idpOf(request)));

    scope.get("/Users", async (request) => {
        const query = parseRequest(ScimListQuerySchema, request.query, "invalidValue");
        const idp = idpOf(request);
        const matches = compileScimFilter<StoredUser>(query.filter, {
            username: { value: (u) => u.userName, caseExact: false },
            externalid: { value: (u) => u.externalId, caseExact: true },
        });
        const users = directory
            .listUsers()
            .filter((u) => (query.allDocuWareUsers || u.externalIdp === idp) && matches(u));
        return scimListResponse(users, query, (u) => view(u, request));
    });

    scope.get("/Users/:id", async (request) => {
        const { id } = UserParamsSchema.parse(request.params);
        const query = parseRequest(ScimResourceQuerySchema, request.query, "invalidValue");
        return projectAttributes(view(directory.getUser(id), request), query);
    });

    scope.post("/Users", async (request, reply) => {
        const attributes = parseRequest(ScimUserAttributesSchema, withoutNulls(request.body), "invalidValue");
        const user = directory.createUser(attributes, idpOf(request));
        const body = view(user, request);
        return reply.code(201).header("Location", body.meta.location).send(body);
    });

    scope.put("/Users/:id", async (request) => {
        const { id, idp } = UserParamsSchema.parse(request.params);
        const attributes = parseRequest(ScimUserAttributesSchema, withoutNulls(request.body), "invalidValue");
        return view(directory.replaceUser(id, attributes, idp), request);
    });

    scope.patch("/Users/:id", async (request) => {
        const { id, idp } = UserParamsSchema.parse(request.params);
        const patch = parseRequest(ScimPatchRequestSchema, request.body, "invalidSyntax");
        const current = directory.getUser(id);
        const patched = applyScimPatch(scimUserAttributes(current), SCIM_USER_SCHEMA, patch);
        // RFC 7644 §3.5.2.2: a removed attribute is unassigned, not reset to its default: removing `active` never
        // re-enables a disabled user (inferred: the user keeps its state, as DocuWare has no "unassigned" status).
        const withActive = "active" in patched ? patched : { ...patched, active: current.active };
        const attributes = parseRequest(ScimUserAttributesSchema, withoutNulls(withActive), "invalidValue");
        // inferred (Microsoft's ControllerTemplate.Patch): 200 with the user, where groups answer 204.
        return view(directory.replaceUser(current.id, attributes, idp), request);
    });

    scope.delete("/Users/:id", async (request, reply) => {
        const { id } = UserParamsSchema.parse(request.params);
        directory.deleteUser(id);
        return reply.code(204).send();
    });
}
