export * from "./propagationPlan";
export * from "./propagationRevision";
export * from "./propagationRule";
export * from "./propagationStore";
export { PingOneClient } from "./client";
export { PropagationClient } from "./propagationClient";
export { PINGONE_REGIONS, type PingOneRegion, regionEndpoints } from "./regions";
