import * as pulumi from "@pulumi/pulumi";
import { NoOpResource } from "./noOpResource";

/** Dynamic resources per component (with a shared plan): registration, settings, connection, rule, revision. */
export const RESOURCES_PER_COMPONENT = 5;

/**
 * The shape of one `DocuWarePingOneProvisioning` (with `planId`), made of no-op resources: a component with five
 * children chained the way the real ones depend on each other.
 */
class NoOpProvisioning extends pulumi.ComponentResource {
    constructor(name: string, planId: pulumi.Input<string>, opts?: pulumi.ComponentResourceOptions) {
        super("bench:index:NoOpProvisioning", name, {}, opts);
        const parent = { parent: this };
        const registration = new NoOpResource(`${name}-registration`, {}, parent);
        const settings = new NoOpResource(`${name}-docuware-provisioning`, { after: registration.id }, parent);
        const connection = new NoOpResource(`${name}-connection`, { after: settings.id }, parent);
        const rule = new NoOpResource(`${name}-rule`, { after: connection.id, value: planId }, parent);
        new NoOpResource(`${name}-revision`, { after: rule.id }, parent);
        this.registerOutputs({});
    }
}

/**
 * The engine's floor for `count` components: the same resources (1 shared plan, then per component 1 component
 * and 5 dynamic resources) and the same dependency graph, with providers that do nothing.
 */
export function floorProgram(count: number): () => Promise<void> {
    return async () => {
        const plan = new NoOpResource("shared-plan");
        for (let i = 1; i <= count; i++) {
            new NoOpProvisioning(`org-${i}`, plan.id);
        }
    };
}
