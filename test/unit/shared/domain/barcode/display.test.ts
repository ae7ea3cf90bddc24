import { describe, expect, it } from 'vitest';
import { displayRaw } from '../../../../../shared/domain/barcode/index';

describe('displayRaw', () => {
  it('names the usual control characters and spells out the rest', () => {
    expect(displayRaw('a\u001db\r\n\t\u001b\u0007\u200b')).toBe('a<GS>b<CR><LF><TAB><ESC><U+0007><U+200B>');
  });

  it('leaves ordinary text, accents and emoji alone', () => {
    expect(displayRaw('-&"àè ç 😀')).toBe('-&"àè ç 😀');
  });

  it('cuts long reads and says how long they were', () => {
    expect(displayRaw('1234567890', 4)).toBe('1234… (10 characters)');
    expect(displayRaw('1234', 4)).toBe('1234');
  });

  it('never splits a surrogate pair when cutting', () => {
    const shown = displayRaw('😀😀😀', 2);
    expect(shown).toBe('😀😀… (6 characters)');
    expect(shown).not.toMatch(/[\ud800-\udfff](?![\udc00-\udfff])/u);
  });

  it('shows a lone surrogate as a code, not as broken text', () => {
    expect(displayRaw('a\ud800b')).toBe('a<U+D800>b');
  });
});
