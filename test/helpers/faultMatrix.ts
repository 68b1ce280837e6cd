import { SCIM_SERVICE_PATH } from "../../emulators/docuware/emulatorUrls";
import type { ControlClient } from "../../emulators/shared/controlClient";
import type { FaultSpec } from "../../emulators/shared/controlPlane";

/** The three operations of the matrix, as a user types them. */
export const OPERATIONS = ["up", "preview --refresh", "destroy"] as const;
export type Operation = (typeof OPERATIONS)[number];

/** Request timeout of the providers in the matrix: short, so that a timeout cell costs seconds, not half a minute. */
export const REQUEST_TIMEOUT_SECONDS = 2;

export interface FaultKind {
    name: string;
    /** The fault injected into the first matching request (`times: 1`), for clients with this request timeout. */
    spec(route: string, timeoutSeconds?: number): FaultSpec;
    /** What a clear error says about the cause. */
    cause: RegExp;
    /** Whether the operation must recover from it (rather than being allowed to fail clearly). */
    mustRecover: boolean;
}

/** A reset and a response lost after the commit look the same to the client: the connection closed without a response. */
const CONNECTION_CLOSED = /connection was reset|ECONNRESET|socket hang up/i;

export const FAULT_KINDS: readonly FaultKind[] = [
    {
        name: "429 + Retry-After",
        spec: (route) => ({ route, kind: "status", status: 429, retryAfterSeconds: 1 }),
        cause: /HTTP 429/,
        // The service did not process a rate-limited request: every client repeats it.
        mustRecover: true,
    },
    { name: "500", spec: (route) => ({ route, kind: "status", status: 500 }), cause: /HTTP 500/, mustRecover: false },
    { name: "503", spec: (route) => ({ route, kind: "status", status: 503 }), cause: /HTTP 503/, mustRecover: false },
    {
        name: "timeout",
        // Longer than the providers' request timeout; the emulator drops the request once the client has gone.
        spec: (route, timeoutSeconds = REQUEST_TIMEOUT_SECONDS) => ({
            route,
            kind: "latency",
            latencyMs: timeoutSeconds * 1000 + 1000,
        }),
        cause: /timed out|timeout/i,
        mustRecover: false,
    },
    { name: "reset", spec: (route) => ({ route, kind: "reset" }), cause: CONNECTION_CLOSED, mustRecover: false },
    {
        name: "drop-response",
        spec: (route) => ({ route, kind: "drop-response" }),
        cause: CONNECTION_CLOSED,
        mustRecover: false,
    },
];

export type ServiceKey = "pingone" | "docuware";

/** One API call an operation makes: `"<METHOD> <route pattern>"` on one emulator. */
export interface ApiCall {
    service: ServiceKey;
    route: string;
}

export interface Cell {
    operation: Operation;
    call: ApiCall;
    fault: FaultKind;
}

export const cellName = (cell: Cell): string =>
    `${cell.operation} × ${cell.call.service} ${cell.call.route} × ${cell.fault.name}`;

/**
 * The API calls of one operation, from the emulators' request logs (reset before it). DocuWare's SCIM service is
 * called only by PingOne's provisioning engine, never by the providers, so those requests are not the operation's.
 */
export async function observedCalls(controls: Record<ServiceKey, ControlClient>): Promise<ApiCall[]> {
    const calls: ApiCall[] = [];
    for (const service of ["pingone", "docuware"] as const) {
        const { log } = await controls[service].requests();
        const routes = log.filter((r) => !r.route.startsWith(SCIM_SERVICE_PATH)).map((r) => `${r.method} ${r.route}`);
        calls.push(...[...new Set(routes)].map((route) => ({ service, route })));
    }
    return calls;
}

/** Every (operation, call, fault) combination. */
export function matrixCells(calls: Record<Operation, ApiCall[]>): Cell[] {
    return OPERATIONS.flatMap((operation) =>
        calls[operation].flatMap((call) => FAULT_KINDS.map((fault) => ({ operation, call, fault }))),
    );
}

/**
 * One cell per operation and fault kind, each on another call of the operation (spread over its calls), for the
 * engine tier; the integration tier runs every cell.
 */
export function sampleCells(calls: Record<Operation, ApiCall[]>): Cell[] {
    return OPERATIONS.flatMap((operation) =>
        FAULT_KINDS.map((fault, index) => {
            const pick = Math.floor(((index + 0.5) * calls[operation].length) / FAULT_KINDS.length);
            return { operation, call: calls[operation][pick]!, fault };
        }),
    );
}

/**
 * Deals the cells out to `lanes` lanes: each operation's cells, fault kind by fault kind, round-robin, so that every
 * lane gets a share of each operation and of each fault kind (their costs differ: a 429 waits, a 500 needs a
 * converging operation).
 */
export function dealCells(cells: Cell[], lanes: number): Record<Operation, Cell[]>[] {
    const dealt = Array.from(
        { length: lanes },
        () => ({ up: [], "preview --refresh": [], destroy: [] }) as Record<Operation, Cell[]>,
    );
    const faultOrder = (cell: Cell) => FAULT_KINDS.indexOf(cell.fault);
    for (const operation of OPERATIONS) {
        cells
            .filter((cell) => cell.operation === operation)
            .sort((a, b) => faultOrder(a) - faultOrder(b))
            .forEach((cell, index) => dealt[index % lanes]![operation].push(cell));
    }
    return dealt;
}

export interface CellResult {
    cell: Cell;
    /**
     * "recovered": the operation succeeded despite the fault; "failed clearly": it failed, and the next one converged;
     * "broken": the next one did not converge either.
     */
    outcome: "recovered" | "failed clearly" | "broken";
    problems: string[];
    /** The failed operation's diagnostics, for "failed clearly". */
    error?: string;
    durationMs: number;
}

/** One resource's diagnostic in the engine output: `  <type> (<name>):` followed by its indented lines. */
export interface Diagnostic {
    type: string;
    name: string;
    text: string;
}

/** The per-resource diagnostics of a failed operation's output (`Diagnostics:` section of the CLI). */
export function diagnostics(output: string): Diagnostic[] {
    const lines = output.split(/\r?\n/);
    const start = lines.findIndex((line) => /^\s*Diagnostics:\s*$/.test(line));
    if (start === -1) {
        return [];
    }
    const found: Diagnostic[] = [];
    let current: Diagnostic | undefined;
    for (const line of lines.slice(start + 1)) {
        const header = /^ {2}(\S+) \((.+)\):\s*$/.exec(line);
        if (header) {
            current = { type: header[1]!, name: header[2]!, text: "" };
            found.push(current);
        } else if (/^\S/.test(line)) {
            break; // the next section (Outputs:, Resources:, …)
        } else if (current) {
            current.text += `${line}\n`;
        }
    }
    return found;
}

/**
 * Problems with a failed operation's error: it must name the resource (in the engine's per-resource diagnostic)
 * together with the cause, and carry no secret.
 */
export function errorProblems(
    output: string,
    fault: FaultKind,
    resourceNames: readonly string[],
    secrets: Record<string, string>,
): string[] {
    const problems: string[] = [];
    const clear = diagnostics(output).filter(
        (d) => resourceNames.includes(d.name) && /error:/.test(d.text) && fault.cause.test(d.text),
    );
    if (clear.length === 0) {
        problems.push(
            `the error does not name a resource together with the cause (${fault.cause}):\n${indent(errorExcerpt(output))}`,
        );
    }
    for (const [what, value] of Object.entries(secrets)) {
        if (value && output.includes(value)) {
            problems.push(`the error contains the ${what}`);
        }
    }
    return problems;
}

/** The diagnostics of a failed operation, or its last lines. */
export function errorExcerpt(output: string): string {
    const found = diagnostics(output);
    const text = found.length > 0 ? found.map((d) => `${d.type} (${d.name}):\n${d.text}`).join("") : output;
    return text.split("\n").filter(Boolean).slice(-12).join("\n");
}

export const indent = (text: string, by = "      "): string =>
    text
        .split("\n")
        .map((line) => by + line)
        .join("\n");

/** Rows = fault kinds, columns = operations, cells = passed/total, with totals. */
export function matrixTable(results: readonly CellResult[]): string {
    const count = (filter: (r: CellResult) => boolean) => {
        const matching = results.filter(filter);
        return `${matching.filter((r) => r.problems.length === 0).length}/${matching.length}`;
    };
    const header = ["fault \\ operation", ...OPERATIONS, "total"];
    const rows = FAULT_KINDS.map((fault) => [
        fault.name,
        ...OPERATIONS.map((op) => count((r) => r.cell.fault === fault && r.cell.operation === op)),
        count((r) => r.cell.fault === fault),
    ]);
    rows.push(["total", ...OPERATIONS.map((op) => count((r) => r.cell.operation === op)), count(() => true)]);
    const widths = header.map((_, i) => Math.max(...[header, ...rows].map((row) => row[i]!.length)));
    const format = (row: string[]) => row.map((value, i) => value.padEnd(widths[i]!)).join(" | ");
    const rule = widths.map((w) => "-".repeat(w)).join("-|-");
    return [format(header), rule, ...rows.slice(0, -1).map(format), rule, format(rows.at(-1)!)].join("\n");
}

/** How often each outcome occurred, per operation: which faults were absorbed and which surfaced as clear errors. */
export function outcomeSummary(results: readonly CellResult[]): string {
    return OPERATIONS.map((op) => {
        const ofOp = results.filter((r) => r.cell.operation === op);
        const by = (outcome: CellResult["outcome"]) => ofOp.filter((r) => r.outcome === outcome).length;
        return `${op}: ${by("recovered")} recovered, ${by("failed clearly")} failed clearly then converged, ${by("broken")} broken`;
    }).join("\n");
}
