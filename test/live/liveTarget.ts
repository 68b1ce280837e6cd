import { type Emulators, startEmulators } from "../../emulators";
import { httpSettings } from "../../sdk/config/httpSettings";
import { discoverIdentityService } from "../../sdk/docuware/api/discovery";
import { scimBaseUrl } from "../../sdk/docuware/api/identityProvider";
import { DocuWareScimClient } from "../../sdk/docuware/api/docuWareScimClient";
import { PingOneClient } from "../../sdk/pingone/api/pingOneClient";
import { enableProvisioning } from "../helpers/docuwareTestClient";

/** The variables a maintainer sets for a run against real services (docs/live-testing.md). */
const DOCUWARE_VARIABLES = ["DOCUWARE_ORGANIZATION_URL", "DOCUWARE_SCIM_CLIENT_ID", "DOCUWARE_SCIM_CLIENT_SECRET"];
const PINGONE_VARIABLES = ["PINGONE_CLIENT_ID", "PINGONE_CLIENT_SECRET", "PINGONE_ENVIRONMENT_ID"];
/** Every variable the package's providers read for PingOne, passed on to the engine when set. */
/** Set from the emulators when none of the variables is (they were all unset, so `close` unsets them again). */
const EMULATED_VARIABLES = [...PINGONE_VARIABLES, "PINGONE_AUTH_URL", "PINGONE_API_URL", "DOCUWARE_ORGANIZATION_URL"];
const PINGONE_OPTIONAL = [
    "PINGONE_REGION_CODE",
    "PINGONE_AUTH_URL",
    "PINGONE_API_URL",
    "PINGONE_TOKEN_ENDPOINT_AUTH_METHOD",
];

export interface LiveTarget {
    /** "remote" with the standard variables, else "emulators" (started here, used as if remote). */
    mode: "remote" | "emulators";
    /** Environment of the Pulumi program's providers: PingOne worker and DocuWare organization URL only. */
    providerEnvironment: Record<string, string>;
    organizationUrl: string;
    environmentId: string;
    registration: { clientId: string; clientSecret: string };
    pingone(): PingOneClient;
    scim(): Promise<DocuWareScimClient>;
    close(): Promise<void>;
}

const pick = (names: string[]) =>
    Object.fromEntries(names.flatMap((name) => (process.env[name] ? [[name, process.env[name]!]] : [])));

/**
 * The endpoints the live suite and the sweep run against: those the standard variables name, or, when none is set,
 * freshly started emulators. The emulated DocuWare gets the registration a maintainer makes in DocuWare
 * Configuration; after that only public APIs are used (no emulator control API).
 */
export async function liveTarget(): Promise<LiveTarget> {
    const required = [...PINGONE_VARIABLES, ...DOCUWARE_VARIABLES];
    const present = required.filter((name) => process.env[name]);
    let emulators: Emulators | undefined;
    let registration: LiveTarget["registration"];
    if (present.length === required.length) {
        registration = {
            clientId: process.env.DOCUWARE_SCIM_CLIENT_ID!,
            clientSecret: process.env.DOCUWARE_SCIM_CLIENT_SECRET!,
        };
    } else if (present.length > 0) {
        const missing = required.filter((name) => !process.env[name]);
        throw new Error(`Live mode needs every one of ${required.join(", ")}; missing: ${missing.join(", ")}.`);
    } else {
        emulators = await startEmulators();
        const { registration: created } = await enableProvisioning(emulators.docuware[0]!, "Ping");
        registration = { clientId: created.ClientId, clientSecret: created.ClientSecret };
        const provider = emulators.providerEnvironment();
        for (const name of EMULATED_VARIABLES) {
            process.env[name] = provider[name];
        }
    }
    const providerEnvironment = pick([...PINGONE_VARIABLES, ...PINGONE_OPTIONAL, "DOCUWARE_ORGANIZATION_URL"]);
    const organizationUrl = process.env.DOCUWARE_ORGANIZATION_URL!.replace(/\/+$/, "");
    return {
        mode: emulators ? "emulators" : "remote",
        providerEnvironment,
        organizationUrl,
        environmentId: process.env.PINGONE_ENVIRONMENT_ID!,
        registration,
        pingone: () => PingOneClient.fromConfig(),
        async scim() {
            const identity = await discoverIdentityService(organizationUrl, httpSettings());
            return new DocuWareScimClient(
                {
                    scimBaseUrl: scimBaseUrl(organizationUrl, "ping"),
                    tokenUrl: identity.tokenEndpoint,
                    clientId: registration.clientId,
                    clientSecret: registration.clientSecret,
                },
                httpSettings(),
            );
        },
        async close() {
            if (emulators) {
                for (const name of EMULATED_VARIABLES) {
                    delete process.env[name];
                }
                await emulators.close();
            }
        },
    };
}
