import { describe, expect, it } from 'vitest';
import { detectColumns, headingKey } from '../../../../../electron/core/import/headers';
import { sniffDelimiter } from '../../../../../electron/core/import/sniff';

describe('sniffDelimiter', () => {
  it.each([
    ['a,b,c\n1,2,3\n', ','],
    ['a;b;c\r\n1;2;3\r\n', ';'],
    ['a\tb\tc\n1\t2\t3\n', '\t'],
    ['3905012345678\n3905012345679\n', ','],
    // A semicolon file whose model names hold commas: the consistent count wins.
    ['PKID;Model\n1;Latitude 5440, 14"\n2;Latitude 5440\n3;X\n', ';'],
    // Delimiters inside quotes do not count.
    ['"a;b",c,d\n"1;2",3,4\n', ','],
  ])('%j -> %j', (text, delimiter) => expect(sniffDelimiter(text)).toBe(delimiter));
});

describe('detectColumns', () => {
  it('finds every documented heading, ignoring case, spaces and punctuation', () => {
    for (const pkid of ['Windows Product ID', 'Product Key ID', 'PKID', 'productKey', 'Product ID', ' windows_product-id ', 'PRODUCTKEYID']) {
      for (const serial of ['Device Serial Number', 'Serial Number', 'Serial', 'SN', 'serial number']) {
        for (const manufacturer of ['Manufacturer name', 'Manufacturer', 'Make', 'OEM']) {
          for (const model of ['Device model', 'Model']) {
            expect(detectColumns([model, manufacturer, pkid, serial])).toEqual({
              kind: 'header',
              map: { model: 0, manufacturer: 1, pkid: 2, serial: 3 },
              headings: [model, manufacturer, pkid, serial].map((h) => h.trim()),
            });
          }
        }
      }
    }
    expect(headingKey('Windows Product ID')).toBe(headingKey('windowsproductid'));
  });

  it('takes a one-column file without heading as PKIDs, and a headerless PKID column when exactly one cell is 13 digits', () => {
    expect(detectColumns(['3905012345678'])).toEqual({ kind: 'headerless', map: { pkid: 0 } });
    expect(detectColumns(['SN1', '3905012345678'])).toEqual({ kind: 'headerless', map: { pkid: 1 } });
  });

  it('explains a missing PKID column, and two columns for one field', () => {
    expect(detectColumns(['Serial Number', 'Model'])).toMatchObject({ kind: 'error', message: expect.stringMatching(/none holds the PKID/) });
    expect(detectColumns(['Serial Number', 'Model'], 'pkid-or-serial')).toMatchObject({ kind: 'header', map: { serial: 0, model: 1 } });
    expect(detectColumns(['PKID', 'Windows Product ID'])).toMatchObject({ kind: 'error', message: expect.stringMatching(/two columns for the same thing \("PKID" and "Windows Product ID"\)/) });
    expect(detectColumns(['Asset', 'Where'])).toMatchObject({ kind: 'error', message: expect.stringMatching(/does not name the columns/) });
  });

  it('takes a devices file by its identity columns: a hardware hash, or serial + manufacturer + model, without a PKID column', () => {
    const gwai = ['Device Serial Number', 'Windows Product ID', 'Hardware Hash', 'Group Tag', 'Assigned User'];
    expect(detectColumns(gwai, 'identity')).toMatchObject({ kind: 'header', map: { serial: 0, pkid: 1, hash: 2 } });
    expect(detectColumns(['Serial Number', 'Manufacturer', 'Model', '4K Hardware Hash'], 'identity')).toMatchObject({ kind: 'header', map: { hash: 3 } });
    expect(detectColumns(['Device Serial Number', 'Manufacturer name', 'Device model'], 'identity')).toMatchObject({ kind: 'header', map: { serial: 0, manufacturer: 1, model: 2 } });
    expect(detectColumns(['Device Serial Number', 'Device model'], 'identity')).toMatchObject({
      kind: 'error',
      message: expect.stringMatching(/^Line 1 has a serial number column but no PKID or hardware hash column.*add "Manufacturer name" \(spelled exactly as the firmware/),
    });
    expect(detectColumns(['Device Serial Number'], 'identity')).toMatchObject({ kind: 'error', message: expect.stringMatching(/add "Manufacturer name" and "Device model"/) });
    expect(detectColumns(['Group Tag', 'Manufacturer name'], 'identity')).toMatchObject({ kind: 'error', message: expect.stringMatching(/none identifies a device: a file needs a PKID column/) });
    expect(detectColumns(['Asset', 'Where'], 'identity')).toMatchObject({ kind: 'error', message: expect.stringMatching(/no device identity can be found.*"Hardware Hash"/) });
  });
});
