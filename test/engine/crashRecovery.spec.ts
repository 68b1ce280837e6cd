import { type CrashCell, describeCell, runCrashCell } from "../helpers/crashCell";
import { printEngineVersion, requireEngine } from "../helpers/engine";

const PROPAGATION = "/v1/environments/:envId/propagation";
const PLATFORM = "/DocuWare/Platform/Organizations/:organizationId";

/**
 * The crash matrix's CI sample (issue 19), one cell per mode: the deployment's whole process tree is killed while a
 * write is held, the write then completes, and `cancel` / `refresh --clear-pending-creates` / `up` must finish the
 * job with nothing by hand. What each object kind does with its own orphan (store, rule, registration, plan,
 * settings to restore) is shown at integration level in test/integration/sdk/stateSafety.spec.ts; the first `up`
 * keeps the two cells where resources depend on the recovered object (the rotated registration secret feeds the
 * connection; the rule left with one mapping). `npm run test:crash` runs every request of every mode.
 */
describe("crash recovery (the matrix's CI cells)", function () {
    this.timeout(900_000);
    before(function () {
        requireEngine(this);
        printEngineVersion();
    });

    const cells: CrashCell[] = [
        {
            mode: "first-up",
            point: { service: "docuware", method: "POST", route: `${PLATFORM}/AppRegistrations`, skip: 0 },
            outcome: "complete",
        },
        {
            mode: "first-up",
            point: { service: "pingone", method: "POST", route: `${PROPAGATION}/rules/:ruleId/mappings`, skip: 1 },
            outcome: "complete",
        },
        {
            mode: "change-up",
            point: { service: "pingone", method: "POST", route: `${PROPAGATION}/rules/:ruleId/mappings`, skip: 0 },
            outcome: "complete",
        },
        {
            // The settings restored, never recorded: the recovery's `up` sets them again, `destroy` restores them.
            mode: "destroy",
            point: { service: "docuware", method: "PUT", route: `${PLATFORM}/UserProvisioning`, skip: 0 },
            outcome: "complete",
        },
    ];
    for (const cell of cells) {
        // Each cell starts its own emulators and stack (crashFixture): no cell depends on another.
        it(describeCell(cell), async () => {
            await runCrashCell(cell);
        });
    }
});
