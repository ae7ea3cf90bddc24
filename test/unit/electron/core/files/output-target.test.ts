import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OutputRefused, outputTarget } from '../../../../../electron/core/files/output-target';

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'dockside-output-target-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

const request = (out: string) => ({ out, dataDir, defaultName: 'report.csv', force: true });

describe('outputTarget', () => {
  // Secrets beside the database: an export over one would lose the key (or the hub's password) for good.
  it.each(['audit.key', 'partner-center-token-cache.bin', 'fleet-hub-password.bin', 'fleet-hub-password.key.dpapi', 'FLEET-HUB-PASSWORD.BIN'])('refuses %s in the data folder even with --force', (name) => {
    writeFileSync(join(dataDir, name.toLowerCase()), 'secret');
    expect(() => outputTarget(request(join(dataDir, name)))).toThrow(OutputRefused);
    expect(() => outputTarget(request(join(dataDir, name)))).toThrow(/one of the station's own files/);
  });

  it('allows another file in the data folder', () => {
    expect(outputTarget(request(join(dataDir, 'fleet-report.csv')))).toEqual({ path: join(dataDir, 'fleet-report.csv'), replaces: false });
  });
});
