// Partner Center's per-device advice on screen comes from the advice catalog, keyed by the domain
// table (shared/domain/device-errors.ts), which keeps the English the CLI and reports print. English
// on screen is word for word that table, so the two cannot drift apart unnoticed.
import { afterEach, describe, expect, it } from 'vitest';
import { ALREADY_PARTNER_REGISTERED, CUSTOMER_ADDED, explainDeviceError, knownDeviceErrorCodes } from '../../../../shared/domain/device-errors';
import type { IdentityKind } from '../../../../shared/domain/identity';
import { setLanguage } from '../../../../renderer/src/i18n';
import { adviceNote, adviceText } from '../../../../renderer/src/i18n/advice';

afterEach(() => setLanguage('en'));

const identityKinds = ['pkid', 'tuple', 'hash'] as const satisfies readonly IdentityKind[];

const everyExplanation = [
  ...knownDeviceErrorCodes.flatMap((code) => [null, ...identityKinds].map((identity) => explainDeviceError(code, null, identity))),
  explainDeviceError('999'),
  explainDeviceError('999', 'ZtdSomethingNew'),
  explainDeviceError(null),
];

describe('adviceText', () => {
  it("says in English exactly what the domain table says, for every code and identity", () => {
    for (const explained of everyExplanation) expect(adviceText(explained), explained.key).toEqual({ meaning: explained.meaning, action: explained.action });
    expect(adviceNote(ALREADY_PARTNER_REGISTERED)).toBe(ALREADY_PARTNER_REGISTERED.text);
    expect(adviceNote(CUSTOMER_ADDED)).toBe(CUSTOMER_ADDED.text);
  });

  it('has every entry in every language, none of them left in English', () => {
    for (const language of ['de', 'fr', 'es', 'nl', 'pl'] as const) {
      setLanguage(language);
      for (const explained of everyExplanation) {
        const said = adviceText(explained);
        expect(said.meaning, `${language} ${explained.key}`).not.toBe(explained.meaning);
        expect(said.action, `${language} ${explained.key}`).not.toBe(explained.action);
      }
      expect(adviceNote(CUSTOMER_ADDED)).not.toBe(CUSTOMER_ADDED.text);
    }
  });

  it('says a tuple 812 as a spelling problem, in German and Polish', () => {
    const tuple812 = explainDeviceError('812', null, 'tuple');
    setLanguage('de');
    expect(adviceText(tuple812).meaning).toMatch(/^Microsoft hat kein Gerät mit genau dieser Seriennummer/);
    expect(adviceText(explainDeviceError('812', null, 'pkid')).action).toMatch(/^Senden Sie später erneut/);
    setLanguage('pl');
    expect(adviceText(tuple812).action).toMatch(/^Sprawdź pisownię i wielkość liter/);
  });

  it("keeps an unknown code's description from Partner Center inside the translated sentence", () => {
    setLanguage('pl');
    expect(adviceText(explainDeviceError('999', 'ZtdSomethingNew')).meaning).toBe('Partner Center odrzucił urządzenie (ZtdSomethingNew).');
    expect(adviceText(explainDeviceError('999')).meaning).toBe('Partner Center odrzucił urządzenie.');
  });

  it("falls back to the table's English for a key no catalog has", () => {
    setLanguage('de');
    const fromNewerTable = { ...explainDeviceError('640'), key: '999-new' };
    expect(adviceText(fromNewerTable)).toEqual({ meaning: fromNewerTable.meaning, action: fromNewerTable.action });
  });
});
