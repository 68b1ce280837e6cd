import { FilterSyntaxError, matchesFilter, parseFilterExpression } from "./filterExpression";
import { PingOneError } from "./pingOneError";

/** Applies a list endpoint's `filter=`; a malformed one is 400 with an `INVALID_FILTER` detail. */
export function applyListFilter<T>(items: T[], filter: string | undefined): T[] {
    if (filter === undefined) {
        return items;
    }
    try {
        const expression = parseFilterExpression(filter);
        return items.filter((item) => matchesFilter(expression, item));
    } catch (error) {
        if (!(error instanceof FilterSyntaxError)) {
            throw error;
        }
        throw PingOneError.invalidRequest("The request could not be completed. The filter is invalid.", [
            { code: "INVALID_FILTER", target: "filter", message: error.message },
        ]);
    }
}
