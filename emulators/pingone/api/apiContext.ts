import type { AccessTokenClaims } from "../auth/tokenIssuer";
import type { ProvisioningEngine } from "../provisioning/provisioningEngine";
import type { ScimTargetClient } from "../provisioning/scimTargetClient";
import type { EmulatorState } from "../state/emulatorState";

/** What the API routes share. */
export interface ApiContext {
    state: EmulatorState;
    engine: ProvisioningEngine;
    targetClient: ScimTargetClient;
}

declare module "fastify" {
    interface FastifyRequest {
        /** Claims of the bearer token, set by the API listener's authentication hook. */
        accessTokenClaims?: AccessTokenClaims;
    }
}

/** Path prefix of everything under one environment. */
export const ENVIRONMENT_PATH = "/v1/environments/:envId";
export const PROPAGATION_PATH = `${ENVIRONMENT_PATH}/propagation`;

export interface EnvironmentParams {
    envId: string;
}
