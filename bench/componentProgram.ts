import { DocuWarePingOneProvisioning } from "../components/docuWarePingOneProvisioning";
import { PropagationPlan } from "../sdk/pingone/resources/propagationPlan";

/**
 * One `DocuWarePingOneProvisioning` per DocuWare organization, all fed from one PingOne environment and sharing one
 * propagation plan (as a stack with several organizations would).
 */
export function componentProgram(organizationUrls: readonly string[]): () => Promise<void> {
    return async () => {
        const plan = new PropagationPlan("shared-plan");
        organizationUrls.forEach((organizationUrl, i) => {
            new DocuWarePingOneProvisioning(`org-${i + 1}`, { organizationUrl, planId: plan.id });
        });
    };
}
