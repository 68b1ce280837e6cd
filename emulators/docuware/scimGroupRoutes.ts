import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import { applyScimPatch } from "./applyScimPatch";
import { parseRequest } from "./docuWareError";
import { compileScimFilter } from "./scimFilter";
import { projectAttributes } from "./scimAttributeProjection";
import { scimListResponse } from "./scimListResponse";
import {
    ScimGroupAttributesSchema,
    ScimListQuerySchema,
    ScimResourceQuerySchema,
    ScimPatchRequestSchema,
    SCIM_GROUP_SCHEMA,
    withoutNulls,
} from "./scimSchemas";
import { scimGroupView } from "./scimViews";
import type { ServiceContext } from "./serviceContext";
import type { StoredGroup } from "./stateSchemas";

const GroupParamsSchema = z.object({ idp: z.string(), id: z.string() });

/**
 * `/Groups` of the SCIM service (reference §2.1). inferred: the list shows all groups of the organization (there is
 * no `allDocuWareUsers` counterpart for groups), and a member must be an existing user.
 */
export function registerScimGroupRoutes(scope: FastifyInstance, context: ServiceContext): void {
    const { state, urls } = context;
    const directory = state.directory;
    const idpOf = (request: FastifyRequest): string => GroupParamsSchema.pick({ idp: true }).parse(request.params).idp;
    const view = (group: StoredGroup, request: FastifyRequest) =>
        scimGroupView(group, urls.scimBaseUrl(idpOf(request)), directory);

    scope.get("/Groups", async (request) => {
        const query = parseRequest(ScimListQuerySchema, request.query, "invalidValue");
        const matches = compileScimFilter<StoredGroup>(query.filter, {
            displayname: { value: (g) => g.displayName, caseExact: false },
        });
        const groups = directory.listGroups().filter(matches);
        return scimListResponse(groups, query, (g) => view(g, request));
    });

    scope.get("/Groups/:id", async (request) => {
        const { id } = GroupParamsSchema.parse(request.params);
        const query = parseRequest(ScimResourceQuerySchema, request.query, "invalidValue");
        return projectAttributes(view(directory.getGroup(id), request), query);
    });

    scope.post("/Groups", async (request, reply) => {
        const attributes = parseRequest(ScimGroupAttributesSchema, withoutNulls(request.body), "invalidValue");
        const body = view(directory.createGroup(attributes, idpOf(request)), request);
        return reply.code(201).header("Location", body.meta.location).send(body);
    });

    scope.put("/Groups/:id", async (request) => {
        const { id, idp } = GroupParamsSchema.parse(request.params);
        const attributes = parseRequest(ScimGroupAttributesSchema, withoutNulls(request.body), "invalidValue");
        return view(directory.replaceGroup(id, attributes, idp), request);
    });

    // inferred (Microsoft's ControllerTemplate.Patch): a group PATCH answers 204 without a body.
    scope.patch("/Groups/:id", async (request, reply) => {
        const { id, idp } = GroupParamsSchema.parse(request.params);
        const patch = parseRequest(ScimPatchRequestSchema, request.body, "invalidSyntax");
        const { id: _id, externalIdp: _idp, created: _c, lastModified: _m, ...current } = directory.getGroup(id);
        const patched = applyScimPatch(current, SCIM_GROUP_SCHEMA, patch);
        const attributes = parseRequest(ScimGroupAttributesSchema, withoutNulls(patched), "invalidValue");
        directory.replaceGroup(id, attributes, idp);
        return reply.code(204).send();
    });

    scope.delete("/Groups/:id", async (request, reply) => {
        const { id } = GroupParamsSchema.parse(request.params);
        directory.deleteGroup(id);
        return reply.code(204).send();
    });
}
