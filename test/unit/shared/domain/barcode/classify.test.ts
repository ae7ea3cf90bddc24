import { describe, expect, it } from 'vitest';
import { classifyRead, type ClassifiedRead, type Symbology } from '../../../../../shared/domain/barcode/index';

const PKID = '6130760003769'; // passes the EAN-13 check by chance
const PKID_NOT_EAN = '6130760003760'; // fails it
const EAN13 = '4006381333931';
const UPCA = '036000291452';

type Expectation = Partial<Record<string, unknown>> & { kind: ClassifiedRead['kind'] };

const table: Array<[name: string, raw: string, symbology: Symbology | undefined, expected: Expectation]> = [
  // PKID vs EAN-13
  ['13 digits, Code 128', PKID, 'code128', { kind: 'pkid', value: PKID }],
  ['13 digits, Code 39', PKID_NOT_EAN, 'code39', { kind: 'pkid', value: PKID_NOT_EAN }],
  ['13 digits, unknown symbology, fails EAN check', PKID_NOT_EAN, undefined, { kind: 'pkid', value: PKID_NOT_EAN }],
  ['13 digits, unknown symbology, passes EAN check', PKID, undefined, { kind: 'pkid-unconfirmed', value: PKID }],
  ['EAN-13 by symbology', EAN13, 'ean13', { kind: 'gtin', value: EAN13, format: 'ean13' }],
  ['EAN-13 symbology with a wrong check digit', '4006381333932', 'ean13', { kind: 'invalid' }],
  ['UPC-A by symbology', UPCA, 'upca', { kind: 'gtin', value: UPCA, format: 'upca' }],
  ['UPC-A read as 13 digits with leading 0', `0${UPCA}`, 'upca', { kind: 'gtin', value: UPCA, format: 'upca' }],
  ['12 digits, unknown symbology, valid UPC check', UPCA, undefined, { kind: 'gtin', format: 'upca' }],
  ['12 digits, unknown symbology, no UPC check', '123456789013', undefined, { kind: 'unknown', reason: '12 digits read (123456789013): a PKID has exactly 13 digits' }],
  ['12 digits in Code 128 is not a UPC', UPCA, 'code128', { kind: 'unknown' }],
  ['EAN-8 by symbology', '96385074', 'ean8', { kind: 'gtin', format: 'ean8' }],
  ['EAN-8 wrong check', '96385075', 'ean8', { kind: 'invalid' }],
  ['ITF-14 carton code', '15400141288763', 'itf', { kind: 'gtin', format: 'gtin14' }],
  ['14 digits failing the GTIN check', '15400141288764', undefined, { kind: 'unknown' }],
  // AIM prefixes give the symbology
  [']C1 Code 128 (GS1)', `]C1${PKID}`, undefined, { kind: 'pkid', value: PKID, symbology: 'code128' }],
  [']C0 Code 128', `]C0${PKID}`, undefined, { kind: 'pkid', value: PKID, symbology: 'code128' }],
  [']A0 Code 39', `]A0${PKID}`, undefined, { kind: 'pkid', symbology: 'code39' }],
  [']E0 EAN-13', `]E0${EAN13}`, undefined, { kind: 'gtin', format: 'ean13', symbology: 'ean13' }],
  [']E0 UPC-A arrives as 13 digits', `]E00${UPCA}`, undefined, { kind: 'gtin', value: `0${UPCA}`, symbology: 'ean13' }],
  [']E4 EAN-8', ']E496385074', undefined, { kind: 'gtin', format: 'ean8', symbology: 'ean8' }],
  [']d2 GS1 DataMatrix', `]d2${PKID}`, undefined, { kind: 'pkid', symbology: 'datamatrix' }],
  [']Q1 QR', `]Q1${PKID}`, undefined, { kind: 'pkid', symbology: 'qr' }],
  ['unknown AIM code letter', `]X0${PKID}`, undefined, { kind: 'pkid', symbology: 'other' }],
  ['explicit symbology wins over the AIM prefix', `]C0${EAN13}`, 'ean13', { kind: 'gtin', symbology: 'ean13' }],
  // GS separators and suffixes
  ['leading GS (FNC1)', `\u001d${PKID}`, 'code128', { kind: 'pkid', value: PKID }],
  ['trailing GS', `${PKID}\u001d`, 'code128', { kind: 'pkid', value: PKID }],
  ['literal <GS>', `<GS>${PKID}`, 'code128', { kind: 'pkid', value: PKID }],
  ['literal {GS}, lower case', `{gs}${PKID}`, 'code128', { kind: 'pkid', value: PKID }],
  ['AIM + GS + CRLF', `]C1\u001d${PKID}\r\n`, undefined, { kind: 'pkid', value: PKID }],
  ['Enter suffix', `${PKID}\r`, 'code128', { kind: 'pkid', value: PKID }],
  ['LF suffix', `${PKID}\n`, 'code128', { kind: 'pkid', value: PKID }],
  ['Tab suffix', `${PKID}\t`, 'code128', { kind: 'pkid', value: PKID }],
  ['surrounding spaces', `  ${PKID}  `, 'code128', { kind: 'pkid', value: PKID }],
  ['GS between two fields (GS1 element strings: AI 01 GTIN, AI 21 serial)', `0109501101530003\u001d21ABC123`, undefined, { kind: 'serial', value: 'ABC123' }],
  ['GS1 AI 21 serial and AI 240 PKID in one read', `]d221PF1ABCDE\u001d240${PKID}`, undefined, { kind: 'pkid', value: PKID, serial: { serial: 'PF1ABCDE', pattern: 'generic' } }],
  ['PKID and data-identifier serial (S) separated by GS', `${PKID}\u001dS5CG1234XYZ`, undefined, { kind: 'pkid', value: PKID, serial: { serial: '5CG1234XYZ', manufacturer: 'HP' } }],
  ['ISO/IEC 15434 envelope with P, S and the PKID', `[)>\u001e06\u001dP20XW0012US\u001dS7XK4M12\u001d${PKID}\u001e\u0004`, undefined, { kind: 'pkid', value: PKID, serial: { serial: '7XK4M12', manufacturer: 'Dell Inc.' } }],
  ['RS-separated fields', `${PKID}\u001e1S20XW0012USPF1ABCDE`, undefined, { kind: 'invalid' }],
  ['a lone field keeps a leading S (a serial may start with one)', 'SAME0001', undefined, { kind: 'serial', value: 'SAME0001' }],
  ['GS1-128 with AI 21 alone', ']C121PF1ABCDE', undefined, { kind: 'serial', value: 'PF1ABCDE' }],
  ['fields holding neither a PKID nor a serial', `P12345\u001d1P999`, undefined, { kind: 'unknown' }],
  ['PKID caption inside the payload', `PKID: ${PKID}`, undefined, { kind: 'pkid', value: PKID }],
  ['PKID caption with a short number', 'PKID:123', undefined, { kind: 'unknown' }],
  // serials
  ['Lenovo 1S + MTM + serial', '1S20XW0012USPF1ABCDE', 'code128', { kind: 'serial', value: 'PF1ABCDE', manufacturer: 'LENOVO', model: '20XW0012US', pattern: 'lenovo-1s' }],
  ['Lenovo 1S with Caps Lock inverted', '1s20xw0012uspf1abcde', undefined, { kind: 'serial', value: 'PF1ABCDE', manufacturer: 'LENOVO' }],
  ['Dell service tag', '7XK4M12', 'code39', { kind: 'serial', value: '7XK4M12', manufacturer: 'Dell Inc.', pattern: 'dell-service-tag' }],
  ['7 digits are not a Dell tag', '1234567', undefined, { kind: 'unknown' }],
  ['HP serial', '5CG1234XYZ', 'code128', { kind: 'serial', value: '5CG1234XYZ', manufacturer: 'HP', pattern: 'hp-serial' }],
  ['generic serial', 'PF1ABCDE', 'code128', { kind: 'serial', value: 'PF1ABCDE', pattern: 'generic' }],
  ['generic serial with inner dash', 'R9-0ABC12', undefined, { kind: 'serial', value: 'R9-0ABC12', pattern: 'generic' }],
  ['serial caption', 'S/N: 7XK4M12', undefined, { kind: 'serial', value: '7XK4M12' }],
  ['serial starting with SN keeps its letters', 'SN12AB34CD', undefined, { kind: 'serial', value: 'SN12AB34CD' }],
  // unknown
  ['a word', 'HELLO', undefined, { kind: 'unknown' }],
  ['AZERTY-damaged PKID', '-&"àè-ààà"è-ç', undefined, { kind: 'unknown' }],
  ['a URL in a QR code', 'https://example.com/p?id=1', 'qr', { kind: 'unknown' }],
  ['full-width digits are not digits', '６１３０７６０００３７６９', undefined, { kind: 'unknown' }],
  // invalid
  ['empty', '', undefined, { kind: 'invalid', reason: 'nothing was read (empty scan)' }],
  ['only whitespace', ' \r\n', undefined, { kind: 'invalid' }],
  ['only separators', ']C1<GS>', undefined, { kind: 'invalid' }],
  ['BEL inside', `613076\u00070003769`, undefined, { kind: 'invalid' }],
  ['NUL at the end', `${PKID}\u0000`, undefined, { kind: 'invalid' }],
  ['CR inside', `613076\r0003769`, undefined, { kind: 'invalid' }],
  ['zero-width space (format char)', `${PKID}\u200b`, undefined, { kind: 'invalid' }],
  ['byte-order mark', `\ufeff${PKID}`, undefined, { kind: 'invalid' }],
  ['ESC prefix', `\u001b${PKID}`, undefined, { kind: 'invalid' }],
  ['two PKIDs glued (26 digits)', PKID + PKID_NOT_EAN, undefined, { kind: 'invalid' }],
  ['PKID + UPC glued (25 digits)', PKID + UPCA, undefined, { kind: 'invalid' }],
  ['PKID followed by a serial', `${PKID}PF1ABCDE`, undefined, { kind: 'invalid' }],
  ['Dell tag followed by a PKID', `7XK4M12${PKID}`, undefined, { kind: 'invalid' }],
  ['129 characters', 'A'.repeat(129), undefined, { kind: 'invalid' }],
  ['10 kB', '1'.repeat(10 * 1024), undefined, { kind: 'invalid' }],
];

describe('classifyRead', () => {
  it.each(table)('%s', (_name, raw, symbology, expected) => {
    const result = classifyRead({ raw, symbology });
    expect(result).toMatchObject(expected);
    expect(result.raw).toBe(raw);
  });

  it('leaves the manufacturer out when the generic pattern matched', () => {
    const result = classifyRead({ raw: 'PF1ABCDE' });
    expect(result.kind).toBe('serial');
    expect('manufacturer' in result).toBe(false);
    expect('model' in result).toBe(false);
  });

  it('explains a near-miss PKID with what was read', () => {
    const result = classifyRead({ raw: '613076000376', symbology: 'code128' });
    expect(result).toEqual({
      kind: 'unknown',
      raw: '613076000376',
      symbology: 'code128',
      reason: '12 digits read (613076000376): a PKID has exactly 13 digits',
    });
  });

  it('asks for confirmation in words that name the value and the doubt', () => {
    const result = classifyRead({ raw: PKID });
    expect(result.kind).toBe('pkid-unconfirmed');
    if (result.kind !== 'pkid-unconfirmed') return;
    expect(result.reason).toContain(PKID);
    expect(result.reason).toMatch(/EAN-13/);
    expect(result.reason).toMatch(/confirm/i);
  });

  it('shows control characters escaped in the reason, never raw', () => {
    const result = classifyRead({ raw: `613\u00070003769` });
    expect(result.kind).toBe('invalid');
    if (result.kind !== 'invalid') return;
    expect(result.reason).toContain('<U+0007>');
    expect(result.reason).not.toMatch(/\p{Cc}/u);
  });

  it('keeps a 10 kB read out of its reason', () => {
    const raw = 'x'.repeat(10 * 1024);
    const result = classifyRead({ raw });
    expect(result.kind).toBe('invalid');
    if (result.kind !== 'invalid') return;
    expect(result.reason.length).toBeLessThan(250);
    expect(result.reason).toContain('10240 characters');
    expect(result.raw).toBe(raw);
  });

  it('says a glued read holds two codes and names the PKID', () => {
    const result = classifyRead({ raw: `${PKID}PF1ABCDE` });
    expect(result).toMatchObject({ kind: 'invalid', reason: expect.stringContaining(`PKID (${PKID})`) });
    const digits = classifyRead({ raw: PKID + PKID });
    expect(digits).toMatchObject({ kind: 'invalid', reason: expect.stringMatching(/^26 digits read .*two barcodes/) });
  });

  it('hints at the keyboard layout when digits arrive as AZERTY symbols', () => {
    const result = classifyRead({ raw: '-&"àè-ààà"è-ç' });
    expect(result).toMatchObject({ kind: 'unknown', reason: expect.stringMatching(/keyboard layout/) });
  });

  it('never computes a PKID check digit: every 13-digit Code 128 value is a PKID', () => {
    for (let last = 0; last <= 9; last++) {
      const raw = `613076000376${last}`;
      expect(classifyRead({ raw, symbology: 'code128' })).toMatchObject({ kind: 'pkid', value: raw });
    }
  });

  it('survives input that is not a string (untyped callers)', () => {
    const bad = { raw: undefined } as unknown as { raw: string };
    expect(classifyRead(bad).kind).toBe('invalid');
    const badSymbology = { raw: PKID, symbology: 'EAN_13' } as unknown as { raw: string };
    expect(classifyRead(badSymbology)).toMatchObject({ kind: 'pkid-unconfirmed', symbology: undefined });
  });
});
