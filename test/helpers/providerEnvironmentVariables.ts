import { DOCUWARE_SETTING_SOURCES } from "../../sdk/docuware/api/settings";
import { PINGONE_SETTING_SOURCES } from "../../sdk/pingone/api/settings";

/** Every environment variable the providers fall back to when a setting is not in stack config. */
export const PROVIDER_ENVIRONMENT_VARIABLES: readonly string[] = [
    ...Object.values(PINGONE_SETTING_SOURCES),
    ...Object.values(DOCUWARE_SETTING_SOURCES),
].flatMap((source) => source.envVars);
