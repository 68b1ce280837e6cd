import type { ResourceDefinition } from "./definition";

/** Every resource kind this package manages. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const definitions: ResourceDefinition<any, any>[] = [];
