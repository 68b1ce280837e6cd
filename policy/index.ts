import { PolicyPack } from "@pulumi/policy";
import { policies } from "./policies";

/**
 * Policies for PingOne → DocuWare user provisioning. Run it with `pulumi preview --policy-pack policy/`; every
 * policy's level and settings can be changed with `--policy-pack-config` (see docs/policies.md).
 */
new PolicyPack("docuware-pingone", {
    description: "Keeps PingOne → DocuWare user provisioning from breaking DocuWare logins or losing users.",
    enforcementLevel: "advisory",
    policies,
});
