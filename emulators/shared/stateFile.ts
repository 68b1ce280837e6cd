import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";

/**
 * Optional persistence of an emulator's state as JSON, so a demo survives a restart. Writes are coalesced and
 * atomic (write to a temporary file, then rename).
 */
export class StateFile<T> {
    private timer?: NodeJS.Timeout;

    constructor(
        private readonly path: string | undefined,
        private readonly snapshot: () => T,
    ) {}

    /** The stored JSON, or undefined without a path or file. */
    static read(path: string | undefined): unknown {
        if (!path || !existsSync(path)) {
            return undefined;
        }
        return JSON.parse(readFileSync(path, "utf8")) as unknown;
    }

    /** Schedules a write of the current state; a no-op without a path. */
    changed(): void {
        if (!this.path || this.timer) {
            return;
        }
        this.timer = setTimeout(() => this.flush(), 50);
    }

    flush(): void {
        if (this.timer) {
            clearTimeout(this.timer);
            this.timer = undefined;
        }
        if (!this.path) {
            return;
        }
        const temporary = `${this.path}.tmp`;
        writeFileSync(temporary, JSON.stringify(this.snapshot(), null, 2));
        renameSync(temporary, this.path);
    }
}
