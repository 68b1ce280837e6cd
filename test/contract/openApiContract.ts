import Ajv, { type ErrorObject, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import * as fs from "node:fs";
import * as path from "node:path";
import type { Deviation } from "./deviations";
import type { Exchange } from "./recordingProxy";

const SPEC_FILE = path.join(__dirname, "vendor", "pingone-propagation-openapi.json");
const SPEC_ID = "pingone-propagation";

interface Operation {
    method: string;
    template: string;
    pattern: RegExp;
    /** Literal segments, so `/revisions/id:latest` wins over `/revisions/{id}`. */
    literals: number;
    requestSchema?: object;
    responses: Record<string, object | undefined>;
}

type SchemaRef = { $ref: string };
type Spec = {
    paths: Record<string, Record<string, { requestBody?: Content; responses?: Record<string, Content> }>>;
};
type Content = { content?: Record<string, { schema?: object }> };

const isTyped = (schema: object | undefined): schema is object =>
    schema !== undefined && ("$ref" in schema || Object.keys(schema).some((key) => key !== "type"));

/** The vendor spec's operations and a validator (ajv, OpenAPI 3.0 schemas as JSON Schema) for its schemas. */
export class OpenApiContract {
    private readonly ajv: Ajv;
    private readonly operations: Operation[] = [];
    private readonly compiled = new Map<string, ValidateFunction>();

    constructor() {
        const spec = JSON.parse(fs.readFileSync(SPEC_FILE, "utf8")) as Spec;
        this.ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
        addFormats(this.ajv);
        this.ajv.addSchema(spec as object, SPEC_ID);
        for (const [template, methods] of Object.entries(spec.paths)) {
            const segments = template.split("/");
            const pattern = new RegExp(
                `^${segments.map((s) => (/^\{.+\}$/.test(s) ? "[^/]+" : s.replace(/[.*+?^$()|[\]\\]/g, "\\$&"))).join("/")}$`,
            );
            for (const [method, operation] of Object.entries(methods)) {
                const responses: Record<string, object | undefined> = {};
                for (const [status, response] of Object.entries(operation.responses ?? {})) {
                    responses[status] = response.content?.["application/json"]?.schema;
                }
                this.operations.push({
                    method: method.toUpperCase(),
                    template,
                    pattern,
                    literals: segments.filter((s) => !s.startsWith("{")).length,
                    requestSchema: operation.requestBody?.content?.["application/json"]?.schema,
                    responses,
                });
            }
        }
    }

    operation(method: string, concretePath: string): Operation | undefined {
        return this.operations
            .filter((o) => o.method === method && o.pattern.test(concretePath))
            .sort((a, b) => b.literals - a.literals)[0];
    }

    /** Validates against a schema of the spec (`{ $ref }` into components, or an inline one). */
    validate(schema: object, value: unknown): ErrorObject[] {
        const key = JSON.stringify(schema);
        let validate = this.compiled.get(key);
        if (!validate) {
            const rooted = "$ref" in schema ? { $ref: `${SPEC_ID}${(schema as SchemaRef).$ref}` } : schema;
            validate = this.ajv.compile(rooted);
            this.compiled.set(key, validate);
        }
        return validate(value) ? [] : (validate.errors ?? []);
    }

    componentRef(name: string): SchemaRef {
        return { $ref: `#/components/schemas/${name}` };
    }

    isTyped(schema: object | undefined): schema is object {
        return isTyped(schema);
    }
}

export interface Finding {
    kind: Deviation["kind"];
    method: string;
    path: string;
    instancePath?: string;
    keyword?: string;
    message: string;
}

export function matchesDeviation(finding: Finding, deviation: Deviation): boolean {
    return (
        deviation.kind === finding.kind &&
        new RegExp(`^${deviation.method}$`).test(finding.method) &&
        deviation.path.test(finding.path) &&
        (deviation.instancePath === undefined || deviation.instancePath.test(finding.instancePath ?? "")) &&
        (deviation.keyword === undefined || deviation.keyword === finding.keyword)
    );
}

/** Item schemas for the `_embedded` lists the spec leaves untyped (its EntityArray has `plans` but no `stores`). */
const EMBEDDED_ITEMS: Record<string, string> = { stores: "PropagationStore" };

/** Which exchanges are checked, and how: requests by operation, bodies of stores, plans, lists and errors. */
export function checkExchanges(contract: OpenApiContract, exchanges: readonly Exchange[]) {
    const findings: Finding[] = [];
    let responsesChecked = 0;
    const errorsOf = (kind: Finding["kind"], exchange: Exchange, errors: ErrorObject[], prefix = "") =>
        errors.map((e) => ({
            kind,
            method: exchange.method,
            path: exchange.path,
            instancePath: `${prefix}${e.instancePath}`,
            keyword: e.keyword,
            message: `${prefix}${e.instancePath} ${e.message ?? ""} ${JSON.stringify(e.params)}`,
        }));

    for (const exchange of exchanges) {
        const operation = contract.operation(exchange.method, exchange.path);
        if (!operation) {
            findings.push({
                kind: "missing-operation",
                method: exchange.method,
                path: exchange.path,
                message: "no such operation in the spec",
            });
        }
        const requestSchema = operation?.requestSchema;
        if (exchange.requestBody !== undefined && contract.isTyped(requestSchema)) {
            findings.push(...errorsOf("request", exchange, contract.validate(requestSchema, exchange.requestBody)));
        }
        if (exchange.status >= 400) {
            // Every error answer carries PingOne's envelope, whether or not the spec lists the status.
            const schema = operation?.responses[String(exchange.status)] ?? contract.componentRef("P1Error");
            findings.push(...errorsOf("response", exchange, contract.validate(schema, exchange.responseBody)));
            responsesChecked++;
            continue;
        }
        const responseSchema = operation?.responses[String(exchange.status)];
        if (exchange.responseBody === undefined || !contract.isTyped(responseSchema)) {
            continue;
        }
        findings.push(...errorsOf("response", exchange, contract.validate(responseSchema, exchange.responseBody)));
        const embedded = (exchange.responseBody as { _embedded?: Record<string, unknown[]> })._embedded ?? {};
        for (const [name, component] of Object.entries(EMBEDDED_ITEMS)) {
            for (const [i, item] of (embedded[name] ?? []).entries()) {
                const errors = contract.validate(contract.componentRef(component), item);
                findings.push(...errorsOf("response", exchange, errors, `/_embedded/${name}/${i}`));
            }
        }
        responsesChecked++;
    }
    return { findings, responsesChecked };
}
