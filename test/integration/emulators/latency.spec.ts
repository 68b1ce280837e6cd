import { strict as assert } from "node:assert";
import axios from "axios";
import { type RunningEmulators, startTestEmulators } from "../../helpers/emulators";

describe("Emulated round-trip latency", () => {
    let emulators: RunningEmulators;

    before(async () => {
        emulators = await startTestEmulators({ latencyMs: { pingone: 120, docuware: 200 } });
    });
    after(async () => emulators?.stop());

    const elapsed = async (url: string) => {
        const started = performance.now();
        const response = await axios.get(url, { validateStatus: () => true });
        return { ms: performance.now() - started, status: response.status };
    };

    it("delays every answer of each service by its own latency, rejections included", async () => {
        const pingone = await elapsed(`${emulators.pingone.apiUrl}/environments/${emulators.pingone.environmentId}`);
        assert.equal(pingone.status, 401, "unauthenticated, still delayed");
        assert.ok(pingone.ms >= 120, `PingOne answered after ${pingone.ms} ms`);
        const docuware = await elapsed(`${emulators.docuware[0]!.baseUrl}/DocuWare/Platform/Home/IdentityServiceInfo`);
        assert.equal(docuware.status, 200);
        assert.ok(docuware.ms >= 200, `DocuWare answered after ${docuware.ms} ms`);
    });

    it("counts the delayed requests like any other", async () => {
        const summary = await emulators.docuware[0]!.control.requests();
        assert.ok(summary.byRoute["GET /DocuWare/Platform/Home/IdentityServiceInfo"]! >= 1);
    });
});
