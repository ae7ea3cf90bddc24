import { describe, expect, it } from 'vitest';
import { MAX_READ_LENGTH, normaliseRead, splitAimPrefix } from '../../../../../shared/domain/barcode/index';

describe('splitAimPrefix', () => {
  it.each([
    [']C1123', 'code128', true],
    [']C0123', 'code128', false],
    [']E0123', 'ean13', false],
    [']E4123', 'ean8', false],
    [']A0123', 'code39', false],
    [']d2123', 'datamatrix', true],
    [']d1123', 'datamatrix', false],
    [']Q1123', 'qr', false],
    [']Q3123', 'qr', true],
    [']I0123', 'itf', false],
    [']L2123', 'pdf417', false],
    [']z0123', 'aztec', false],
    [']X0123', 'other', false],
  ] as const)('%s is %s (GS1: %s)', (text, symbology, gs1) => {
    const { aim, rest } = splitAimPrefix(text);
    expect(aim).toEqual({ id: text.slice(0, 3), symbology, gs1 });
    expect(rest).toBe('123');
  });

  it.each(['123', ']1A123', '] C1', 'C1]123', ''])('leaves %j alone', (text) => {
    expect(splitAimPrefix(text)).toEqual({ aim: undefined, rest: text });
  });
});

describe('normaliseRead', () => {
  it('strips AIM, GS in all spellings, suffixes and spaces, and keeps raw', () => {
    const raw = ' ]C1<GS>{GS}\u001d6130760003769\u001d<GS>\r\n';
    expect(normaliseRead(raw)).toEqual({ ok: true, raw, value: '6130760003769', aim: { id: ']C1', symbology: 'code128', gs1: true }, fields: ['6130760003769'] });
  });

  it('splits inner GS into fields instead of gluing them', () => {
    const read = normaliseRead('0109501101530003\u001d21ABC');
    expect(read).toMatchObject({ ok: true, fields: ['0109501101530003', '21ABC'] });
  });

  it('only strips the AIM prefix at the start', () => {
    expect(normaliseRead('12]C1')).toMatchObject({ ok: true, value: '12]C1', aim: undefined });
  });

  it.each([
    ['', /empty/],
    ['\r\n', /empty/],
    ['<GS>', /only separators/],
    [']C1', /only separators/],
    ['12\u000034', /control character <U\+0000>/],
    ['12\u001b34', /control character <ESC>/],
    ['12\u200e34', /control character <U\+200E>/],
    ['12\u008534', /control character <U\+0085>/],
    ['12\u202834', /control character <U\+2028>/],
    ['\ud80012', /control character <U\+D800>/],
  ])('refuses %j', (raw, reason) => {
    const read = normaliseRead(raw);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.reason).toMatch(reason);
    expect(read.raw).toBe(raw);
  });

  it('accepts exactly the maximum length and refuses one more', () => {
    expect(normaliseRead('A'.repeat(MAX_READ_LENGTH)).ok).toBe(true);
    expect(normaliseRead('A'.repeat(MAX_READ_LENGTH + 1))).toMatchObject({ ok: false, reason: expect.stringMatching(/far longer/) });
  });
});
