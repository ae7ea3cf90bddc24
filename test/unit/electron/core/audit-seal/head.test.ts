import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { headPath, openHead, readHeadText, removeAbandonedHeadTemps, sealHead, writeHeadFile, type AuditHead } from '../../../../../electron/core/audit-seal/head';
import { makeTempDir } from '../../../../helpers/temp-station';

const head: AuditHead = { rows: 12, lastId: 12, lastHash: `k1:${'ab'.repeat(32)}`, keyedFrom: 1, at: 1_765_000_000_000 };
let dir: string;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('audit head', () => {
  it('opens with its own key, and only with it', () => {
    const key = randomBytes(32);
    const text = sealHead(key, head);
    expect(openHead(text, key, 'x')).toEqual({ state: 'ok', head, where: 'x' });
    expect(openHead(text, randomBytes(32), 'x')).toMatchObject({ state: 'altered', reason: expect.stringMatching(/seal does not match/) });
    expect(openHead(text, null, 'x')).toEqual({ state: 'unchecked', where: 'x' });
    expect(openHead(null, key, 'x')).toEqual({ state: 'missing', where: 'x' });
  });

  it('any changed field breaks the seal: a head cannot be moved back to hide cut-off rows', () => {
    const key = randomBytes(32);
    const sealed = JSON.parse(sealHead(key, head)) as Record<string, unknown>;
    for (const [field, value] of [['rows', 9], ['lastId', 9], ['lastHash', 'k1:00'], ['keyedFrom', null], ['at', 1]] as const) {
      expect(openHead(JSON.stringify({ ...sealed, [field]: value }), key, 'x').state, field).toBe('altered');
    }
    for (const junk of ['', 'null', '{}', '[1]', '{"format":"dockside-audit-head/1"}']) expect(openHead(junk, key, 'x').state).toBe('altered');
  });

  it('is written whole, 0600, and leaves no temp file', () => {
    const key = randomBytes(32);
    const path = headPath(dir);
    writeHeadFile(path, key, head);
    writeHeadFile(path, key, { ...head, rows: 13, lastId: 13 });
    expect(openHead(readHeadText(path), key, path)).toMatchObject({ state: 'ok', head: { rows: 13 } });
    expect(readdirSync(dir)).toEqual(['audit-head.json']);
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it("removes temp files of writers that were killed, never a live writer's", () => {
    const path = headPath(dir);
    writeFileSync(path, readFileSync(path, { flag: 'a+' }));
    const dead = `audit-head.json.${2 ** 22 + 12345}.aabbccddeeff.tmp`;
    const live = `audit-head.json.${process.pid}.aabbccddeeff.tmp`;
    writeFileSync(join(dir, dead), 'x');
    writeFileSync(join(dir, live), 'x');
    removeAbandonedHeadTemps(path);
    expect(readdirSync(dir).sort()).toEqual(['audit-head.json', live].sort());
  });
});
