import { provisioningEnabled } from "../../../policy/policies";
import {
    PropagationRule,
    PropagationStore,
    UserProvisioning,
    ruleProps,
    storeProps,
    userProvisioningProps,
} from "../../helpers/policyFixtures";
import {
    UNKNOWN_BOOLEAN,
    assertNoResourceViolations,
    assertResourceViolations,
    createResourceValidationArgs,
} from "../../helpers/policyHarness";

const policy = provisioningEnabled;

const settingsArgs = (changes: Record<string, unknown> = {}) =>
    createResourceValidationArgs(
        UserProvisioning,
        { ...userProvisioningProps(), ...changes },
        { name: "acme-docuware-provisioning" },
    );
const storeArgs = (changes: Record<string, unknown> = {}) =>
    createResourceValidationArgs(PropagationStore, { ...storeProps(), ...changes }, { name: "acme-connection" });
const ruleArgs = (changes: Record<string, unknown> = {}) =>
    createResourceValidationArgs(PropagationRule, { ...ruleProps(), ...changes }, { name: "acme-rule" });

describe("#provisioning-enabled", () => {
    it("passes the guide's setup, and the defaults", async () => {
        for (const args of [settingsArgs(), storeArgs(), ruleArgs()]) {
            await assertNoResourceViolations(policy, args);
        }
        for (const args of [
            settingsArgs({ enabled: undefined }),
            storeArgs({ enabled: undefined }),
            ruleArgs({ active: undefined }),
        ]) {
            await assertNoResourceViolations(policy, args);
        }
    });

    it("reports DocuWare User Provisioning switched off", async () => {
        await assertResourceViolations(policy, settingsArgs({ enabled: false }), [
            'UserProvisioning "acme-docuware-provisioning" must be enabled, or DocuWare refuses PingOne\'s SCIM requests; set enabled to true.',
        ]);
    });

    it("reports a disabled connection", async () => {
        await assertResourceViolations(policy, storeArgs({ enabled: false }), [
            'PropagationStore "acme-connection" must be enabled, or PingOne provisions no one to DocuWare; set enabled to true.',
        ]);
    });

    it("reports an inactive rule", async () => {
        await assertResourceViolations(policy, ruleArgs({ active: false }), [
            'PropagationRule "acme-rule" must be active, or PingOne provisions no one to DocuWare; set active to true.',
        ]);
    });

    it("stays silent while a switch is unknown", async () => {
        await assertNoResourceViolations(policy, ruleArgs({ active: UNKNOWN_BOOLEAN }));
    });
});
