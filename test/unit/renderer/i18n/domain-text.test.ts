// The shared domain's rules and identities said from the catalogs: German and Polish words where shared/
// keeps English for the CLI, the plural and the digits by the library.
import { afterEach, describe, expect, it } from 'vitest';
import { pinProblem } from '../../../../shared/domain/pin';
import { summariseIdentity } from '../../../../shared/domain/identity';
import { setLanguage } from '../../../../renderer/src/i18n';
import { batchNameProblemText, identityText, pinProblemText } from '../../../../renderer/src/i18n/domain-text';

afterEach(() => setLanguage('en'));

describe('domain text', () => {
  it('says the PIN and batch-name rules in the language, the English unchanged for the core', () => {
    setLanguage('de');
    expect(pinProblemText('123')).toBe('Eine PIN hat mindestens 6 Ziffern.');
    expect(pinProblem('123')).toBe('A PIN has at least 6 digits.');
    expect(pinProblemText('482913')).toBeNull();
    expect(batchNameProblemText('Dock/A')).toBe('Ein Chargenname darf nur Buchstaben, Ziffern, Leerzeichen, Punkte, Bindestriche und Unterstriche enthalten.');
    expect(batchNameProblemText('Dock-A')).toBeNull();
  });

  it('says an identity with the language plural and digit grouping', () => {
    const hash = summariseIdentity({ pkid: null, serial: 'PF4', manufacturer: null, model: null, hardwareHash: 'A'.repeat(5000) });
    setLanguage('pl');
    expect(identityText(hash)).toBe('Skrót sprzętowy (5000 znaków) + numer seryjny PF4'.replace('5000', new Intl.NumberFormat('pl').format(5000)));
    setLanguage('de');
    expect(identityText(summariseIdentity({ pkid: null, serial: 'SN1', manufacturer: 'HP', model: null, hardwareHash: null }))).toBe('Seriennummer SN1 hat weder PKID noch Hardware-Hash und braucht daher Modell genau so, wie die Firmware sie meldet.');
    expect(identityText({ kind: 'pkid', label: 'PKID 1' })).toBe('PKID 1');
  });
});
