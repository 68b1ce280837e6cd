export * as docuware from "./docuware";
export * as pingone from "./pingone";
export * from "./core/errors";
