import type { z } from "zod";
import { isPlainObject } from "../isPlainObject";
import { type ErrorDetail, PingOneError } from "./pingOneError";

type Issue = z.core.$ZodIssue;
type PathKey = PropertyKey;

function valueAt(input: unknown, path: readonly PathKey[]): unknown {
    let current = input;
    for (const key of path) {
        if (typeof current !== "object" || current === null) {
            return undefined;
        }
        current = (current as Record<PathKey, unknown>)[key];
    }
    return current;
}

/** `configuration.REMOVE_ACTION`, `groups[0].id`: the `details[].target` notation. */
export function targetOf(path: readonly PathKey[]): string {
    return path.reduce<string>((target, key) => {
        if (typeof key === "number") {
            return `${target}[${key}]`;
        }
        return target === "" ? String(key) : `${target}.${String(key)}`;
    }, "");
}

function issueToDetails(issue: Issue, input: unknown): ErrorDetail[] {
    const target = targetOf(issue.path);
    const value = valueAt(input, issue.path);
    switch (issue.code) {
        case "unrecognized_keys":
            return issue.keys.map((key) => {
                const keyTarget = targetOf([...issue.path, key]);
                return {
                    code: "INVALID_VALUE",
                    target: keyTarget,
                    message: `${keyTarget} is not a recognized attribute.`,
                };
            });
        case "invalid_type":
            return value === undefined
                ? [{ code: "REQUIRED_VALUE", target, message: `${target} is required.` }]
                : [{ code: "INVALID_VALUE", target, message: `${target} must be a JSON ${issue.expected}.` }];
        case "invalid_value":
            return [
                {
                    code: "INVALID_VALUE",
                    target,
                    message: `${target} must be one of: ${issue.values.map(String).join(", ")}.`,
                    innerError: { allowedValues: issue.values },
                },
            ];
        case "too_small":
            return value === ""
                ? [{ code: "EMPTY_VALUE", target, message: `${target} must not be empty.` }]
                : [{ code: "OUT_OF_RANGE", target, message: `${target}: ${issue.message}` }];
        case "custom": {
            const code = typeof issue.params?.["code"] === "string" ? issue.params["code"] : "INVALID_VALUE";
            return [{ code, target, message: issue.message }];
        }
        default:
            return [{ code: "INVALID_VALUE", target, message: `${target}: ${issue.message}` }];
    }
}

/** Maps zod issues to PingOne `details[]` entries (`target` = dotted path of the offending attribute). */
export function issuesToDetails(issues: readonly Issue[], input: unknown): ErrorDetail[] {
    return issues.flatMap((issue) => issueToDetails(issue, input));
}

/** Parses a JSON request body; a body that is not a JSON object is `INVALID_REQUEST`, a bad one `INVALID_DATA`. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
    if (!isPlainObject(body)) {
        throw PingOneError.invalidRequest(
            "The request could not be completed. The request body must be a JSON object.",
        );
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
        throw PingOneError.invalidData(issuesToDetails(parsed.error.issues, body));
    }
    return parsed.data;
}

/** Parses query parameters; failures are `INVALID_REQUEST` with `INVALID_PARAMETER` details. */
export function parseQuery<S extends z.ZodType>(schema: S, query: unknown): z.output<S> {
    const parsed = schema.safeParse(query);
    if (!parsed.success) {
        const details = issuesToDetails(parsed.error.issues, query).map((detail) => ({
            ...detail,
            code: "INVALID_PARAMETER",
        }));
        throw PingOneError.invalidRequest(
            "The request could not be completed. One or more query parameters were invalid.",
            details,
        );
    }
    return parsed.data;
}
