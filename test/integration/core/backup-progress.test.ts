// backup:progress on a real station with a real SQLite file of 50,000 devices: the start, the copy
// steps and the end reach every listener of the core and the browser host's event stream, ending with
// everything copied; a stopped backup ends saying it failed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BackupProgressEvent } from '../../../shared/contract/backup';
import type { StationConfig } from '../../../electron/core/station';
import { startHost } from '../../../electron/host/server';
import { makeTempDir, tempStation, type TempStation } from '../../helpers/temp-station';
import { insertDevicesInBulk } from '../../helpers/bulk-devices';

let t: TempStation | undefined;
afterEach(() => {
  t?.cleanup();
  t = undefined;
});

const DEVICES = 50_000;

/** A station holding DEVICES devices, and a lead's session. */
async function largeStation(config: Partial<StationConfig> = {}): Promise<{ s: TempStation; lead: { sessionToken: string } }> {
  const s = await tempStation(config);
  t = s;
  const lead = { sessionToken: await s.tokenFor('lead') };
  const batch = await s.station.call('batches:create', { name: 'PO-50000' }, lead);
  if (!batch.ok) throw new Error(batch.error.message);
  insertDevicesInBulk(s.station.database.sqlite, batch.value.id, DEVICES);
  return { s, lead };
}

function record(s: TempStation): BackupProgressEvent[] {
  const events: BackupProgressEvent[] = [];
  s.station.events.on('backup:progress', (e) => events.push(e));
  return events;
}

function expectWellFormed(events: BackupProgressEvent[], pages: number): void {
  const [first] = events;
  const last = events.at(-1);
  expect(first).toMatchObject({ running: true, kind: 'on-demand', copiedPages: 0, outcome: null });
  expect(first!.totalPages).toBeGreaterThan(0);
  expect(last).toEqual({ running: false, kind: 'on-demand', copiedPages: pages, totalPages: pages, outcome: 'ok' });
  expect(events.slice(0, -1).every((e) => e.running && e.outcome === null && e.copiedPages <= e.totalPages)).toBe(true);
  const copied = events.map((e) => e.copiedPages);
  expect(copied).toEqual([...copied].sort((a, b) => a - b));
}

describe('backup:progress', () => {
  it('reports the start, every copy step of a large database and the end at totalPages (no thinning)', async () => {
    const { s, lead } = await largeStation({ backupProgressEveryMs: 0 });
    const events = record(s);
    let steps = 0;
    s.station.backups.onProgress(() => steps++);
    const result = await s.station.call('backup:run', {}, lead);
    if (!result.ok) throw new Error(result.error.message);

    expect(steps).toBeGreaterThanOrEqual(5);
    expect(events).toHaveLength(steps + 2);
    expectWellFormed(events, result.value.pages);
    // Steps say the exact size; copying moves forward every step.
    const during = events.slice(1, -1);
    expect(during.every((e) => e.totalPages === result.value.pages)).toBe(true);
    for (let i = 1; i < during.length; i++) expect(during[i]!.copiedPages).toBeGreaterThan(during[i - 1]!.copiedPages);
  });

  it('thins the steps by default, and still starts at 0 and ends with everything copied', async () => {
    const { s, lead } = await largeStation();
    const events = record(s);
    let steps = 0;
    s.station.backups.onProgress(() => steps++);
    const result = await s.station.call('backup:run', {}, lead);
    if (!result.ok) throw new Error(result.error.message);

    expect(steps).toBeGreaterThanOrEqual(5);
    expect(events.length).toBeGreaterThanOrEqual(2);
    expect(events.length).toBeLessThanOrEqual(steps + 2);
    expectWellFormed(events, result.value.pages);
  });

  it('ends a backup stopped by a closing station with outcome failed, where it stopped', async () => {
    const { s } = await largeStation({ backupProgressEveryMs: 0 });
    const events = record(s);
    s.station.backups.onProgress(() => s.station.backups.stop());
    // Called on the service: the channel would (rightly) hide the reason behind INTERNAL.
    await expect(s.station.backups.run('on-demand', null)).rejects.toThrow(/closing/);
    const last = events.at(-1);
    expect(last).toMatchObject({ running: false, kind: 'on-demand', outcome: 'failed' });
    expect(last!.copiedPages).toBeLessThan(last!.totalPages);
    expect(s.station.backups.list()).toEqual([]);
  });

  it('reaches the browser over the host event stream, ending at totalPages', async () => {
    const { s, lead } = await largeStation({ backupProgressEveryMs: 0 });
    const staticDir = join(makeTempDir(), 'renderer');
    mkdirSync(staticDir, { recursive: true });
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Dockside</title>');
    const host = await startHost({ station: s.station, port: 0, hostToken: 'progress-token-0123', staticDir });
    const controller = new AbortController();
    try {
      const stream = await fetch(`${host.origin}/events`, { headers: { 'x-dockside-token': 'progress-token-0123' }, signal: controller.signal });
      const reader = stream.body!.getReader();
      const result = await s.station.call('backup:run', {}, lead);
      if (!result.ok) throw new Error(result.error.message);
      let text = '';
      while (!text.includes('"running":false')) text += new TextDecoder().decode((await reader.read()).value);
      const sent = [...text.matchAll(/event: backup:progress\ndata: (.*)\n/g)].map((m) => JSON.parse(m[1]!) as BackupProgressEvent);
      expect(sent.length).toBeGreaterThanOrEqual(5);
      expectWellFormed(sent, result.value.pages);
    } finally {
      controller.abort();
      await host.close();
    }
  });
});
