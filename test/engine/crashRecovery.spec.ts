import { type CrashPoint, describeCell, runCrashCell } from "../helpers/crashCell";
import { printEngineVersion, requireEngine } from "../helpers/engine";

const PROPAGATION = "/v1/environments/:envId/propagation";
const PLATFORM = "/DocuWare/Platform/Organizations/:organizationId";

/**
 * One crash cell per object kind of a first `up` (issue 19): the deployment's whole process tree is killed while
 * the object's create is held, the create then completes, and `cancel` / `refresh --clear-pending-creates` / `up`
 * must finish the job with nothing by hand. `npm run test:crash` runs every request of every mode.
 */
describe("crash recovery (one cell per object kind)", function () {
    this.timeout(900_000);
    before(function () {
        requireEngine(this);
        printEngineVersion();
    });

    const points: CrashPoint[] = [
        { service: "docuware", method: "POST", route: `${PLATFORM}/AppRegistrations`, skip: 0 },
        // The settings switched to Ping, never recorded: destroy must still restore the settings found before.
        { service: "docuware", method: "PUT", route: `${PLATFORM}/UserProvisioning`, skip: 0 },
        { service: "pingone", method: "POST", route: `${PROPAGATION}/stores`, skip: 0 },
        // The rule exists with one of its mappings.
        { service: "pingone", method: "POST", route: `${PROPAGATION}/rules/:ruleId/mappings`, skip: 1 },
    ];
    for (const point of points) {
        const cell = { mode: "first-up" as const, point, outcome: "complete" as const };
        it(describeCell(cell), async () => {
            await runCrashCell(cell);
        });
    }
});
