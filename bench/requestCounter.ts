import type { RequestSummary } from "../emulators/shared/controlClient";
import type { EmulatorControls } from "./benchEmulators";

/** Requests the services received during one operation, summed over PingOne and every DocuWare organization. */
export interface RequestCount {
    /** Requests the services processed (every answer but a 429). */
    processed: number;
    /** Requests turned away by the rate limiter (429). */
    rateLimited: number;
    /** Processed requests per `"<service> <METHOD> <route>"`. */
    byRoute: Record<string, number>;
    byService: Record<string, { processed: number; rateLimited: number }>;
}

/** Reads and resets the request counters of a set of emulators. */
export class RequestCounter {
    constructor(private readonly emulators: EmulatorControls) {}

    async reset(): Promise<void> {
        await Promise.all([
            this.emulators.pingone.control.resetRequests(),
            ...this.emulators.docuware.map((d) => d.control.resetRequests()),
        ]);
    }

    async read(): Promise<RequestCount> {
        const [pingone, ...docuware] = await Promise.all([
            this.emulators.pingone.control.requests(),
            ...this.emulators.docuware.map((d) => d.control.requests()),
        ]);
        const count: RequestCount = { processed: 0, rateLimited: 0, byRoute: {}, byService: {} };
        add(count, "PingOne", pingone!);
        docuware.forEach((summary) => add(count, "DocuWare", summary));
        return count;
    }
}

function add(count: RequestCount, service: string, summary: RequestSummary): void {
    const perService = (count.byService[service] ??= { processed: 0, rateLimited: 0 });
    for (const request of summary.log) {
        if (request.status === 429) {
            count.rateLimited++;
            perService.rateLimited++;
            continue;
        }
        count.processed++;
        perService.processed++;
        const key = `${service} ${request.method} ${request.route}`;
        count.byRoute[key] = (count.byRoute[key] ?? 0) + 1;
    }
}
