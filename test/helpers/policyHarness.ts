import { strict as assert } from "node:assert";
import * as policySdk from "@pulumi/policy";
import type {
    Policy,
    PolicyResource,
    PolicyResourceOptions,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationArgs,
    StackValidationPolicy,
} from "@pulumi/policy";

/*
 * Runs policies the way the pack's analyzer server does (@pulumi/policy 1.21 server.ts), without the engine:
 * - props go through the SDK's own unknown-checking proxy, so a policy reading a value that is unknown during preview
 *   throws UnknownValueError exactly as under `pulumi preview`; validations see secrets as plain values, remediations
 *   behind the secret-preserving proxy;
 * - `getConfig` returns the schema defaults merged with the test's config, as the engine fills them in;
 * - `notApplicable` throws, and the runners treat that as "policy does not apply".
 */

/** The sentinels the engine sends for values unknown during preview (@pulumi/policy proxy.ts). */
export const UNKNOWN_STRING = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
export const UNKNOWN_BOOLEAN = "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7";
export const UNKNOWN_ARRAY = "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2";
export const UNKNOWN_OBJECT = "dd056dcd-154b-4c76-9bd3-c8f88648b5ff";

// Exported at run time but marked @internal in @pulumi/policy's typings.
const { unknownCheckingProxy, UnknownValueError } = policySdk as unknown as {
    unknownCheckingProxy<T>(value: T): T;
    UnknownValueError: new (...args: never[]) => Error;
};
const { secretsPreservingProxy } = require("@pulumi/policy/secret") as { secretsPreservingProxy<T>(value: T): T };

export const { Secret } = policySdk;

type Props = Record<string, unknown>;
type ResourceClass = { __pulumiType: string };

class NotApplicable extends Error {
    constructor(readonly reason?: string) {
        super(reason ?? "Policy does not apply");
    }
}

const throwNotApplicable = (reason?: string): never => {
    throw new NotApplicable(reason);
};

const isTypeOf = (type: string, resourceClass: unknown) =>
    (resourceClass as Partial<ResourceClass> | undefined)?.__pulumiType === type;

export const urnOf = (type: string, name: string) => `urn:pulumi:test::policy-tests::${type}::${name}`;

/** What a validation sees: secrets unwrapped to plain values (deserializeProperties with keepSecrets=false). */
function unwrapSecrets(value: unknown): unknown {
    if (value instanceof Secret) {
        return unwrapSecrets(value.value);
    }
    if (Array.isArray(value)) {
        return value.map(unwrapSecrets);
    }
    if (value !== null && typeof value === "object") {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unwrapSecrets(v)]));
    }
    return value;
}

const RAW_PROPS = Symbol("raw props");

export interface ResourceArgsOptions {
    /** Logical name; defaults to "test". */
    name?: string;
    /** This policy's config from `--policy-pack-config` (schema defaults are added by the runners). */
    config?: Record<string, unknown>;
    opts?: Partial<PolicyResourceOptions>;
}

type HarnessArgs = ResourceValidationArgs & { [RAW_PROPS]: Props };

/**
 * Validation args for one resource of `resourceClass` with the given props, as the analyzer builds them. Props may
 * hold `Secret` values and the UNKNOWN_* sentinels.
 */
export function createResourceValidationArgs(
    resourceClass: ResourceClass,
    props: Props,
    options: ResourceArgsOptions = {},
): ResourceValidationArgs {
    const type = resourceClass.__pulumiType;
    const name = options.name ?? "test";
    const proxied = unknownCheckingProxy(unwrapSecrets(props) as Props);
    const args: HarnessArgs = {
        type,
        props: proxied,
        urn: urnOf(type, name),
        name,
        opts: {
            protect: false,
            ignoreChanges: [],
            aliases: [],
            customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
            additionalSecretOutputs: [],
            ...options.opts,
        },
        stackTags: new Map(),
        isType: (cls) => isTypeOf(type, cls),
        asType: ((cls: unknown) => (isTypeOf(type, cls) ? proxied : undefined)) as ResourceValidationArgs["asType"],
        getConfig: <T extends object>() => ({ ...options.config }) as T,
        notApplicable: throwNotApplicable,
        [RAW_PROPS]: props,
    };
    return args;
}

/** The config the engine hands the policy: schema defaults, then the configured values. */
function withDefaults<A extends { getConfig<T extends object>(): T }>(policy: Policy, args: A): A {
    const defaults = Object.fromEntries(
        Object.entries(policy.configSchema?.properties ?? {})
            .filter(([, schema]) => schema.default !== undefined)
            .map(([key, schema]) => [key, structuredClone(schema.default)]),
    );
    const configured = args.getConfig<Record<string, unknown>>();
    return { ...args, getConfig: <T extends object>() => ({ ...defaults, ...configured }) as T };
}

export interface ResourceRun {
    violations: string[];
    /** Messages of UnknownValueErrors: the pack would report "can't run policy … during preview". */
    cantRun: string[];
    /** True when every validation called `notApplicable`. */
    notApplicable: boolean;
}

export async function runResourcePolicy(
    policy: ResourceValidationPolicy,
    resourceArgs: ResourceValidationArgs,
): Promise<ResourceRun> {
    const args = withDefaults(policy, resourceArgs);
    const run: ResourceRun = { violations: [], cantRun: [], notApplicable: false };
    const validations = [policy.validateResource ?? []].flat();
    let skipped = 0;
    for (const validation of validations) {
        try {
            await validation(args, (message) => run.violations.push(message));
        } catch (error) {
            if (error instanceof NotApplicable) {
                skipped++;
            } else if (error instanceof UnknownValueError) {
                run.cantRun.push(error.message);
            } else {
                throw error;
            }
        }
    }
    run.notApplicable = validations.length > 0 && skipped === validations.length;
    return run;
}

const describeRun = (run: { violations: unknown[]; cantRun?: string[] }) =>
    `violations: ${JSON.stringify(run.violations, null, 2)}${run.cantRun?.length ? `\ncan't run: ${run.cantRun.join("; ")}` : ""}`;

/** Fails unless the policy reports exactly `message` (among possibly others). */
export async function assertHasResourceViolation(
    policy: ResourceValidationPolicy,
    args: ResourceValidationArgs,
    message: string,
): Promise<void> {
    const run = await runResourcePolicy(policy, args);
    assert.ok(run.violations.includes(message), `expected violation:\n  ${message}\n${describeRun(run)}`);
}

/** Fails unless the policy reports exactly these messages, in this order. */
export async function assertResourceViolations(
    policy: ResourceValidationPolicy,
    args: ResourceValidationArgs,
    messages: string[],
): Promise<void> {
    const run = await runResourcePolicy(policy, args);
    assert.deepEqual(run.violations, messages, describeRun(run));
    assert.deepEqual(run.cantRun, []);
}

/** Fails if the policy reports anything, or could not run on an unknown value. */
export async function assertNoResourceViolations(
    policy: ResourceValidationPolicy,
    args: ResourceValidationArgs,
): Promise<void> {
    const run = await runResourcePolicy(policy, args);
    assert.deepEqual({ violations: run.violations, cantRun: run.cantRun }, { violations: [], cantRun: [] });
}

/** A deep, proxy-free copy that keeps `Secret` wrappers (what the remediation returns to the engine). */
function materialize(value: unknown): unknown {
    if (value instanceof Secret) {
        return new Secret(materialize(value.value));
    }
    if (Array.isArray(value)) {
        return Array.from({ length: value.length }, (_, i) => materialize(value[i]));
    }
    if (value !== null && typeof value === "object") {
        const target = (value as Record<string, unknown>)["__getSpecialProxyTarget"];
        if (target !== undefined && target !== value) {
            return materialize(target);
        }
        return Object.fromEntries(Object.keys(value).map((k) => [k, materialize((value as Props)[k])]));
    }
    return value;
}

export interface RemediationRun {
    /** The props the remediation returned (Secret-wrapped where it made values secret), or undefined. */
    props: Props | undefined;
    /** Set when the remediation hit a value unknown during preview. */
    cantRun?: string;
}

/** Runs `remediateResource` on args made by `createResourceValidationArgs`, as the analyzer's Remediate call does. */
export async function runResourceRemediation(
    policy: ResourceValidationPolicy,
    resourceArgs: ResourceValidationArgs,
): Promise<RemediationRun> {
    assert.ok(policy.remediateResource, `${policy.name} has no remediation`);
    const raw = (resourceArgs as HarnessArgs)[RAW_PROPS];
    const props = unknownCheckingProxy(secretsPreservingProxy(materialize(raw) as Props));
    const args = withDefaults(policy, { ...resourceArgs, props });
    try {
        const result = await policy.remediateResource(args);
        return { props: result ? (materialize(result) as Props) : undefined };
    } catch (error) {
        if (error instanceof NotApplicable) {
            return { props: undefined };
        }
        if (error instanceof UnknownValueError) {
            return { props: undefined, cantRun: error.message };
        }
        throw error;
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Stack policies

export interface StackResourceSpec {
    resourceClass: ResourceClass;
    name: string;
    /** Outputs, as stack policies see them (UNKNOWN_* sentinels during preview). */
    props: Props;
    /** Property → names of the resources (in this list) that the property's value came from. */
    propertyDependencies?: Record<string, string[]>;
}

export function createStackValidationArgs(
    specs: StackResourceSpec[],
    options: { config?: Record<string, unknown> } = {},
): StackValidationArgs {
    const resources: PolicyResource[] = specs.map((spec) => {
        const type = spec.resourceClass.__pulumiType;
        const props = unknownCheckingProxy(unwrapSecrets(spec.props) as Props);
        return {
            type,
            props,
            urn: urnOf(type, spec.name),
            name: spec.name,
            opts: {
                protect: false,
                ignoreChanges: [],
                aliases: [],
                customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
                additionalSecretOutputs: [],
            },
            dependencies: [],
            propertyDependencies: {},
            isType: (cls: unknown) => isTypeOf(type, cls),
            asType: ((cls: unknown) => (isTypeOf(type, cls) ? props : undefined)) as PolicyResource["asType"],
        };
    });
    const byName = new Map(resources.map((resource) => [resource.name, resource]));
    specs.forEach((spec, index) => {
        const resource = resources[index]!;
        for (const [property, names] of Object.entries(spec.propertyDependencies ?? {})) {
            resource.propertyDependencies[property] = names.map((name) => {
                const dependency = byName.get(name);
                assert.ok(dependency, `no resource named ${name} in the stack`);
                return dependency;
            });
            resource.dependencies.push(...resource.propertyDependencies[property]!);
        }
    });
    return {
        resources,
        stackTags: new Map(),
        getConfig: <T extends object>() => ({ ...options.config }) as T,
        notApplicable: throwNotApplicable,
    };
}

export interface StackRun {
    violations: { message: string; urn?: string }[];
    cantRun: string[];
    notApplicable?: string;
}

export async function runStackPolicy(policy: StackValidationPolicy, stackArgs: StackValidationArgs): Promise<StackRun> {
    const args = withDefaults(policy, stackArgs);
    const run: StackRun = { violations: [], cantRun: [] };
    try {
        await policy.validateStack(args, (message, urn) => run.violations.push({ message, urn }));
    } catch (error) {
        if (error instanceof NotApplicable) {
            run.notApplicable = error.reason ?? error.message;
        } else if (error instanceof UnknownValueError) {
            run.cantRun.push(error.message);
        } else {
            throw error;
        }
    }
    return run;
}

/** Fails unless the policy reports exactly `message`, attributed to the resource named `on` when given. */
export async function assertHasStackViolation(
    policy: StackValidationPolicy,
    args: StackValidationArgs,
    message: string,
    on?: { resourceClass: ResourceClass; name: string },
): Promise<void> {
    const run = await runStackPolicy(policy, args);
    const match = run.violations.find((violation) => violation.message === message);
    assert.ok(match, `expected violation:\n  ${message}\n${describeRun(run)}`);
    if (on) {
        assert.equal(match.urn, urnOf(on.resourceClass.__pulumiType, on.name));
    }
}

export async function assertNoStackViolations(policy: StackValidationPolicy, args: StackValidationArgs): Promise<void> {
    const run = await runStackPolicy(policy, args);
    assert.deepEqual({ violations: run.violations, cantRun: run.cantRun }, { violations: [], cantRun: [] });
}
