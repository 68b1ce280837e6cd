import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { notFound } from "./docuWareError";
import { MAX_PAGE_SIZE } from "./scimListResponse";
import { SCIM_RESOURCE_TYPES, SCIM_SCHEMA_DEFINITIONS } from "./scimSchemaDefinitions";
import { SCIM_LIST_RESPONSE_SCHEMA } from "./scimSchemas";

const ResourceParamsSchema = z.object({ id: z.string() });

/** `/Schemas` and `/ResourceTypes` (read, reference §2.1) and `/ServiceProviderConfig` (inferred: not documented). */
export function registerScimDiscoveryRoutes(scope: FastifyInstance): void {
    scope.get("/Schemas", async () => listOf(SCIM_SCHEMA_DEFINITIONS));
    scope.get("/Schemas/:id", async (request) => {
        const { id } = ResourceParamsSchema.parse(request.params);
        return SCIM_SCHEMA_DEFINITIONS.find((s) => s.id === id) ?? throwNotFound("schema", id);
    });

    scope.get("/ResourceTypes", async () => listOf(SCIM_RESOURCE_TYPES));
    scope.get("/ResourceTypes/:id", async (request) => {
        const { id } = ResourceParamsSchema.parse(request.params);
        return SCIM_RESOURCE_TYPES.find((t) => t.id === id) ?? throwNotFound("resource type", id);
    });

    scope.get("/ServiceProviderConfig", async () => ({
        schemas: ["urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"],
        patch: { supported: true },
        bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
        filter: { supported: true, maxResults: MAX_PAGE_SIZE },
        changePassword: { supported: false },
        sort: { supported: false },
        etag: { supported: false },
        authenticationSchemes: [
            {
                type: "oauthbearertoken",
                name: "OAuth Bearer Token",
                description: "A client-credentials token of the app registration selected for User Provisioning.",
                primary: true,
            },
        ],
        meta: { resourceType: "ServiceProviderConfig", location: "/ServiceProviderConfig" },
    }));
}

function listOf(resources: readonly object[]) {
    return {
        schemas: [SCIM_LIST_RESPONSE_SCHEMA],
        totalResults: resources.length,
        startIndex: 1,
        itemsPerPage: resources.length,
        Resources: resources,
    };
}

function throwNotFound(kind: string, id: string): never {
    throw notFound(`The ${kind} '${id}' does not exist.`);
}
