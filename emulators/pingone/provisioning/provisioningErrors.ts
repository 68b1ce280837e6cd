/** A rule's attribute mappings could not produce the target attributes for a user. */
export class MappingError extends Error {
    override readonly name = "MappingError";
}

/** The target service (its token endpoint or its SCIM API) refused or failed a request. */
export class TargetError extends Error {
    override readonly name = "TargetError";

    constructor(
        message: string,
        /** HTTP status, when the target answered at all. */
        readonly status?: number,
        /** Which store setting the failure points at, for the connection check (`configuration.SCIM_URL`...). */
        readonly target?: string,
    ) {
        super(message);
    }
}
