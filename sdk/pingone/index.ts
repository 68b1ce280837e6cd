export * from "./resources/propagationPlan";
export * from "./resources/propagationRevision";
export * from "./resources/propagationRule";
export * from "./resources/propagationStore";
export { PingOneClient } from "./api/pingOneClient";
export { PropagationClient } from "./api/propagationClient";
export { PINGONE_REGIONS, type PingOneRegion, regionEndpoints } from "./api/regions";
