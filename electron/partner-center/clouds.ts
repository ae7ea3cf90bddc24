// Which Partner Center API a cloud's sign-in belongs to. Shared by the desktop app and the CLI/browser
// host, which both build MSAL from the station's `partnerCenter.cloud` setting.
import type { PartnerCloud } from './msal-types';
import { PUBLIC_BASE_URL } from './request';

/** Partner Center operated by 21Vianet (partner-center-api.md §1). */
export const CHINA_BASE_URL = 'https://partner.partnercenterapi.microsoftonline.cn';

export function partnerCenterBaseUrl(cloud: PartnerCloud = 'global'): string {
  return cloud === 'china' ? CHINA_BASE_URL : PUBLIC_BASE_URL;
}
