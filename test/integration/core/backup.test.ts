// Backups of a real station on a real SQLite file: the station keeps taking scans while a backup of a
// large database copies step by step, one backup runs at a time, each is audited, and old routine copies
// are pruned while copies taken before a migration are kept.
import Database from 'better-sqlite3';
import { copyFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ScanVerdict } from '../../../shared/contract/scans';
import { scanStation, type ScanStation } from '../../helpers/scan-station';
import { createStation } from '../../../electron/core/station';
import { silentLogger } from '../../../electron/core/log';
import { makeTempDir, tempStation, type TempStation } from '../../helpers/temp-station';
import { insertDevicesInBulk } from '../../helpers/bulk-devices';

let t: ScanStation | TempStation | undefined;
afterEach(() => {
  t?.cleanup();
  t = undefined;
});

function pkidFor(n: number): string {
  // Outside the seeded range; confirmPkid accepts a value that is not a valid EAN-13.
  return String(3_800_000_000_000 + n * 10 + 1);
}

function integrity(path: string): string {
  const copy = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return copy.pragma('integrity_check', { simple: true }) as string;
  } finally {
    copy.close();
  }
}

function pkidsIn(path: string): Set<string> {
  const copy = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return new Set((copy.prepare('SELECT pkid FROM devices').all() as { pkid: string }[]).map((r) => r.pkid));
  } finally {
    copy.close();
  }
}

describe('backup:run on a large database', () => {
  it('keeps acknowledging scans while the backup copies, and the copy is whole and holds them', async () => {
    const s = await scanStation();
    t = s;
    insertDevicesInBulk(s.station.database.sqlite, s.batchId, 200_000);
    const lead = { sessionToken: await s.tokenFor('lead') };
    let settled = false;
    const acknowledged: string[] = [];
    const scans: Promise<void>[] = [];
    let steps = 0;
    // Each progress callback is a point between two copy steps: one scan is recorded there.
    const off = s.station.backups.onProgress(({ remainingPages }) => {
      steps++;
      expect(remainingPages).toBeGreaterThan(0);
      if (scans.length >= 20) return;
      const pkid = pkidFor(scans.length);
      scans.push(
        s.scan(pkid, { confirmPkid: true }).then((v: ScanVerdict) => {
          expect(v.verdict).toBe('accepted');
          // Acknowledged before the backup's promise settled: the station did not wait for it.
          expect(settled).toBe(false);
          acknowledged.push(pkid);
        }),
      );
    });
    const result = await s.station.call('backup:run', {}, lead).then((r) => {
      settled = true;
      return r;
    });
    off();
    await Promise.all(scans);
    if (!result.ok) throw new Error(result.error.message);
    expect(steps).toBeGreaterThanOrEqual(20);
    expect(acknowledged).toHaveLength(20);
    expect(result.value).toMatchObject({ fileName: expect.stringMatching(/^manual-\d+\.sqlite$/), pages: expect.any(Number) });
    expect(result.value.pages).toBeGreaterThan(20 * 256);
    expect(integrity(result.value.path)).toBe('ok');
    const live = new Set((s.station.database.sqlite.prepare('SELECT pkid FROM devices').all() as { pkid: string }[]).map((r) => r.pkid));
    for (const pkid of acknowledged) expect(live.has(pkid)).toBe(true);
    // Writes through the backup's own connection reach the copy too, so it is current as of its end.
    const copied = pkidsIn(result.value.path);
    expect(copied.size).toBe(200_020);
    for (const pkid of acknowledged) expect(copied.has(pkid)).toBe(true);
    // No temp file is left beside the finished copy.
    expect(readdirSync(s.station.backups.dir)).toEqual([result.value.fileName]);
  });
});

describe('backup:run and backup:list', () => {
  it('runs one backup at a time and says so to a second request', async () => {
    const s = await tempStation();
    t = s;
    const lead = { sessionToken: await s.tokenFor('lead') };
    const first = s.station.call('backup:run', {}, lead);
    const second = await s.station.call('backup:run', {}, lead);
    expect(second).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', message: expect.stringMatching(/already running/) } });
    expect(await first).toMatchObject({ ok: true });
    expect(await s.station.call('backup:run', {}, lead)).toMatchObject({ ok: true });
  });

  it('is for leads and admins only', async () => {
    const s = await tempStation();
    t = s;
    const operator = { sessionToken: await s.tokenFor('operator') };
    expect(await s.station.call('backup:run', {}, operator)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await s.station.call('backup:list', {}, operator)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('lists newest first with kinds, audits each backup, prunes routine copies beyond backup.keep and never a pre-migration copy', async () => {
    let clock = 1_800_000_000_000;
    const s = await tempStation({ now: () => clock });
    t = s;
    const admin = { sessionToken: await s.tokenFor('admin') };
    expect(await s.station.call('settings:update', { key: 'backup.keep', value: 2 }, admin)).toMatchObject({ ok: true });
    const made: string[] = [];
    for (let i = 0; i < 3; i++) {
      clock += 60_000;
      const r = await s.station.call('backup:run', {}, admin);
      if (!r.ok) throw new Error(r.error.message);
      made.push(r.value.fileName);
      if (i === 0) copyFileSync(r.value.path, join(s.station.backups.dir, `before-0003_some_migration-${clock - 1}.sqlite`));
    }
    const listed = await s.station.call('backup:list', {}, admin);
    if (!listed.ok) throw new Error(listed.error.message);
    expect(listed.value).toMatchObject({ intervalHours: 24, keep: 2, running: false, dir: s.station.backups.dir });
    expect(listed.value.backups.map((b) => [b.fileName, b.kind])).toEqual([
      [made[2], 'on-demand'],
      [made[1], 'on-demand'],
      [`before-0003_some_migration-${1_800_000_060_000 - 1}.sqlite`, 'before-migration'],
    ]);
    expect(listed.value.backups.every((b) => b.bytes > 0)).toBe(true);
    const audited = s.station.database.sqlite.prepare("SELECT operator_name AS who, object_id AS file, result FROM audit WHERE action = 'backup:created' ORDER BY id").all();
    expect(audited).toEqual(made.map((file) => ({ who: 'Ada Admin', file, result: 'ok' })));
  });
});

describe('the backup schedule', () => {
  it('catches up at start when there is no recent backup, audited as scheduled, with no operator', async () => {
    const dataDir = makeTempDir();
    const station = await createStation({ dataDir, logger: silentLogger, pinCost: 10, backupSchedule: true });
    try {
      // The first scheduled copy is announced by its audit row.
      await new Promise<void>((resolve) => {
        const off = station.events.on('db:changed', ({ tables }) => {
          if (tables.includes('audit') && station.backups.list().length > 0) {
            off();
            resolve();
          }
        });
      });
      const [only, ...rest] = station.backups.list();
      expect(rest).toEqual([]);
      expect(only).toMatchObject({ kind: 'scheduled', fileName: expect.stringMatching(/^scheduled-\d+\.sqlite$/) });
      expect(integrity(only?.path ?? '')).toBe('ok');
      const row = station.database.sqlite.prepare("SELECT operator_id AS who, detail FROM audit WHERE action = 'backup:created'").get() as { who: number | null; detail: string };
      expect(row.who).toBeNull();
      expect(JSON.parse(row.detail)).toMatchObject({ kind: 'scheduled' });
    } finally {
      station.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
