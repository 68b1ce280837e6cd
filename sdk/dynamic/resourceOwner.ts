import * as pulumi from "@pulumi/pulumi";

/**
 * The `managedBy` input of a resource: `<project>/<stack>/<resource name>`, known only in the program (a dynamic
 * provider sees neither project nor stack). Never compared by `diff`, so adding it changes nothing on existing stacks.
 */
export function resourceOwner(name: string): string {
    return `${pulumi.getProject()}/${pulumi.getStack()}/${name}`;
}
