import { describe, expect, it } from 'vitest';
import { maskSecretSettings, NOT_SET, SET } from '../../../../../electron/core/support/settings-snapshot';
import { settingDefaults } from '../../../../../shared/domain/settings';

describe('settings in a support bundle', () => {
  it('shows every value of a setting that is not secret, as it is', () => {
    expect(maskSecretSettings(settingDefaults)).toEqual(settingDefaults);
  });

  it('says only "(set)" or "(not set)" for a setting whose name sounds secret', () => {
    const masked = maskSecretSettings({ 'partnerCenter.clientSecret': 'Qx8~s3cr3t-value', 'smtp.password': '', 'proxy.authorization': null, 'station.name': 'Dock 3', 'webhook.token': 'abc' });
    expect(masked).toEqual({ 'partnerCenter.clientSecret': SET, 'smtp.password': NOT_SET, 'proxy.authorization': NOT_SET, 'station.name': 'Dock 3', 'webhook.token': SET });
    expect(JSON.stringify(masked)).not.toMatch(/s3cr3t|abc/);
  });
});
