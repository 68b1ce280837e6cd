import { strict as assert } from "node:assert";
import * as grpc from "@grpc/grpc-js";
import * as engineRpc from "@pulumi/pulumi/proto/engine_grpc_pb";
import * as engineProto from "@pulumi/pulumi/proto/engine_pb";
import { useOwnSubchannelPools } from "../helpers/useOwnSubchannelPools";

/** An engine-like gRPC server on `port` (0: any free one), answering GetRootResource. */
function serveEngine(port: number): Promise<{ server: grpc.Server; port: number }> {
    const server = new grpc.Server();
    server.addService(engineRpc.EngineService, {
        getRootResource: (_call: unknown, callback: grpc.sendUnaryData<engineProto.GetRootResourceResponse>) =>
            callback(null, new engineProto.GetRootResourceResponse()),
    });
    return new Promise((resolve, reject) =>
        server.bindAsync(`127.0.0.1:${port}`, grpc.ServerCredentials.createInsecure(), (error, bound) =>
            error ? reject(error) : resolve({ server, port: bound }),
        ),
    );
}

/** A client made the way @pulumi/pulumi's runtime makes its engine and monitor clients. */
function engineClient(port: number): engineRpc.EngineClient {
    const { grpcClientOptions } = require("@pulumi/pulumi/runtime/settings") as {
        grpcClientOptions: grpc.ClientOptions;
    };
    return new engineRpc.EngineClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure(), grpcClientOptions);
}

function call(client: engineRpc.EngineClient): Promise<string> {
    return new Promise((resolve) =>
        client.getRootResource(new engineProto.GetRootResourceRequest(), (error) => resolve(error?.message ?? "ok")),
    );
}

describe("inline programs and an engine port used before (useOwnSubchannelPools)", () => {
    it("reach a new engine on the port of one that has gone", async () => {
        useOwnSubchannelPools();
        const first = await serveEngine(0);
        // The client of an earlier run, still open (the runtime keeps its clients until the process ends).
        const earlier = engineClient(first.port);
        assert.equal(await call(earlier), "ok");
        first.server.forceShutdown();
        assert.match(await call(earlier), /UNAVAILABLE/);
        const second = await serveEngine(first.port);
        const later = engineClient(first.port);
        try {
            assert.equal(await call(later), "ok");
        } finally {
            earlier.close();
            later.close();
            second.server.forceShutdown();
        }
    });
});
