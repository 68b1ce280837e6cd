import { redact } from "../sdk/core/secrets";

/** A demo step that did not turn out as shown. */
export class DemoFailure extends Error {
    override name = "DemoFailure";
}

/** Numbered steps in plain words, each with what it shows and what it checks; any failed check stops the demo. */
export class DemoScript {
    private count = 0;
    private checks = 0;

    constructor(private readonly write: (line: string) => void) {}

    step(title: string): void {
        this.count++;
        this.write("");
        this.write(`${this.count}. ${title}`);
    }

    /** Shows what happened; secrets the package handled are masked. */
    show(text: string): void {
        for (const line of redact(text).split("\n")) {
            this.write(`   ${line}`);
        }
    }

    expect(condition: boolean, what: string): void {
        if (!condition) {
            throw new DemoFailure(`step ${this.count}: expected ${what}`);
        }
        this.checks++;
        this.write(`   ✔ ${what}`);
    }

    done(): void {
        this.write("");
        this.write(`All ${this.count} steps turned out as shown (${this.checks} checks).`);
    }
}
