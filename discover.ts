import { startTestEmulators } from "./test/helpers/emulators";
import { InProcessDeployment } from "./test/helpers/inProcessDeployment";
import { observedCalls } from "./test/helpers/faultMatrix";
(async () => {
    const emulators = await startTestEmulators();
    emulators.useProviderEnvironment();
    const controls = { pingone: emulators.pingone.control, docuware: emulators.docuware[0]!.control };
    const d = new InProcessDeployment("matrix");
    const run = async (label: string, op: () => Promise<unknown>) => {
        await emulators.pingone.waitForProvisioningIdle();
        await Promise.all(Object.values(controls).map((c) => c.resetRequests()));
        const t = Date.now();
        const r = await op();
        await emulators.pingone.waitForProvisioningIdle();
        console.log(label, Date.now() - t, "ms", JSON.stringify(r ?? ""));
        console.log(JSON.stringify((await observedCalls(controls)).map((c) => `${c.service} ${c.route}`), null, 1));
    };
    await run("up", () => d.up());
    await run("preview --refresh", () => d.previewRefresh());
    await run("destroy", () => d.destroy());
    await run("up", () => d.up());
    await run("stateVersusLive", () => d.stateVersusLive());
    d.program = { mappings: [{ source: "username", target: "userName" }, { source: "email", target: "workEmail" }, { source: "id", target: "externalId" }, { source: "enabled", target: "active" }, { source: "name.formatted", target: "displayName" }, { source: "name.given", target: "givenName" }] };
    await run("up (mappings changed)", () => d.up());
    await emulators.stop();
})().catch((e) => { console.error(e); process.exit(1); });
