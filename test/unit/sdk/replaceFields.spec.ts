import { strict as assert } from "node:assert";
import { changedFields } from "../../../sdk/dynamic/resourceDefinition";
import { definitions } from "../../../sdk/runtime/registry";

/** Data safety: only what the APIs cannot update in place replaces an object; everything else is an in-place update. */
const EXPECTED_REPLACE_FIELDS: Record<string, string[]> = {
    "docuware:AppRegistration": ["organizationUrl"],
    "docuware:UserProvisioning": ["organizationUrl"],
    "docuware:ExistingAppRegistration": [],
    "pingone:PropagationPlan": ["environmentId", "region"],
    "pingone:PropagationStore": ["environmentId", "region"],
    "pingone:PropagationRule": ["environmentId", "region", "planId", "sourceStoreId", "targetStoreId"],
    "pingone:PropagationRevision": [],
};

describe("replace only what cannot change in place", () => {
    for (const definition of definitions) {
        it(`${definition.kind} replaces on ${EXPECTED_REPLACE_FIELDS[definition.kind]!.join(", ") || "nothing"}`, () => {
            assert.deepEqual([...(definition.replaceFields ?? [])], EXPECTED_REPLACE_FIELDS[definition.kind]);
            for (const field of definition.managedFields) {
                const [before, after] =
                    field === "mappings"
                        ? [[{ source: "username", target: "userName" }], [{ source: "email", target: "userName" }]]
                        : field === "groupIds"
                          ? [["group-a"], ["group-b"]]
                          : ["old value", "new value"];
                const changed = changedFields(definition, { [field]: before }, { [field]: after });
                assert.deepEqual(changed, [field], `${field} is compared`);
            }
        });
    }

    it("never replaces the registration, the connection or the rule for a mutable field", () => {
        const mutable = (kind: string) => {
            const definition = definitions.find((d) => d.kind === kind)!;
            return definition.managedFields.filter((f) => !(definition.replaceFields ?? []).includes(f));
        };
        assert.deepEqual(mutable("docuware:AppRegistration"), [
            "name",
            "allowedResources",
            "accessTokenLifetimeSeconds",
            "secretVersion",
        ]);
        assert.ok(mutable("pingone:PropagationStore").includes("removeAction"));
        assert.ok(mutable("pingone:PropagationStore").includes("scimUrl"));
        assert.deepEqual(mutable("pingone:PropagationRule"), [
            "name",
            "description",
            "userFilter",
            "mappings",
            "groupIds",
            "active",
        ]);
    });
});
