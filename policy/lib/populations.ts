import { type Snapshot, isKnown } from "./unknowns";

/** A rule's user filter as its inputs (or outputs) carry it. */
export interface UserFilterProps {
    populationName?: string;
    populationId?: string;
    expression?: string;
}

/** One population a filter selects, by name or by id. */
export interface PopulationRef {
    by: "name" | "id";
    value: string;
}

/** Which users a rule selects, as far as can be told without asking PingOne. */
export type FilterScope =
    /** No filter (or an empty one): every user of the environment. */
    | { kind: "everyone" }
    /** Exactly these populations. */
    | { kind: "populations"; populations: PopulationRef[] }
    /**
     * An expression that limits every alternative to a population but also tests other attributes, or that is not
     * a plain list of populations: `populations` are the ones it names.
     */
    | { kind: "expression"; expression: string; populations: PopulationRef[] }
    /** An expression with an alternative that names no population, e.g. `username pr`: possibly everyone. */
    | { kind: "unrestricted"; expression: string }
    /** Not known during this preview. */
    | { kind: "unknown" };

const POPULATION_TERM = /^population\.(id|name)\s+eq\s+"([^"]*)"$/i;
const POPULATION_CLAUSE = /population\.(id|name)\s+eq\s+"([^"]*)"/gi;

/** Removes parentheses that enclose the whole expression: `((a or b))` → `a or b`. */
function unwrap(expression: string): string {
    let text = expression.trim();
    while (text.startsWith("(") && text.endsWith(")")) {
        let depth = 0;
        let enclosesAll = true;
        for (let i = 0; i < text.length; i++) {
            depth += text[i] === "(" ? 1 : text[i] === ")" ? -1 : 0;
            if (depth === 0 && i < text.length - 1) {
                enclosesAll = false;
                break;
            }
        }
        if (!enclosesAll) {
            break;
        }
        text = text.slice(1, -1).trim();
    }
    return text;
}

/** Splits on ` or ` outside parentheses and quotes. */
function alternatives(expression: string): string[] {
    const parts: string[] = [];
    let depth = 0;
    let inQuotes = false;
    let start = 0;
    for (let i = 0; i < expression.length; i++) {
        const char = expression[i];
        if (char === '"') {
            inQuotes = !inQuotes;
        } else if (!inQuotes && char === "(") {
            depth++;
        } else if (!inQuotes && char === ")") {
            depth--;
        } else if (!inQuotes && depth === 0 && /^\sor\s/i.test(expression.slice(i, i + 4))) {
            parts.push(expression.slice(start, i));
            start = i + 4;
            i += 3;
        }
    }
    parts.push(expression.slice(start));
    return parts.map(unwrap);
}

const refOf = (by: string, value: string): PopulationRef => ({
    by: by.toLowerCase() === "name" ? "name" : "id",
    value,
});

/** What a PingOne `populationExpression` selects. */
export function expressionScope(expression: string): FilterScope {
    const terms = alternatives(unwrap(expression));
    if (terms.every((term) => POPULATION_TERM.test(term))) {
        return {
            kind: "populations",
            populations: terms.map((term) => {
                const [, by = "id", value = ""] = POPULATION_TERM.exec(term) ?? [];
                return refOf(by, value);
            }),
        };
    }
    if (terms.some((term) => !new RegExp(POPULATION_CLAUSE.source, "i").test(term))) {
        return { kind: "unrestricted", expression };
    }
    const populations = [...expression.matchAll(POPULATION_CLAUSE)].map(([, by = "id", value = ""]) =>
        refOf(by, value),
    );
    return { kind: "expression", expression, populations };
}

const nonEmpty = (value: unknown): value is string => typeof value === "string" && value.trim() !== "";

/** What a rule's `userFilter` selects; `UNKNOWN` parts make the scope unknown. */
export function filterScope(filter: Snapshot<UserFilterProps | undefined>): FilterScope {
    if (!isKnown(filter)) {
        return { kind: "unknown" };
    }
    if (filter === undefined || filter === null) {
        return { kind: "everyone" };
    }
    const { populationName, populationId, expression } = filter;
    if (!isKnown(populationName) || !isKnown(populationId) || !isKnown(expression)) {
        return { kind: "unknown" };
    }
    if (nonEmpty(populationName)) {
        return { kind: "populations", populations: [{ by: "name", value: populationName }] };
    }
    if (nonEmpty(populationId)) {
        return { kind: "populations", populations: [{ by: "id", value: populationId }] };
    }
    if (nonEmpty(expression)) {
        return expressionScope(expression);
    }
    return { kind: "everyone" };
}

export function describePopulation(ref: PopulationRef): string {
    return ref.by === "name" ? `population "${ref.value}"` : `population id "${ref.value}"`;
}
