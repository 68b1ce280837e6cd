import axios, { type AxiosInstance } from "axios";
import {
    CONTROL_PREFIX,
    type FaultSpec,
    type HeldRequest,
    type HoldOutcome,
    type RecordedRequest,
} from "./controlPlane";

export interface RequestSummary {
    total: number;
    writes: number;
    byRoute: Record<string, number>;
    log: RecordedRequest[];
}

/** Test-side client of an emulator's control API (`/__emulator/...`). */
export class ControlClient {
    private readonly http: AxiosInstance;

    constructor(baseUrl: string) {
        this.http = axios.create({ baseURL: `${baseUrl}${CONTROL_PREFIX}`, timeout: 30_000 });
    }

    async requests(): Promise<RequestSummary> {
        return (await this.http.get<RequestSummary>("/requests")).data;
    }

    async resetRequests(): Promise<void> {
        await this.http.delete("/requests");
    }

    async addFault(fault: FaultSpec): Promise<number> {
        return (await this.http.post<{ id: number }>("/faults", fault)).data.id;
    }

    async clearFaults(): Promise<void> {
        await this.http.delete("/faults");
    }

    /** Requests kept waiting by `hold` faults. */
    async holds(): Promise<HeldRequest[]> {
        return (await this.http.get<{ holds: HeldRequest[] }>("/holds")).data.holds;
    }

    async release(id: number, outcome: HoldOutcome): Promise<void> {
        await this.http.post(`/holds/${id}/release`, { outcome });
    }

    async setRateLimit(limit: { requestsPerSecond: number; burst?: number } | undefined): Promise<void> {
        await (limit ? this.http.put("/rate-limit", limit) : this.http.delete("/rate-limit"));
    }

    /** Service-specific control routes (state, console-like edits), relative to `/__emulator`. */
    async get<T>(path: string): Promise<T> {
        return (await this.http.get<T>(path)).data;
    }

    async post<T>(path: string, body?: unknown): Promise<T> {
        return (await this.http.post<T>(path, body)).data;
    }

    async put<T>(path: string, body: unknown): Promise<T> {
        return (await this.http.put<T>(path, body)).data;
    }

    async patch<T>(path: string, body: unknown): Promise<T> {
        return (await this.http.patch<T>(path, body)).data;
    }

    async delete(path: string): Promise<void> {
        await this.http.delete(path);
    }
}
