/** DocuWare's guide to PingOne user provisioning, which the policies link to. */
export const GUIDE_URL = "https://knowledgecenter.docuware.com/integrate-pingone-user-provisioning";
