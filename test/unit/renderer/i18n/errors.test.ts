import { afterEach, describe, expect, it } from 'vitest';
import { failSaying, followUp, withFollowUp, type AppErrorShape, type Result } from '../../../../shared/contract';
import { i18n, setLanguage } from '../../../../renderer/src/i18n';
import { errorText } from '../../../../renderer/src/i18n/errors';

function refusal(result: Result<never>): AppErrorShape {
  if (result.ok) throw new Error('not a refusal');
  return result.error;
}

afterEach(() => setLanguage('en'));

describe('errorText', () => {
  it("says the core's English when the error carries no catalog key, or one no catalog has", () => {
    expect(errorText({ code: 'CONFLICT', message: 'Batch P-1 is not open.' })).toBe('Batch P-1 is not open.');
    expect(errorText({ code: 'CONFLICT', message: 'Batch P-1 is not open.', say: { key: 'no.such.key' } })).toBe('Batch P-1 is not open.');
  });

  it("says the catalog's words with their placeholders in the operator's language when the key exists", () => {
    i18n.addResource('en', 'errors', 'probe.notOpen', 'Batch {{name}} is not open.');
    i18n.addResource('de', 'errors', 'probe.notOpen', 'Charge {{name}} ist nicht offen.');
    const error = { code: 'CONFLICT', message: 'Batch P-1 is not open.', say: { key: 'probe.notOpen', params: { name: 'P-7' } } } as const;
    expect(errorText(error)).toBe('Batch P-7 is not open.');
    setLanguage('de');
    expect(errorText(error)).toBe('Charge P-7 ist nicht offen.');
  });
});

describe('errorText with the keys the core sends', () => {
  const notOpen = refusal(failSaying('INVALID_STATE', 'batch.notOpen', { batch: 'Dock-A', state: 'needs_attention' }, 'Batch Dock-A is not open (it is needs attention).'));

  it('says a batch state in the operator’s words, not the core’s', () => {
    expect(errorText(notOpen)).toBe('Batch Dock-A is not open (it is waiting for attention).');
    setLanguage('de');
    expect(errorText(notOpen)).toBe('Charge Dock-A ist nicht offen (sie ist bearbeitungsbedürftig).');
    setLanguage('pl');
    expect(errorText(notOpen)).toBe('Partia Dock-A nie jest otwarta (jest do poprawy).');
  });

  it('says a role through the common catalog', () => {
    const forbidden = refusal(failSaying('FORBIDDEN', 'session.forbidden', { role: 'lead' }, 'A lead may not do this (Manage operators).'));
    setLanguage('de');
    expect(errorText(forbidden)).toBe('Ihre Rolle (Schichtleitung) darf das nicht.');
    setLanguage('pl');
    expect(errorText(forbidden)).toBe('Twoja rola (Kierownik zmiany) na to nie pozwala.');
  });

  it('picks Polish plural forms by the count the core sends', () => {
    const wrong = (count: number) => refusal(failSaying('BAD_CREDENTIALS', 'session.wrongPin', { name: 'Olga', count }, 'That PIN is wrong…'));
    setLanguage('pl');
    expect(errorText(wrong(1))).toContain('Pozostała 1 próba, zanim Olga');
    expect(errorText(wrong(3))).toContain('Pozostały 3 próby, zanim Olga');
    expect(errorText(wrong(5))).toContain('Pozostało 5 prób, zanim Olga');
    setLanguage('de');
    expect(errorText(wrong(1))).toContain('Noch 1 Versuch, bevor Olga');
    expect(errorText(wrong(4))).toContain('Noch 4 Versuche, bevor Olga');
  });

  it('says a lock-out end on the operator’s clock, to the second', () => {
    const until = new Date(2026, 11, 7, 15, 4, 5).getTime();
    const locked = refusal(failSaying('LOCKED_OUT', 'session.lockedOut', { name: 'Olga', until }, 'Olga is locked … until 14:04:05 UTC. …', { until }));
    setLanguage('de');
    expect(errorText(locked)).toBe('Olga ist nach zu vielen falschen PINs bis 15:04:05 gesperrt. Warten Sie oder bitten Sie einen Stations-Admin, die Sperre aufzuheben.');
    setLanguage('pl');
    expect(errorText(locked)).toContain('do 15:04:05.');
  });

  it('formats big numbers by locale', () => {
    const tooLarge = refusal(failSaying('INVALID_STATE', 'export.tooLarge', { batch: 'Dock-A', max: 500_000_000 }, 'Batch Dock-A is too large…'));
    setLanguage('de');
    expect(errorText(tooLarge)).toContain('mehr als 500.000.000 Zeichen');
  });
});

describe('errorText without a key', () => {
  const plain = { code: 'INVALID_INPUT', message: 'name: Too long.' } as const;

  it("gives other languages the code's sentence with the core's English after it", () => {
    setLanguage('de');
    expect(errorText(plain)).toBe('Eine Eingabe ist ungültig. (name: Too long.)');
    setLanguage('pl');
    expect(errorText(plain)).toBe('Coś z wprowadzonych danych jest nieprawidłowe. (name: Too long.)');
  });

  it("gives English the core's own sentence alone, and a key no catalog has the same fallback", () => {
    expect(errorText(plain)).toBe('name: Too long.');
    setLanguage('de');
    expect(errorText({ ...plain, say: { key: 'from.a.newer.core' } })).toBe('Eine Eingabe ist ungültig. (name: Too long.)');
  });
});

describe('errorText with a caller’s follow-up (say.then)', () => {
  it('says the follow-up translated after the translated sentence, plural and date by the language', () => {
    const unreachable = refusal(withFollowUp(failSaying('OFFLINE', 'partner.unreachable', {}, 'Partner Center could not be reached…'), followUp('partner.then.assignedBefore', { count: 3 }, 'The profile was assigned to 3 devices before this failure; try again to finish.')));
    setLanguage('de');
    expect(errorText(unreachable)).toBe(
      'Partner Center war nicht erreichbar (die Station ist vielleicht offline oder der Dienst antwortet nicht). Das Profil wurde vor diesem Fehler 3 Geräten zugewiesen; versuchen Sie es erneut, um den Rest zu erledigen.',
    );
    setLanguage('pl');
    expect(errorText(unreachable)).toContain('Przed tym błędem profil przypisano do 3 urządzeń');
    const kept = refusal(withFollowUp(failSaying('REMOTE_ERROR', 'partner.refused.unknown', { requestId: 'req-1' }, 'Partner Center refused…'), followUp('partner.then.customerListKept', { at: new Date(2026, 11, 7, 9, 30).getTime() }, 'The customer list from … was kept unchanged.')));
    setLanguage('de');
    expect(errorText(kept)).toMatch(/\(MS-RequestId req-1\) Die Kundenliste vom 07\.12\.2026, 09:30 bleibt unverändert\.$/);
  });
});
