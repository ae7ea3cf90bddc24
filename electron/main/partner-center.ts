// The desktop app's Partner Center sign-in: MSAL in the system browser, its token cache encrypted
// with safeStorage. Built from the station's settings; without a client id the station runs unset-up.
import { shell } from 'electron';
import type { PartnerCenterConfig } from '../core/partner/partner-link';
import type { SettingKey, SettingValue } from '../../shared/domain/settings';
import type { Logger } from '../core/log';
import { partnerCenterBaseUrl } from '../partner-center/clouds';
import { createMsalTokenProvider } from '../partner-center/msal-provider';
import { secretBoxFromSafeStorage } from '../partner-center/secret-box';
import { createSecretBox } from './secrets';

export function desktopPartnerCenter(dataDir: string, logger: Logger) {
  return (setting: <K extends SettingKey>(key: K) => SettingValue<K> | undefined): PartnerCenterConfig | undefined => {
    const clientId = setting('partnerCenter.clientId');
    if (!clientId) return undefined;
    const cloud = setting('partnerCenter.cloud') ?? 'global';
    let secretBox = null;
    try {
      secretBox = secretBoxFromSafeStorage(createSecretBox());
    } catch (err) {
      // No OS secret store (or Linux basic_text): sign-ins then last only until the app quits.
      logger.warn('Partner Center token cache kept in memory only', { reason: err instanceof Error ? err.message : String(err) });
    }
    const tokenProvider = createMsalTokenProvider({
      clientId,
      tenant: setting('partnerCenter.tenant') ?? 'organizations',
      cloud,
      dataDir,
      secretBox,
      // The provider passes only MSAL's own authorize URL, checked against the authority's origin.
      openBrowser: (url) => shell.openExternal(url),
      log: (level, message) => (level === 'error' ? logger.error(message) : logger.info(message)),
    });
    return { baseUrl: partnerCenterBaseUrl(cloud), tokenProvider };
  };
}
