// A station at a big site's size: 1,000,000 devices across 200 batches. Opening it (integrity check of
// the small tables, migrations checked, audit key found, ready for the first call), listing batches
// with their live counts, and finding one box by PKID, each through the real dispatcher. The check at
// open is also timed alone, next to one full quick_check, which is why the bulk tables are left out.
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { quickCheckAtOpen } from '../db/open';
import { createStation } from '../electron/core/station';
import { silentLogger } from '../electron/core/log';
import { tempStation } from '../test/helpers/temp-station';
import { seedDevices } from './_seed';
import { round, summary } from './stats';

const DEVICES = 1_000_000;
const BATCHES = 200;

export async function run(): Promise<Record<string, unknown>> {
  const t = await tempStation();
  const token = await t.tokenFor('lead', 'Bench');
  const per = DEVICES / BATCHES;
  for (let b = 0; b < BATCHES; b++) {
    const batch = await t.station.call('batches:create', { name: `Pallet ${b}` }, { sessionToken: token });
    if (!batch.ok) throw new Error(batch.error.message);
    seedDevices(t.station, batch.value.id, 1, per, 1_000_000_000_000 + b * per);
  }
  t.station.close();

  const probe = new Database(join(t.dataDir, 'dockside.sqlite'), { readonly: true });
  const checks: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    quickCheckAtOpen(probe, 'bench');
    checks.push(performance.now() - started);
  }
  const fullStarted = performance.now();
  probe.pragma('quick_check');
  const fullQuickCheckMs = performance.now() - fullStarted;
  probe.close();

  const opened = performance.now();
  const station = await createStation({ dataDir: t.dataDir, logger: silentLogger });
  const info = await station.call('station:info', {});
  const openMs = performance.now() - opened;
  if (!info.ok) throw new Error('station did not answer after opening');
  try {
    const signIn = await station.call('session:signIn', { name: 'Bench', pin: '739154' });
    if (!signIn.ok) throw new Error(signIn.error.message);
    const session = { sessionToken: signIn.value.token };
    const lists: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      const list = await station.call('batches:list', {}, session);
      lists.push(performance.now() - started);
      if (!list.ok || list.value.length !== BATCHES) throw new Error('batch list incomplete');
    }
    const lookups: number[] = [];
    for (let i = 0; i < 200; i++) {
      const pkid = String(1_000_000_000_000 + Math.floor(Math.random() * DEVICES));
      const started = performance.now();
      const found = await station.call('review:find', { query: pkid }, session);
      lookups.push(performance.now() - started);
      if (!found.ok) throw new Error(found.error.message);
    }
    return {
      open_1m_ms: round(openMs, 1),
      open_check_1m_ms: summary(checks).p50,
      full_quick_check_1m_ms: round(fullQuickCheckMs, 0), list_1m_ms: summary(lists).p50, lookup_1m_ms: summary(lookups).p50, lookup_1m_ms_p99: summary(lookups).p99,
      devices: DEVICES,
    };
  } finally {
    station.close();
    t.cleanup();
  }
}
