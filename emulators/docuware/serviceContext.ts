import type { AccessTokenIssuer } from "./accessTokens";
import type { EmulatorUrls } from "./emulatorUrls";
import type { OrganizationState } from "./organizationState";

/** What every route module of the organization host needs. */
export interface ServiceContext {
    state: OrganizationState;
    tokens: AccessTokenIssuer;
    urls: EmulatorUrls;
}
