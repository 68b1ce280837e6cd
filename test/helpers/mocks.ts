import * as pulumi from "@pulumi/pulumi";

export interface RegisteredResource {
    type: string;
    name: string;
    inputs: Record<string, unknown>;
    parent?: string;
}

/**
 * Pulumi mocks that record every registration (components and dynamic resources included) and give dynamic
 * resources predictable ids and outputs (`<name>-id`, inputs echoed). Install before importing code under test.
 */
export class RecordingMocks implements pulumi.runtime.Mocks {
    readonly resources: RegisteredResource[] = [];

    newResource(args: pulumi.runtime.MockResourceArgs): { id: string; state: Record<string, unknown> } {
        const { __provider: _provider, ...inputs } = args.inputs as Record<string, unknown>;
        this.resources.push({ type: args.type, name: args.name, inputs });
        return { id: `${args.name}-id`, state: { ...inputs, ...outputsFor(args.type, args.name) } };
    }

    call(args: pulumi.runtime.MockCallArgs): Record<string, unknown> {
        throw new Error(`unexpected call to ${args.token}`);
    }

    reset(): void {
        this.resources.length = 0;
    }

    find(type: string, name: string): RegisteredResource {
        const found = this.resources.find((r) => r.type === type && r.name === name);
        if (!found) {
            throw new Error(
                `no ${type} named ${name}; registered: ${this.resources.map((r) => `${r.type} ${r.name}`).join(", ")}`,
            );
        }
        return found;
    }
}

/** Computed outputs a dynamic resource would report, so dependents see realistic values. */
function outputsFor(type: string, name: string): Record<string, unknown> {
    switch (type) {
        case "pulumi-nodejs:dynamic/docuware:AppRegistration":
            return { clientId: `${name}-id`, clientSecret: `${name}-secret` };
        case "pulumi-nodejs:dynamic/docuware:UserProvisioning":
        case "pulumi-nodejs:dynamic/docuware:ExistingAppRegistration":
            return {
                scimBaseUrl: "https://acme.docuware.cloud/DocuWare/Services/UserProvisioningService/ping/scim",
                tokenUrl: "https://login-emea.docuware.cloud/org-guid/connect/token",
            };
        case "pulumi-nodejs:dynamic/pingone:PropagationStore":
            return { storeId: `${name}-store-id` };
        case "pulumi-nodejs:dynamic/pingone:PropagationRule":
            return { ruleId: `${name}-rule-id` };
        case "pulumi-nodejs:dynamic/pingone:PropagationRevision":
            return { revisionId: `${name}-revision-id` };
        default:
            return {};
    }
}

/** Waits for an Output's value (undefined when unknown). */
export function unwrap<T>(output: pulumi.Output<T>): Promise<T> {
    return new Promise((resolve) => output.apply(resolve));
}
