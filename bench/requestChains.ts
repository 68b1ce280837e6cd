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
 * first call at create; later operations start at the token, whose endpoint is in state. A rule's six mappings
 * overlap (one round trip), then the rule is activated.
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
        // token (at the endpoint in state) → organization id → registration, and a token with its own secret
        { resource: "registration", after: [], pingone: 0, docuware: 3 },
        { resource: "settings", after: [], pingone: 0, docuware: 3 },
        { resource: "connection", after: [], pingone: 2, docuware: 0 },
        // token → rule and mappings (overlapping) → population name
        { resource: "rule", after: [], pingone: 3, docuware: 0 },
        { resource: "revision", after: [], pingone: 2, docuware: 0 },
    ],
    // Deletes run in reverse dependency order; the sign-in overlaps with the PingOne deletes. The engine deletes in
    // waves by depth, so the plan goes in the last wave, after the registrations, with the components (engine event
    // traces: revision → rule → connection → settings → registration, then plan and component).
    destroy: [
        { resource: "revision", after: [], pingone: 0, docuware: 0 },
        { resource: "rule", after: ["revision"], pingone: 2, docuware: 0 },
        { resource: "connection", after: ["rule"], pingone: 1, docuware: 0 },
        { resource: "plan", after: ["registration"], pingone: 2, docuware: 0, shared: true },
        { resource: "settings", after: ["connection"], pingone: 0, docuware: 1 },
        { resource: "registration", after: ["settings"], pingone: 0, docuware: 1 },
    ],
};

/** DocuWare's token (at the endpoint in state) and organization id, which overlap with the PingOne deletes. */
const DESTROY_SIGN_IN_ROUND_TRIPS = 2;

export interface RequestBound {
    /** Longest chain of round trips that wait on each other, in seconds. */
    chainSeconds: number;
    /**
     * Every resource's round trips spread over the engine's parallel slots (resource operations at once), on
     * `destroy` wave by wave; in seconds.
     */
    parallelSeconds: number;
}

/**
 * What the minimum requests cost at least in wall time under `latency` for `components` components: the longest
 * chain, and all the resources' round trips spread over `parallelism` engine slots (Pulumi runs 8 resource operations
 * at once by default; a destroy's waves by depth follow each other). The larger of the two adds to the engine's floor.
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
        // Signing in starts with the destroy; what follows the connection's delete waits for it too.
        const signIn = DESTROY_SIGN_IN_ROUND_TRIPS * latency.docuware;
        chainMs = Math.max(chainMs, signIn + chainMs - finishOf("connection"));
    }
    const copies = (c: ResourceChain) => Array<number>(c.shared ? 1 : components).fill(ms(c));
    if (operation === "destroy") {
        // The engine deletes in waves by depth, each wave `parallelism` at a time and finished before the next starts
        // (engine event traces: 10 rules go 8, then 2, and the connections start after the last rule). The sign-in
        // runs inside the rules' deletes, taking no engine slot.
        const depthOf = (c: ResourceChain): number =>
            Math.max(-1, ...c.after.map((r) => depthOf(chains.find((d) => d.resource === r)!))) + 1;
        const waves = new Map<number, number[]>();
        for (const c of chains) {
            const depth = depthOf(c);
            waves.set(depth, [...(waves.get(depth) ?? []), ...copies(c)]);
        }
        const wavesMs = [...waves.values()].reduce((sum, jobs) => sum + makespan(jobs, parallelism), 0);
        return { chainSeconds: chainMs / 1000, parallelSeconds: wavesMs / 1000 };
    }
    const totalMs = chains.reduce((sum, c) => sum + ms(c) * copies(c).length, 0);
    return { chainSeconds: chainMs / 1000, parallelSeconds: totalMs / parallelism / 1000 };
}

/** The time `jobs` take on `slots` parallel slots, longest first, each to the least busy slot. */
function makespan(jobs: number[], slots: number): number {
    const load = Array<number>(Math.max(1, Math.min(slots, jobs.length))).fill(0);
    for (const job of [...jobs].sort((a, b) => b - a)) {
        load[load.indexOf(Math.min(...load))]! += job;
    }
    return Math.max(...load);
}
