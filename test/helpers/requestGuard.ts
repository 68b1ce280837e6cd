import diagnosticsChannel from "node:diagnostics_channel";

/**
 * Records every outgoing connection and HTTP request of this process (axios and anything else built on `net`), so
 * a test can assert that nothing was sent.
 */
export class RequestGuard {
    readonly seen: string[] = [];
    private readonly onSocket = (message: unknown) => {
        const socket = (message as { socket?: { remoteAddress?: string } }).socket;
        this.seen.push(`connection ${socket?.remoteAddress ?? "(connecting)"}`);
    };
    private readonly onRequest = (message: unknown) => {
        const request = (message as { request?: { method?: string; host?: string; path?: string } }).request;
        this.seen.push(`${request?.method ?? "?"} ${request?.host ?? ""}${request?.path ?? ""}`);
    };

    start(): void {
        diagnosticsChannel.subscribe("net.client.socket", this.onSocket);
        diagnosticsChannel.subscribe("http.client.request.start", this.onRequest);
    }

    stop(): void {
        diagnosticsChannel.unsubscribe("net.client.socket", this.onSocket);
        diagnosticsChannel.unsubscribe("http.client.request.start", this.onRequest);
    }

    /** Returns what was sent since the last call and forgets it. */
    take(): string[] {
        return this.seen.splice(0);
    }
}
