import { InvalidArgumentError } from "commander";

/** Commander parser of a count option (`--retries`, `--max-provision`): a whole number, 0 or more. */
export function wholeNumber(value: string): number {
    const number = Number(value);
    if (value.trim() === "" || !Number.isInteger(number) || number < 0) {
        throw new InvalidArgumentError("must be a whole number, 0 or more.");
    }
    return number;
}
