import type { Operation } from "./scaleRun";

export interface Latency {
    pingone: number;
    docuware: number;
}

/**
 * One resource's part of an operation with the fewest requests (those of `REQUEST_MINIMUMS`): the round trips that
 * must follow each other (requests that may overlap count once), and the resources it waits for.
 */
interface ResourceChain {
    resource: string;
    after: string[];
    /** Sequential round trips per service. */
    pingone: number;
    docuware: number;
    /** Once per stack (the shared plan), not once per component. */
    shared?: boolean;
}

/**
 * The minimum requests of each operation laid out on the component's dependency graph (registration → settings →
 * connection → rule → revision, plan → rule). Tokens, DocuWare discovery and the rule's lookups (directory store,
 * population) depend on nothing, so they are off the chain except where a resource cannot start without them:
 * DocuWare discovery (service info → OpenID configuration → token → organization id) precedes an organization's
 * first call. A rule's six mappings overlap (one round trip), then the rule is activated.
 */
const CHAINS: Record<Exclude<Operation, "preview">, ResourceChain[]> = {
    up: [
        // token → look for a plan to adopt → create
        { resource: "plan", after: [], pingone: 3, docuware: 0, shared: true },
        // discovery (3) + organization id → create
        { resource: "registration", after: [], pingone: 0, docuware: 5 },
        // read the settings found → enable
        { resource: "settings", after: ["registration"], pingone: 0, docuware: 2 },
        { resource: "connection", after: ["settings"], pingone: 1, docuware: 0 },
        // create inactive → mappings (overlapping) → activate
        { resource: "rule", after: ["connection", "plan"], pingone: 3, docuware: 0 },
        { resource: "revision", after: ["rule"], pingone: 1, docuware: 0 },
    ],
    // Refresh reads every resource at once; then the program runs without requests.
    "preview --refresh": [
        { resource: "plan", after: [], pingone: 2, docuware: 0, shared: true },
        // discovery + organization id → registration, and a token with its own secret (overlapping)
        { resource: "registration", after: [], pingone: 0, docuware: 5 },
        { resource: "settings", after: [], pingone: 0, docuware: 5 },
        { resource: "connection", after: [], pingone: 2, docuware: 0 },
        // token → rule and mappings (overlapping) → population name
        { resource: "rule", after: [], pingone: 3, docuware: 0 },
        { resource: "revision", after: [], pingone: 2, docuware: 0 },
    ],
    // Deletes run in reverse dependency order; discovery overlaps with the PingOne deletes.
    destroy: [
        { resource: "revision", after: [], pingone: 0, docuware: 0 },
        { resource: "rule", after: ["revision"], pingone: 2, docuware: 0 },
        { resource: "connection", after: ["rule"], pingone: 1, docuware: 0 },
        { resource: "plan", after: ["rule"], pingone: 2, docuware: 0, shared: true },
        { resource: "settings", after: ["connection"], pingone: 0, docuware: 1 },
        { resource: "registration", after: ["settings"], pingone: 0, docuware: 1 },
    ],
};

/** DocuWare discovery and the organization id, which overlap with whatever comes first on a destroy. */
const DESTROY_DISCOVERY_ROUND_TRIPS = 4;

export interface RequestBound {
    /** Longest chain of round trips that wait on each other, in seconds. */
    chainSeconds: number;
    /** Every resource's round trips divided by the engine's parallelism (resource operations at once), in seconds. */
    parallelSeconds: number;
}

/**
 * What the minimum requests cost at least in wall time under `latency` for `components` components: the longest
 * chain, and all the resources' round trips spread over `parallelism` engine slots (Pulumi runs 8 resource operations
 * at once by default). The larger of the two adds to the engine's floor.
 */
export function requestBound(
    operation: Operation,
    components: number,
    latency: Latency,
    parallelism: number,
): RequestBound {
    if (operation === "preview") {
        return { chainSeconds: 0, parallelSeconds: 0 };
    }
    const chains = CHAINS[operation];
    const ms = (c: ResourceChain) => c.pingone * latency.pingone + c.docuware * latency.docuware;
    const finish = new Map<string, number>();
    const finishOf = (resource: string): number => {
        const known = finish.get(resource);
        if (known !== undefined) {
            return known;
        }
        const chain = chains.find((c) => c.resource === resource)!;
        const start = Math.max(0, ...chain.after.map(finishOf));
        finish.set(resource, start + ms(chain));
        return start + ms(chain);
    };
    let chainMs = Math.max(...chains.map((c) => finishOf(c.resource)));
    if (operation === "destroy") {
        const discovery = DESTROY_DISCOVERY_ROUND_TRIPS * latency.docuware;
        chainMs = Math.max(chainMs, discovery + finishOf("registration") - finishOf("connection"));
    }
    const discoveryMs = operation === "destroy" ? DESTROY_DISCOVERY_ROUND_TRIPS * latency.docuware * components : 0;
    const totalMs = chains.reduce((sum, c) => sum + ms(c) * (c.shared ? 1 : components), discoveryMs);
    return { chainSeconds: chainMs / 1000, parallelSeconds: totalMs / parallelism / 1000 };
}
