export * from "./docuWarePingOneProvisioning";
export * from "./provisioningArgs";
