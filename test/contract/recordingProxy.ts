import * as http from "node:http";
import type { AddressInfo } from "node:net";

/** One request as the client sent it and the answer it got, bodies parsed as JSON when they are JSON. */
export interface Exchange {
    method: string;
    /** Path without the query, percent-decoded, relative to the proxied base URL. */
    path: string;
    contentType?: string;
    requestBody?: unknown;
    status: number;
    responseBody?: unknown;
}

function parse(text: string): unknown {
    if (text === "") {
        return undefined;
    }
    try {
        return JSON.parse(text) as unknown;
    } catch {
        return text;
    }
}

function readAll(stream: NodeJS.ReadableStream): Promise<string> {
    return new Promise((resolve, reject) => {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
        stream.on("error", reject);
    });
}

/**
 * A loopback HTTP proxy in front of one base URL that records every exchange: the real requests the SDK sends and
 * the real responses the emulator gives, without touching either.
 */
export class RecordingProxy {
    readonly exchanges: Exchange[] = [];
    private server?: http.Server;
    private basePath = "";

    /** Starts in front of `targetBaseUrl` (e.g. `http://127.0.0.1:1234/v1`); returns the proxy's base URL. */
    async start(targetBaseUrl: string): Promise<string> {
        const target = new URL(targetBaseUrl);
        this.basePath = target.pathname.replace(/\/+$/, "");
        this.server = http.createServer((request, response) => {
            void this.forward(target, request, response);
        });
        await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
        const { port } = this.server.address() as AddressInfo;
        return `http://127.0.0.1:${port}${this.basePath}`;
    }

    async stop(): Promise<void> {
        this.server?.closeAllConnections();
        await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    }

    private async forward(target: URL, request: http.IncomingMessage, response: http.ServerResponse) {
        const body = await readAll(request);
        const upstream = http.request(
            {
                host: target.hostname,
                port: target.port,
                method: request.method,
                path: request.url,
                headers: { ...request.headers, host: target.host },
            },
            (answer) => {
                void readAll(answer).then((text) => {
                    const rawPath = (request.url ?? "").split("?")[0]!;
                    this.exchanges.push({
                        method: request.method ?? "GET",
                        path: decodeURIComponent(rawPath.slice(this.basePath.length)),
                        contentType: request.headers["content-type"],
                        requestBody: parse(body),
                        status: answer.statusCode ?? 0,
                        responseBody: parse(text),
                    });
                    response.writeHead(answer.statusCode ?? 502, answer.headers);
                    response.end(text);
                });
            },
        );
        upstream.on("error", () => {
            response.writeHead(502);
            response.end();
        });
        upstream.end(body);
    }
}
