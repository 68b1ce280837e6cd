import type { Mapping, Population, User } from "../state/resourceSchemas";
import { MappingError } from "./provisioningErrors";

/** The source side of an outbound rule: the PingOne user's JSON, with `population.name` resolved (inferred). */
export function sourceView(user: User, population: Population | undefined): Record<string, unknown> {
    return { ...user, population: { ...user.population, ...(population && { name: population.name }) } };
}

function valueAtPath(source: unknown, path: string): unknown {
    return path.split(".").reduce<unknown>((current, key) => {
        if (typeof current !== "object" || current === null || !Object.hasOwn(current, key)) {
            return undefined;
        }
        return (current as Record<string, unknown>)[key];
    }, source);
}

/** Splits on `+` outside single or double quotes. */
function concatenationTerms(expression: string): string[] {
    const terms: string[] = [];
    let quote: string | undefined;
    let start = 0;
    for (let index = 0; index < expression.length; index++) {
        const char = expression[index];
        if (quote !== undefined) {
            quote = char === quote ? undefined : quote;
        } else if (char === '"' || char === "'") {
            quote = char;
        } else if (char === "+") {
            terms.push(expression.slice(start, index));
            start = index + 1;
        }
    }
    return [...terms, expression.slice(start)];
}

const TERM_PATTERNS: [RegExp, (match: RegExpMatchArray, source: unknown) => unknown][] = [
    [/^(["'])(.*)\1$/s, (match) => match[2]],
    [/^(true|false)$/, (match) => match[1] === "true"],
    [/^#root\.([\w.]+)$/, (match, source) => valueAtPath(source, match[1] ?? "")],
    [/^user\.([\w.]+)$/, (match, source) => valueAtPath(source, match[1] ?? "")],
    [/^\$\{user\.([\w.]+)\}$/, (match, source) => valueAtPath(source, match[1] ?? "")],
];

/**
 * The subset of the PingOne expression language the emulator evaluates: `#root.<path>`, `user.<path>`,
 * `${user.<path>}`, quoted literals, `true` / `false`, and `+` concatenation of those. Anything else is a mapping
 * failure, reported on the user's sync status.
 */
export function evaluateExpression(expression: string, source: unknown): unknown {
    const values = concatenationTerms(expression).map((term) => {
        const trimmed = term.trim();
        for (const [pattern, evaluate] of TERM_PATTERNS) {
            const match = trimmed.match(pattern);
            if (match) {
                return evaluate(match, source);
            }
        }
        throw new MappingError(
            `The expression ${JSON.stringify(expression)} is not supported by the emulator ` +
                "(supported: #root.<path>, user.<path>, ${user.<path>}, quoted literals, true/false, + concatenation).",
        );
    });
    return values.length === 1 ? values[0] : values.map((value) => (value === undefined ? "" : String(value))).join("");
}

/** Flat target attributes (`userName`, `workEmail`...) of one user under a rule's mappings; unset sources are left out. */
export function evaluateMappings(mappings: Mapping[], source: Record<string, unknown>): Map<string, unknown> {
    const attributes = new Map<string, unknown>();
    for (const mapping of mappings) {
        const value =
            mapping.sourceAttribute !== undefined
                ? valueAtPath(source, mapping.sourceAttribute)
                : evaluateExpression(mapping.expression ?? "", source);
        if (value !== undefined && value !== null) {
            attributes.set(mapping.targetAttribute, value);
        }
    }
    return attributes;
}
