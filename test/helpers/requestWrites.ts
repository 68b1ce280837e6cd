/** Requests of an emulator's log that change something: every write except token requests, which change nothing. */
export function writesOf(log: readonly { method: string; route: string }[]): string[] {
    return log
        .filter((r) => ["POST", "PUT", "PATCH", "DELETE"].includes(r.method) && !/\/(as|connect)\/token$/.test(r.route))
        .map((r) => `${r.method} ${r.route}`);
}
