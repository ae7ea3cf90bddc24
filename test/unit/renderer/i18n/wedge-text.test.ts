// The detector's reasons said by the catalogs: German decimals and percent, Polish plural forms.
import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../../../../renderer/src/i18n';
import { rejectionText } from '../../../../renderer/src/i18n/wedge-text';

describe('rejectionText', () => {
  afterEach(() => setLanguage('en'));

  it('says English as the detector always did', () => {
    expect(rejectionText({ code: 'tooShort', length: 1, minLength: 6 })).toBe('too short: 1 character (a scan has at least 6)');
    expect(rejectionText({ code: 'pause', gapMs: 101, maxGapMs: 100 })).toBe('a pause of 101 ms between two keys (a scanner pauses at most 100 ms)');
    expect(rejectionText({ code: 'slowUneven', paceMs: 40.25, spreadPercent: 62 })).toBe('too slow for a scanner: 40.3 ms per key on average and uneven (gaps vary by 62%): a person typing');
  });

  it('says German with its decimal comma and its percent spacing (a no-break space, as Intl writes it)', () => {
    setLanguage('de');
    expect(rejectionText({ code: 'slowNotShaped', paceMs: 36 })).toBe('mit 36,0 ms pro Taste getippt (so langsam wie ein schneller Tipper) und nicht wie eine PKID oder Seriennummer aufgebaut');
    expect(rejectionText({ code: 'slowHeld', paceMs: 42.5, holdPercent: 80 })).toBe(
      'zu langsam für einen Scanner: im Mittel 42,5 ms pro Taste, jede Taste 80\u00a0% der Zeit bis zur nächsten gedrückt: menschliche Finger (ein Scanner lässt sofort los)',
    );
    expect(rejectionText({ code: 'interrupted', key: 'Backspace' })).toBe('beendet durch die Taste Backspace, nicht durch Enter, Tab oder eine Pause');
    expect(rejectionText({ code: 'interrupted', key: '' })).toBe('beendet durch eine andere Taste, nicht durch Enter, Tab oder eine Pause');
  });

  it("takes Polish plural forms from the library", () => {
    setLanguage('pl');
    expect(rejectionText({ code: 'tooShort', length: 1, minLength: 6 })).toBe('za krótkie: 1 znak (skan ma co najmniej 6)');
    expect(rejectionText({ code: 'tooShort', length: 3, minLength: 6 })).toBe('za krótkie: 3 znaki (skan ma co najmniej 6)');
    expect(rejectionText({ code: 'tooShort', length: 5, minLength: 6 })).toBe('za krótkie: 5 znaków (skan ma co najmniej 6)');
    expect(rejectionText({ code: 'stalls', stalls: 2, keys: 12 })).toBe('2 wolne klawisze na 12: pisze człowiek, a nie zacina się skaner');
    expect(rejectionText({ code: 'typedByPerson', keys: 13, gapMs: 180 })).toBe('wpisane przez człowieka: 13 klawiszy z odstępami do 180 ms (skan nie ma odstępu ponad limit poniżej)');
  });
});
