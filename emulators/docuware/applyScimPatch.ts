import { type ScimPatchOperation, scimPatch } from "scim-patch";
import { DocuWareError } from "./docuWareError";
import { type ScimPatchRequest, withoutNulls } from "./scimSchemas";

/**
 * Applies a PatchOp (RFC 7644 §3.5.2) to a copy of a resource's attributes with scim-patch, including paths with
 * value filters such as `emails[type eq "work"].value`. `id`, `meta` and `schemas` cannot be patched. The caller
 * re-validates the result.
 */
export function applyScimPatch(attributes: object, schema: string, patch: ScimPatchRequest): Record<string, unknown> {
    const resource = {
        ...structuredClone(attributes),
        schemas: [schema],
        meta: { created: new Date(), lastModified: new Date() },
    };
    const operations = patch.Operations.map((operation) =>
        operation.value === undefined ? operation : { ...operation, value: withoutNulls(operation.value) },
    ) as ScimPatchOperation[];
    try {
        const patched = scimPatch(resource, operations, { mutateDocument: false, treatMissingAsAdd: true });
        const { schemas: _schemas, meta: _meta, id: _id, ...rest } = patched as Record<string, unknown>;
        return rest;
    } catch (error) {
        const scimType = (error as { scimCode?: string }).scimCode ?? "invalidSyntax";
        throw new DocuWareError(400, (error as Error).message, { scimType });
    }
}
