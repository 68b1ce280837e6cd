import { type Filter, Tester } from "scim2-parse-filter";

type CompValue = boolean | null | number | string;

/**
 * scim2-parse-filter's evaluator with PingOne's string comparison: case-insensitive, the SCIM default for attributes
 * that are not `caseExact` (inferred for PingOne; its emulator compares the same way).
 */
class CaseInsensitiveTester extends Tester {
    override eq(actual: unknown, expected: CompValue): boolean {
        return typeof actual === "string" && typeof expected === "string"
            ? actual.toLowerCase() === expected.toLowerCase()
            : super.eq(actual, expected);
    }

    override sw(actual: unknown, expected: CompValue): boolean {
        return super.sw(lower(actual), lower(expected));
    }

    override ew(actual: unknown, expected: CompValue): boolean {
        return super.ew(lower(actual), lower(expected));
    }

    override co(actual: unknown, expected: CompValue): boolean {
        return super.co(lower(actual), lower(expected));
    }
}

const lower = <T>(value: T): T => (typeof value === "string" ? (value.toLowerCase() as T) : value);

/** A predicate for a parsed population expression, evaluated here instead of by PingOne. */
export function userMatcher(filter: Filter): (user: Record<string, unknown>) => boolean {
    const tester = new CaseInsensitiveTester();
    return (user) => tester.test(user, filter);
}
