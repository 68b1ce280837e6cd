import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import Mocha from "mocha";

const DURATIONS_FILE = path.resolve(__dirname, "../../.work/test-durations.json");
const SLOWEST_SHOWN = 5;

interface SpecDuration {
    /** Wall time of the spec file, hooks included. */
    seconds: number;
    tests: number;
    recordedAt: string;
}

function readDurations(): Record<string, SpecDuration> {
    try {
        return JSON.parse(readFileSync(DURATIONS_FILE, "utf8")) as Record<string, SpecDuration>;
    } catch {
        return {};
    }
}

/**
 * The spec reporter, plus each spec file's duration (hooks included): written to `.work/test-durations.json`, merged
 * with the files of earlier runs (unit, integration and engine tests run separately), and the slowest printed.
 */
class SpecWithDurations extends Mocha.reporters.Spec {
    constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
        super(runner, options);
        const started = new Map<string, number>();
        const measured: Record<string, SpecDuration> = {};
        const fileOf = (suite: Mocha.Suite) => (suite.file ? path.relative(process.cwd(), suite.file) : undefined);
        runner.on(Mocha.Runner.constants.EVENT_SUITE_BEGIN, (suite: Mocha.Suite) => {
            const file = fileOf(suite);
            if (file && !started.has(file)) {
                started.set(file, Date.now());
            }
        });
        runner.on(Mocha.Runner.constants.EVENT_SUITE_END, (suite: Mocha.Suite) => {
            const file = fileOf(suite);
            if (file && suite.parent?.root) {
                const previous = measured[file];
                measured[file] = {
                    seconds: Math.round((Date.now() - started.get(file)!) / 100) / 10,
                    tests: (previous?.tests ?? 0) + suite.total(),
                    recordedAt: new Date().toISOString(),
                };
            }
        });
        runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
            mkdirSync(path.dirname(DURATIONS_FILE), { recursive: true });
            // Tiers run side by side (scripts/test.sh): write whole files only, so a reader never sees half of one.
            const temporary = `${DURATIONS_FILE}.${process.pid}`;
            writeFileSync(temporary, `${JSON.stringify({ ...readDurations(), ...measured }, null, 2)}\n`);
            renameSync(temporary, DURATIONS_FILE);
            const slowest = Object.entries(measured)
                .sort(([, a], [, b]) => b.seconds - a.seconds)
                .slice(0, SLOWEST_SHOWN);
            if (slowest.length > 0) {
                console.log(`  Slowest spec files (all in ${path.relative(process.cwd(), DURATIONS_FILE)}):`);
                for (const [file, { seconds, tests }] of slowest) {
                    console.log(`    ${seconds.toFixed(1).padStart(7)} s  ${file} (${tests} tests)`);
                }
                console.log();
            }
        });
    }
}

export = SpecWithDurations;
