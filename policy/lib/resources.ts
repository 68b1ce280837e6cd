/** `pulumi-nodejs:dynamic/pingone:PropagationRule` → `PropagationRule`; `pkg:index:Type` → `Type`. */
export function typeName(type: string): string {
    return type.split(":").pop() ?? type;
}

/** How a message names a resource: its type and logical name, e.g. `PropagationRule "acme-rule"`. */
export function label(resource: { type: string; name: string }): string {
    return `${typeName(resource.type)} "${resource.name}"`;
}

/** `a`, `a and b`, `a, b and c`. */
export function listing(items: readonly string[]): string {
    if (items.length <= 1) {
        return items.join("");
    }
    return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

export const quoted = (value: string): string => JSON.stringify(value);
