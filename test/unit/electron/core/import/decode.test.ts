import { describe, expect, it } from 'vitest';
import { decodeImportFile, decodeWindows1252 } from '../../../../../electron/core/import/decode';
import { MAX_IMPORT_BYTES } from '../../../../../shared/contract/import';

const bytes = (...b: number[]) => Uint8Array.from(b);

describe('decodeImportFile', () => {
  it('reads UTF-8 with and without a BOM, dropping the BOM', () => {
    expect(decodeImportFile(Buffer.from('PKID\n1', 'utf8'))).toEqual({ ok: true, text: 'PKID\n1', encoding: 'utf-8' });
    expect(decodeImportFile(Buffer.concat([bytes(0xef, 0xbb, 0xbf), Buffer.from('PKID\n1')]))).toEqual({ ok: true, text: 'PKID\n1', encoding: 'utf-8-bom' });
  });

  it('falls back to Windows-1252 when the bytes are not valid UTF-8, euro sign included', () => {
    const r = decodeImportFile(bytes(0x4d, 0x6f, 0x64, 0xe8, 0x6c, 0x65, 0x20, 0x80));
    expect(r).toEqual({ ok: true, text: 'Modèle €', encoding: 'windows-1252' });
    expect(decodeWindows1252(bytes(0x93, 0x41, 0x94, 0x96, 0x99))).toBe('\u201cA\u201d\u2013\u2122');
  });

  it('reads UTF-16 LE and BE with a BOM (Excel "Unicode text")', () => {
    expect(decodeImportFile(Buffer.concat([bytes(0xff, 0xfe), Buffer.from('PKID\t1', 'utf16le')]))).toEqual({ ok: true, text: 'PKID\t1', encoding: 'utf-16le' });
    const be = Buffer.from('PKID', 'utf16le').swap16();
    expect(decodeImportFile(Buffer.concat([bytes(0xfe, 0xff), be]))).toEqual({ ok: true, text: 'PKID', encoding: 'utf-16be' });
  });

  it('refuses binary files: NUL bytes, many control bytes, known magic numbers', () => {
    expect(decodeImportFile(bytes(0x31, 0x00, 0x32))).toMatchObject({ ok: false, message: expect.stringMatching(/NUL bytes/) });
    const noisy = Buffer.alloc(1000, 0x41);
    for (let i = 0; i < 20; i++) noisy[i * 50] = 0x07;
    expect(decodeImportFile(noisy)).toMatchObject({ ok: false, message: expect.stringMatching(/20 control bytes/) });
    expect(decodeImportFile(bytes(0x25, 0x50, 0x44, 0x46, 0x2d))).toMatchObject({ ok: false, message: expect.stringMatching(/PDF/) });
    expect(decodeImportFile(bytes(0xff, 0xd8, 0xff, 0xe0))).toMatchObject({ ok: false, message: expect.stringMatching(/JPEG/) });
  });

  it('refuses a file over the size limit before reading it (the 1 GB case, simulated)', () => {
    const tooBig = new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x31);
    expect(decodeImportFile(tooBig)).toMatchObject({ ok: false, message: expect.stringMatching(/^The file is 47 MB; at most 47 MB can be imported at once\. Split it/) });
    // The limit is a parameter, so the 1 GB message is checked without a gigabyte in memory.
    expect(decodeImportFile(new Uint8Array(2048), 1024)).toMatchObject({ ok: false, message: 'The file is 2 KB; at most 1 KB can be imported at once. Split it into smaller files.' });
  });

  it('refuses an empty file', () => {
    expect(decodeImportFile(new Uint8Array(0))).toEqual({ ok: false, message: 'The file is empty.' });
  });
});
