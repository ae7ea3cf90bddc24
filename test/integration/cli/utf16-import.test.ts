// A UTF-16 file saved without a BOM was refused as "binary file (NUL bytes)". The real CLI reads it
// (little- and big-endian) into a real station; real binary files stay refused.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { makeTempDir } from '../../helpers/temp-station';
import { docksideEntry } from '../../helpers/dockside-entry';

// Each step is a real `dockside` child process (tsx start-up, a station opened): seconds apiece on a
// loaded machine, so these tests get minutes rather than the default half-minute.
vi.setConfig({ testTimeout: 240_000, hookTimeout: 240_000 });

const env = { ...process.env, DOCKSIDE_AS: 'Ada', DOCKSIDE_PIN: '482913' };
const dockside = (args: string[]) => {
  const r = spawnSync(process.execPath, [docksideEntry(), ...args], { encoding: 'utf8', env });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

const csv = ['Windows Product ID\tDevice Serial Number\tManufacturer name\tDevice model', '3905012345678\tSN-Ä1\tLENOVO\t20XW', '3905012345679\tSN-2\tLENOVO\t20XW', '3905012345680\tSN-3\tLENOVO\t20XW', ''].join('\r\n');

function utf16be(text: string): Buffer {
  const le = Buffer.from(text, 'utf16le');
  for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return le;
}

let dir: string;
let files: string;

beforeAll(() => {
  dir = makeTempDir();
  files = makeTempDir();
  expect(dockside(['init', '--data-dir', dir, '--admin', 'Ada', '--pin', '482913']).code).toBe(0);
  expect(dockside(['batches', 'create', 'PO 16', '--data-dir', dir]).code).toBe(0);
}, 240_000);

describe('import of UTF-16 without a BOM', () => {
  it('reads little-endian UTF-16 without a BOM and imports every line', () => {
    const file = join(files, 'devices-le.txt');
    writeFileSync(file, Buffer.from(csv, 'utf16le'));
    const r = dockside(['import', file, '--batch', 'PO 16', '--data-dir', dir]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/3 lines \(utf-16le, delimiter tab\): 3 to import, 0 refused/);
    expect(r.out).toMatch(/Imported 3 devices/);
    expect(dockside(['status', 'PO 16', '--data-dir', dir]).out).toContain('SN-Ä1');
  }, 240_000);

  it('reads big-endian UTF-16 without a BOM', () => {
    const file = join(files, 'devices-be.txt');
    writeFileSync(file, utf16be(csv));
    const r = dockside(['import', file, '--batch', 'PO 16', '--dry-run', '--data-dir', dir]);
    expect(r.out).toMatch(/3 lines \(utf-16be, delimiter tab\)/);
  }, 240_000);

  it('still refuses real binary files: 16-bit numbers (zeros on alternate bytes), an image, a station backup', () => {
    const numbers = Buffer.alloc(4000);
    for (let i = 0; i < 2000; i++) numbers.writeUInt16LE(i % 256, i * 2);
    writeFileSync(join(files, 'numbers.bin'), numbers);
    const r = dockside(['import', join(files, 'numbers.bin'), '--batch', 'PO 16', '--data-dir', dir]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/binary file/);
    expect(dockside(['import', 'test/fixtures/import/binary.png', '--batch', 'PO 16', '--data-dir', dir]).err).toMatch(/PNG image/);
    expect(dockside(['import', join(dir, 'dockside.sqlite'), '--batch', 'PO 16', '--data-dir', dir]).err).toMatch(/SQLite database|binary file/);
  }, 240_000);
});
