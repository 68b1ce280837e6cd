/**
 * Every place where the package or its PingOne emulator knowingly differs from the vendor's OpenAPI
 * (`vendor/pingone-propagation-openapi.json`, the Go SDK's spec), with the reason and the source that justifies it.
 * Any difference not listed here fails `npm run test:contract`, and so does an entry that no longer occurs.
 */
export interface Deviation {
    /** `missing-operation`: the (method, path) is not in the spec; else where a body fails the spec's schema. */
    kind: "missing-operation" | "request" | "response";
    method: string;
    /** Matched against the concrete path below the API base, e.g. `/environments/<id>/propagation/stores`. */
    path: RegExp;
    /** For bodies: the failing location (ajv `instancePath`) and keyword. */
    instancePath?: RegExp;
    keyword?: string;
    reason: string;
    source: string;
}

const ENV = "/environments/[^/]+/propagation";

export const DEVIATIONS: readonly Deviation[] = [
    {
        kind: "missing-operation",
        method: "POST",
        path: new RegExp(`^${ENV}/plans/[^/]+/rules$`),
        reason: "Rules are created through the plan-scoped path the docs document; the SDK spec has only POST /rules.",
        source: "PingOne Platform API docs, 'Create rule' (POST /environments/{envId}/propagation/plans/{planId}/rules); reference §11 A7",
    },
    {
        kind: "missing-operation",
        method: "DELETE",
        path: new RegExp(`^${ENV}/mappings/[^/]+$`),
        reason: "The spec spells the mapping delete /mapping/{id} (singular); the community provider found that wrong and deletes under /mappings/{id}.",
        source: "TF-easytofu (community PingOne provider) mapping resource; reference §5 and §11 A16",
    },
    {
        kind: "request",
        method: "(POST|PUT)",
        path: new RegExp(`^${ENV}/stores(/[^/]+|/connection/status)?$`),
        instancePath: /^\/status$/,
        keyword: "enum",
        reason: "A SCIM connection is switched on with status ACTIVE; the spec's EnumPropagationStoreStatus lists only INACTIVE.",
        source: "Postman collection 'Read One Store' examples and TF-easytofu tests (API returns ACTIVE); reference §3 store table",
    },
    {
        kind: "response",
        method: "(GET|POST|PUT)",
        path: new RegExp(`^${ENV}/stores(/[^/]+)?$`),
        instancePath: /^(\/_embedded\/stores\/\d+)?\/status$/,
        keyword: "enum",
        reason: "PingOne answers status ACTIVE for an enabled connection (and for the environment's directory store).",
        source: "Postman collection 'Read One Store' / 'Read All Stores' examples; reference §3 store table",
    },
    {
        kind: "request",
        method: "POST",
        path: new RegExp(`^${ENV}/stores$`),
        instancePath: /^$/,
        keyword: "required",
        reason: "The PingOne Directory store has no configuration: its documented request model is type, name, managed, image.href, description.",
        source: "PingOne Platform API docs, 'Create store (PingOne Directory)' request model; reference §11 A10",
    },
];
