import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";

/** Prefix of the test-control API. It is never counted, rate limited or faulted. */
export const CONTROL_PREFIX = "/__emulator";

/** Marks a held request replayed inside the service: neither counted nor faulted again. */
const REPLAY_HEADER = "x-emulator-replay";

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export const FaultSpecSchema = z.object({
    /**
     * `"<METHOD> <route pattern>"` exactly as registered (e.g. `"POST /v1/environments/:envId/propagation/stores"`),
     * `"<METHOD> *"` for every route of that method, or `"*"` for every route.
     */
    route: z.string().min(1),
    /**
     * `hold` keeps the request waiting, unanswered, until the control API releases it (`/__emulator/holds`): then it
     * either completes (the change is made; the answer goes to whoever still listens) or is dropped (no change, the
     * connection is closed). Crash tests kill the client while a request is held.
     */
    kind: z.enum(["latency", "status", "reset", "drop-response", "hold"]),
    /** HTTP status for `kind: "status"`. */
    status: z.number().int().min(400).max(599).optional(),
    /** Error code the body of a `status` fault carries instead of the status's usual one (e.g. PingOne `UNEXPECTED_ERROR`). */
    code: z.string().min(1).optional(),
    /** `Retry-After` header (seconds) sent with a `status` fault. */
    retryAfterSeconds: z.number().int().min(0).optional(),
    /** Delay for `latency` (and before any other kind). */
    latencyMs: z.number().int().min(0).optional(),
    /** How many matching requests the fault applies to; 0 means every one until cleared. Defaults to 1. */
    times: z.number().int().min(0).default(1),
    /** Matching requests let through before the fault applies, to target the n-th one (n = skip + 1). Defaults to 0. */
    skip: z.number().int().min(0).default(0),
});
export type FaultSpec = z.input<typeof FaultSpecSchema>;
type Fault = z.output<typeof FaultSpecSchema> & { id: number; hits: number };

export const HoldOutcomeSchema = z.enum(["complete", "drop"]);
export type HoldOutcome = z.infer<typeof HoldOutcomeSchema>;

/** A request kept waiting by a `hold` fault. */
export interface HeldRequest {
    id: number;
    method: string;
    route: string;
    url: string;
}

export const RateLimitSchema = z.object({
    requestsPerSecond: z.number().positive(),
    burst: z.number().int().positive().default(1),
});

export interface RecordedRequest {
    method: string;
    route: string;
    url: string;
    status?: number;
    at: string;
}

/** Formats the service's own error body for an injected status fault or a rate-limit rejection. */
export type ErrorBodyFormatter = (status: number, request: FastifyRequest, code?: string) => unknown;

declare module "fastify" {
    interface FastifyRequest {
        emulatorDropResponse?: boolean;
        emulatorHold?: boolean;
        emulatorRecord?: RecordedRequest;
    }
}

/**
 * Request counting, fault injection and rate limiting shared by both emulators, plus the generic part of the
 * test-control API (`/__emulator/requests`, `/__emulator/faults`, `/__emulator/rate-limit`).
 */
export class ControlPlane {
    readonly requests: RecordedRequest[] = [];
    private faults: Fault[] = [];
    private nextFaultId = 1;
    private readonly held = new Map<number, { request: HeldRequest; release: (outcome: HoldOutcome) => void }>();
    private nextHoldId = 1;
    private rateLimit?: { requestsPerSecond: number; burst: number; tokens: number; refilledAt: number };

    /**
     * @param latencyMs round-trip time added to every request but the control API's, before it is answered (429s
     * included): a distant service, for benchmarks of how requests overlap.
     */
    constructor(
        private readonly errorBody: ErrorBodyFormatter,
        private readonly latencyMs = 0,
    ) {}

    /** Requests counted per `"<METHOD> <route>"`. */
    countsByRoute(): Record<string, number> {
        const counts: Record<string, number> = {};
        for (const r of this.requests) {
            const key = `${r.method} ${r.route}`;
            counts[key] = (counts[key] ?? 0) + 1;
        }
        return counts;
    }

    writeCount(): number {
        return this.requests.filter((r) => WRITE_METHODS.has(r.method)).length;
    }

    resetRequests(): void {
        this.requests.length = 0;
    }

    addFault(spec: FaultSpec): number {
        const fault = { ...FaultSpecSchema.parse(spec), id: this.nextFaultId++, hits: 0 };
        this.faults.push(fault);
        return fault.id;
    }

    /** Clears the faults and drops every request still held. */
    clearFaults(): void {
        this.faults = [];
        for (const id of [...this.held.keys()]) {
            this.release(id, "drop");
        }
    }

    holds(): HeldRequest[] {
        return [...this.held.values()].map((h) => h.request);
    }

    /** Lets a held request go on; false when no such request is held. */
    release(id: number, outcome: HoldOutcome): boolean {
        const entry = this.held.get(id);
        if (!entry) {
            return false;
        }
        this.held.delete(id);
        entry.release(outcome);
        return true;
    }

    /**
     * Keeps the request until released. `complete` on a request whose client is gone (killed) replays it inside the
     * service, since Fastify would not run the handler of an aborted request: the change is made, nobody reads it.
     */
    private async holdUntilReleased(request: FastifyRequest, reply: FastifyReply): Promise<void> {
        const outcome = await this.hold(request.emulatorRecord!);
        const clientGone = request.raw.socket.destroyed;
        if (outcome === "complete" && !clientGone) {
            return;
        }
        if (outcome === "complete") {
            const { "content-length": _length, ...headers } = request.headers;
            const form = String(headers["content-type"] ?? "").includes("x-www-form-urlencoded");
            const body = request.body as Record<string, string> | undefined;
            await request.server.inject({
                method: request.method as "POST",
                url: request.url,
                headers: { ...headers, [REPLAY_HEADER]: "1" },
                payload:
                    body === undefined ? undefined : form ? new URLSearchParams(body).toString() : JSON.stringify(body),
            });
        }
        request.raw.socket.destroy();
        return reply.hijack();
    }

    private hold(record: RecordedRequest): Promise<HoldOutcome> {
        const id = this.nextHoldId++;
        return new Promise((resolve) =>
            this.held.set(id, {
                request: { id, method: record.method, route: record.route, url: record.url },
                release: resolve,
            }),
        );
    }

    setRateLimit(limit: z.input<typeof RateLimitSchema> | undefined): void {
        if (!limit) {
            this.rateLimit = undefined;
            return;
        }
        const parsed = RateLimitSchema.parse(limit);
        this.rateLimit = { ...parsed, tokens: parsed.burst, refilledAt: Date.now() };
    }

    /** Installs the hooks and control routes on a service's fastify instance. */
    register(app: FastifyInstance): void {
        app.addHook("onRequest", async (request, reply) => this.onRequest(request, reply));
        app.addHook("preHandler", async (request, reply) => {
            if (request.emulatorHold) {
                return this.holdUntilReleased(request, reply);
            }
        });
        app.addHook("onSend", async (request, reply, payload) => {
            if (request.emulatorRecord) {
                request.emulatorRecord.status = reply.statusCode;
            }
            if (request.emulatorDropResponse) {
                // The handler has committed its change; the client never learns the outcome.
                request.raw.socket.destroy();
            }
            return payload;
        });
        app.addHook("onClose", async () => this.clearFaults());
        this.registerRoutes(app);
    }

    private async onRequest(request: FastifyRequest, reply: FastifyReply): Promise<void> {
        const path = request.url.split("?")[0] ?? "";
        if (path.startsWith(CONTROL_PREFIX) || request.headers[REPLAY_HEADER] !== undefined) {
            return;
        }
        const route = request.routeOptions.url ?? "<unmatched>";
        const record: RecordedRequest = {
            method: request.method,
            route,
            url: request.url,
            at: new Date().toISOString(),
        };
        this.requests.push(record);
        request.emulatorRecord = record;
        if (this.latencyMs > 0) {
            await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
        }

        const fault = this.takeFault(request.method, route);
        if (fault?.latencyMs) {
            await new Promise((resolve) => setTimeout(resolve, fault.latencyMs));
        }
        if (fault?.kind === "hold") {
            request.emulatorHold = true; // held in `preHandler`, once the body is read
        }
        if (fault?.kind === "reset") {
            request.raw.socket.destroy();
            return reply.hijack();
        }
        if (fault?.kind === "status") {
            const status = fault.status ?? 500;
            if (fault.retryAfterSeconds !== undefined) {
                void reply.header("Retry-After", String(fault.retryAfterSeconds));
            }
            return reply.code(status).send(this.errorBody(status, request, fault.code));
        }
        if (fault?.kind === "drop-response") {
            request.emulatorDropResponse = true;
        }
        const retryAfter = this.consumeRateLimit();
        if (retryAfter !== undefined) {
            return reply.code(429).header("Retry-After", String(retryAfter)).send(this.errorBody(429, request));
        }
    }

    private takeFault(method: string, route: string): Fault | undefined {
        const fault = this.faults.find(
            (f) => f.route === "*" || f.route === `${method} *` || f.route === `${method} ${route}`,
        );
        if (!fault) {
            return undefined;
        }
        if (fault.skip > 0) {
            fault.skip--;
            return undefined;
        }
        fault.hits++;
        if (fault.times !== 0 && fault.hits >= fault.times) {
            this.faults = this.faults.filter((f) => f !== fault);
        }
        return fault;
    }

    /** Token bucket; returns the seconds to wait when the request is over the limit. */
    private consumeRateLimit(): number | undefined {
        const limit = this.rateLimit;
        if (!limit) {
            return undefined;
        }
        const now = Date.now();
        limit.tokens = Math.min(
            limit.burst,
            limit.tokens + ((now - limit.refilledAt) / 1000) * limit.requestsPerSecond,
        );
        limit.refilledAt = now;
        if (limit.tokens >= 1) {
            limit.tokens -= 1;
            return undefined;
        }
        return Math.max(1, Math.ceil((1 - limit.tokens) / limit.requestsPerSecond));
    }

    private registerRoutes(app: FastifyInstance): void {
        app.get(`${CONTROL_PREFIX}/requests`, async () => ({
            total: this.requests.length,
            writes: this.writeCount(),
            byRoute: this.countsByRoute(),
            log: this.requests,
        }));
        app.delete(`${CONTROL_PREFIX}/requests`, async (_request, reply) => {
            this.resetRequests();
            return reply.code(204).send();
        });
        app.post(`${CONTROL_PREFIX}/faults`, async (request, reply) => {
            const parsed = FaultSpecSchema.safeParse(request.body);
            if (!parsed.success) {
                return reply.code(400).send({ error: z.prettifyError(parsed.error) });
            }
            return reply.code(201).send({ id: this.addFault(parsed.data) });
        });
        app.get(`${CONTROL_PREFIX}/faults`, async () => ({ faults: this.faults }));
        app.delete(`${CONTROL_PREFIX}/faults`, async (_request, reply) => {
            this.clearFaults();
            return reply.code(204).send();
        });
        app.get(`${CONTROL_PREFIX}/holds`, async () => ({ holds: this.holds() }));
        app.post<{ Params: { id: string } }>(`${CONTROL_PREFIX}/holds/:id/release`, async (request, reply) => {
            const outcome = HoldOutcomeSchema.safeParse((request.body as { outcome?: unknown } | undefined)?.outcome);
            if (!outcome.success) {
                return reply.code(400).send({ error: 'outcome must be "complete" or "drop"' });
            }
            const released = this.release(Number(request.params.id), outcome.data);
            return released ? reply.code(204).send() : reply.code(404).send({ error: "no such held request" });
        });
        app.put(`${CONTROL_PREFIX}/rate-limit`, async (request, reply) => {
            const parsed = RateLimitSchema.safeParse(request.body);
            if (!parsed.success) {
                return reply.code(400).send({ error: z.prettifyError(parsed.error) });
            }
            this.setRateLimit(parsed.data);
            return reply.code(204).send();
        });
        app.delete(`${CONTROL_PREFIX}/rate-limit`, async (_request, reply) => {
            this.setRateLimit(undefined);
            return reply.code(204).send();
        });
    }
}
