import { AsyncLocalStorage } from "node:async_hooks";
import { retryMessage } from "../core/retryMessage";
import { observeRetries } from "../core/retryObserver";

/** The resource whose operation is running in this async context, as the log names it. */
const currentResource = new AsyncLocalStorage<string>();
let connected = false;

/**
 * Runs one provider operation so that every wait of its requests (retry, rate limit) is logged with the resource it
 * serves: one line per wait on the provider process's stderr, which the engine shows in the `pulumi up` output
 * (`pulumi.log` is not connected inside a dynamic provider: pulumi/pulumi#6065; stderr is, since v3.146).
 */
export function withRetryLog<T>(resource: string, operation: () => Promise<T>): Promise<T> {
    if (!connected) {
        connected = true;
        observeRetries((event) => {
            const label = currentResource.getStore();
            if (label !== undefined) {
                process.stderr.write(`${label}: ${retryMessage(event)}\n`);
            }
        });
    }
    return currentResource.run(resource, operation);
}

/** `<kind> "<name>"`, or the id when the object has no name, e.g. `pingone:PropagationRule "PingOne to DocuWare (acme)"`. */
export function resourceLabel(kind: string, properties: Record<string, unknown>, id?: string): string {
    const name = typeof properties.name === "string" ? properties.name : id;
    return name === undefined ? kind : `${kind} "${name}"`;
}
