import type { DocuWareEmulator } from "../../emulators/docuware";
import { GUIDE_MAPPINGS, REQUIRED_MAPPINGS } from "../../sdk/docuware/api/guideMappings";
import { PropagationClient, ruleUpdateOf } from "../../sdk/pingone/api/propagationClient";
import type { Rule, Store } from "../../sdk/pingone/api/schemas";
import { consoleScimConnection } from "./consoleScimConnection";
import { type AppRegistrationWithSecret, enableProvisioning, tokenEndpoint } from "./docuwareTestClient";
import type { RunningEmulators } from "./emulators";
import { createPopulation, pingOneClient } from "./projects";

/** One connection as an administrator set it up by hand. */
export interface HandMadeConnection {
    store: Store;
    rule: Rule;
    mappingIds: string[];
    registration: AppRegistrationWithSecret;
    organization: DocuWareEmulator;
    populationId: string;
}

export interface HandMadeSetup {
    propagation: PropagationClient;
    /** The guide's setup, with other names (organization 0, population "Docs Team"). */
    guide: HandMadeConnection;
    /** Organization 1, population "Sales", custom and expression mappings. */
    custom: HandMadeConnection;
    /** A SCIM connection to a service that is not DocuWare. */
    other: Store;
}

/** A rule made like the console makes it: inactive, then the mappings, then activated. */
async function handMadeRule(
    propagation: PropagationClient,
    planId: string,
    directoryId: string,
    store: Store,
    name: string,
    populationId: string,
    mappings: { source?: string; expression?: string; target: string }[],
): Promise<{ rule: Rule; mappingIds: string[] }> {
    const write = {
        name,
        plan: { id: planId },
        sourceStore: { id: directoryId },
        targetStore: { id: store.id },
        active: false,
        populationExpression: `population.id eq "${populationId}"`,
    };
    const created = await propagation.createRule(write);
    const mappingIds: string[] = [];
    for (const mapping of mappings) {
        const made = await propagation.createMapping(created.id, {
            sourceAttribute: mapping.source,
            expression: mapping.expression,
            targetAttribute: mapping.target,
        });
        mappingIds.push(made.id);
    }
    const rule = await propagation.updateRule(created.id, write.plan.id, ruleUpdateOf({ ...write, active: true }));
    return { rule, mappingIds };
}

/**
 * Sets up provisioning by hand through the emulated PingOne public API, as an administrator following DocuWare's
 * guide would (with other names than the component's defaults), plus a second DocuWare connection with custom and
 * expression mappings and a connection to a SCIM service that is not DocuWare. Needs two DocuWare organizations.
 */
export async function setUpByHand(emulators: RunningEmulators): Promise<HandMadeSetup> {
    const pingone = emulators.connection().pingone;
    const propagation = new PropagationClient(pingOneClient(pingone), pingone.environmentId);
    const directoryId = (await propagation.listStores()).find((s) => s.type === "directory")!.id;
    const plan = (await propagation.listPlans())[0] ?? (await propagation.createPlan({ name: "Default Plan" }));

    const connect = async (
        organization: DocuWareEmulator,
        connectionName: string,
        ruleName: string,
        populationName: string,
        mappings: { source?: string; expression?: string; target: string }[],
    ): Promise<HandMadeConnection> => {
        const { registration, scimBaseUrl } = await enableProvisioning(organization, "Ping");
        const populationId = await createPopulation(pingone, populationName);
        const store = await propagation.createStore(
            consoleScimConnection(connectionName, {
                scimUrl: scimBaseUrl,
                tokenUrl: tokenEndpoint(organization),
                clientId: registration.ClientId,
                clientSecret: registration.ClientSecret,
            }),
        );
        const made = await handMadeRule(propagation, plan.id, directoryId, store, ruleName, populationId, mappings);
        return { store, ...made, registration, organization, populationId };
    };
    const guide = await connect(emulators.docuware[0]!, "DocuWare Cloud (Contoso)", "Contoso users", "Docs Team", [
        ...GUIDE_MAPPINGS,
    ]);
    const custom = await connect(emulators.docuware[1]!, "Fabrikam DMS", "Sales to DocuWare", "Sales", [
        ...REQUIRED_MAPPINGS,
        { expression: 'user.name.given + " " + user.name.family', target: "displayName" },
        { source: "population.name", target: "title" },
    ]);
    const other = await propagation.createStore({
        name: "HR system",
        type: "scim",
        status: "ACTIVE",
        configuration: {
            SCIM_URL: "https://scim.hr.example.com/v2",
            SCIM_VERSION: "2.0",
            USERS_RESOURCE: "/Users",
            AUTHENTICATION_METHOD: "OAuth 2 Bearer Token",
            AUTHORIZATION_TYPE: "Bearer",
            OAUTH_ACCESS_TOKEN: "hr-token",
            UNIQUE_USER_IDENTIFIER: "userName",
            USER_FILTER: 'userName eq "%s"',
        },
    });
    await propagation.createRevision();
    await emulators.pingone.waitForProvisioningIdle();
    return { propagation, guide, custom, other };
}
