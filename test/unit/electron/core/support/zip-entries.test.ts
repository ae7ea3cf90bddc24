import { randomBytes } from 'node:crypto';
import { unzipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { zipEntries } from '../../../../../electron/core/support/zip-entries';

describe('zipping a bundle a slice at a time', () => {
  it('round-trips empty, small and multi-slice files in order', async () => {
    const big = new Uint8Array(randomBytes(700 * 1024)); // three slices, incompressible
    const files = { 'versions.json': strToU8('{"app":"0.1.0"}\n'), 'empty.txt': new Uint8Array(0), 'logs/dockside.log': strToU8('{"msg":"x"}\n'.repeat(50_000)), 'blob.bin': big };
    const zipped = await zipEntries(files, Date.UTC(2026, 11, 5, 7, 0));
    const back = unzipSync(zipped);
    expect(Object.keys(back)).toEqual(Object.keys(files));
    for (const [name, data] of Object.entries(files)) expect(Buffer.from(back[name]!).equals(Buffer.from(data))).toBe(true);
    // The repetitive log really was compressed.
    expect(zipped.length).toBeLessThan(big.length + 50_000);
  });
});
