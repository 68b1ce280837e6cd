import { UnownedObjectError } from "../core/errors";

/**
 * Who made an object: `managed-by: pulumi <project>/<stack>/<resource name>`, written into a free-text field of
 * the object in the create request itself, so that a create whose answer was lost (a killed `pulumi up`) can be
 * recognised and finished by the next `up`. See docs/state-safety.md for the field per object.
 */
const MARKER = /^managed-by: pulumi (\S+)[ \t]*$/m;
const MARKER_LINES = /^managed-by: pulumi \S+[ \t]*$\n?/gm;

export function ownerMarker(owner: string): string {
    return `managed-by: pulumi ${owner}`;
}

/** The free text with the marker as its last line; user text before it is kept as it is. */
export function withMarker(text: string | undefined, owner: string | undefined): string | undefined {
    const userText = withoutMarker(text);
    if (owner === undefined) {
        return userText;
    }
    return userText === undefined ? ownerMarker(owner) : `${userText}\n${ownerMarker(owner)}`;
}

/** The owner named by the marker anywhere in the text (a console edit may have added lines after it). */
export function markedOwner(text: string | undefined): string | undefined {
    return text === undefined ? undefined : MARKER.exec(text)?.[1];
}

/** The user's part of the text: every marker line removed; undefined when nothing else is left. */
export function withoutMarker(text: string | undefined): string | undefined {
    const rest = text?.replace(MARKER_LINES, "").replace(/\n+$/, "");
    return rest || undefined;
}

/** The stack part of an owner (`<project>/<stack>/`), to find every object of one stack. */
export function stackPrefix(project: string, stack: string): string {
    return `${project}/${stack}/`;
}

/**
 * Decides what create does with an object that already holds the natural key: take it when it carries this
 * resource's own marker (an interrupted create of this very resource) or when `adopt` is set; refuse otherwise.
 * Returns true when the object is this resource's orphan (as opposed to a deliberate adoption).
 */
export function claimExisting(
    object: string,
    liveOwner: string | undefined,
    inputs: { adopt: boolean; managedBy?: string },
): boolean {
    const ours = inputs.managedBy !== undefined && liveOwner === inputs.managedBy;
    if (!ours && !inputs.adopt) {
        throw new UnownedObjectError(object, liveOwner, inputs.managedBy);
    }
    return ours;
}
