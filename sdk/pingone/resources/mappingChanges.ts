import { type AttributeMapping, sameMappings } from "./propagationRuleInputs";
import type { Mapping } from "../api/schemas";

/** How to turn a rule's live mappings into the desired ones; the target attribute is each mapping's key. */
export interface MappingChanges {
    /** Live mappings that stay as they are. */
    keep: Mapping[];
    /** Desired mappings with no live mapping for their target. */
    create: AttributeMapping[];
    /** Live mappings whose source or expression changes. */
    update: { id: string; mapping: AttributeMapping }[];
    /** Live mappings whose target is no longer desired. Run last: see `syncMappings`. */
    remove: Mapping[];
}

export const fromMapping = (m: Mapping): AttributeMapping =>
    m.expression
        ? { expression: m.expression, target: m.targetAttribute }
        : { source: m.sourceAttribute, target: m.targetAttribute };

export function mappingChanges(desired: readonly AttributeMapping[], live: readonly Mapping[]): MappingChanges {
    const wanted = new Map(desired.map((m) => [m.target, m]));
    const changes: MappingChanges = { keep: [], create: [], update: [], remove: [] };
    for (const mapping of live) {
        const target = wanted.get(mapping.targetAttribute);
        if (!target) {
            changes.remove.push(mapping);
        } else if (sameMappings([fromMapping(mapping)], [target])) {
            changes.keep.push(mapping);
        } else {
            changes.update.push({ id: mapping.id, mapping: target });
        }
        wanted.delete(mapping.targetAttribute);
    }
    changes.create.push(...wanted.values());
    return changes;
}
