// Fleet figures on a throwaway PostgreSQL 15 cluster (127.0.0.1, removed after) and two stations'
// real SQLite files, each through its own station role:
// push_10k_s              Dock 1's first round: 10,000 PKID claims pushed (and nothing to pull)
// exchange_10k_s          Dock 3's first round: its 10,000 claims pushed (1,000 of them Dock 1's boxes)
//                         and Dock 1's 10,000 pulled into its copy
// flagged                 Dock 3's lines the hub gave to Dock 1 (must be 1,000)
// idle_round_ms           a round with nothing new, connection kept (median of 20; p99 beside it): the cost every 2 s
// scan_check_p50/p99_ms   firstScannedElsewhere on the scan path against the 10,000-row copy
// approval_gate_10k_ms    the approval gate's count over Dock 3's 10,000-line batch
// release_round_ms        Dock 1 removes 1,000 lines; its round that gives them back, then Dock 3's
//                         round that pulls the releases, claims its 1,000 lines again and clears them
// scan_to_dock_p50/p99_ms both docks' loops running (2 s ticks): a PKID scanned at Dock 1 (scans:record)
//                         until Dock 3's copy knows it (its duplicate verdict), 40 scans
// five_docks_push_s       five more stations with 10,000 lines each push at once (their first rounds),
//                         and five_docks_rows_per_s the hub's claims per second over that time
// pull_1m_*, claim_*, lookup_one_*  the hub at 1,000,000 devices (bench/_fleet-million.ts)
import { performance } from 'node:perf_hooks';
import { Fleet } from '../electron/core/fleet/fleet';
import { firstScannedElsewhere, lineFlags } from '../electron/core/fleet/lookups';
import { batchFleetState } from '../db/hub/local/outbox';
import { startPgCluster } from '../test/helpers/pg-cluster';
import { tempStation, type TempStation } from '../test/helpers/temp-station';
import { readyHub, STATION_PASSWORD } from '../test/integration/fleet/fleet-roles';
import { seedDevices } from './_seed';
import { millionDeviceHub } from './_fleet-million';
import { percentile, round } from './stats';

const LINES = 10_000;
const SHARED = 1_000;

async function dock(name: string, url: string, firstPkid: number): Promise<{ t: TempStation; fleet: Fleet; batchId: number; token: string }> {
  const t = await tempStation();
  const token = await t.tokenFor('lead', `${name} lead`);
  const created = await t.station.call('batches:create', { name: `${name} bench` }, { sessionToken: token });
  if (!created.ok) throw new Error(created.error.message);
  const operatorId = (t.station.database.sqlite.prepare('SELECT id FROM operators WHERE name = ?').get(`${name} lead`) as { id: number }).id;
  seedDevices(t.station, created.value.id, operatorId, LINES, firstPkid);
  const fleet = new Fleet({ db: t.station.database.db, dataDir: t.station.dataDir, station: t.station.identity, now: Date.now, events: t.station.events, password: STATION_PASSWORD });
  await fleet.join(url, name);
  return { t, fleet, batchId: created.value.id, token };
}

/** Both loops on their normal 2 s tick; each sample is one scan at `from` until `to`'s copy knows the box. */
async function scanToOtherDock(from: { t: TempStation; fleet: Fleet; batchId: number; token: string }, to: TempStation): Promise<number[]> {
  const toFleet = new Fleet({ db: to.station.database.db, dataDir: to.station.dataDir, station: to.station.identity, now: Date.now, events: to.station.events, password: STATION_PASSWORD });
  from.fleet.start();
  toFleet.start();
  try {
    await new Promise((r) => setTimeout(r, 1500));
    const samples: number[] = [];
    for (let i = 0; i < 40; i++) {
      const pkid = String(7_000_000_000_000 + i);
      const started = performance.now();
      const scanned = await from.t.station.call('scans:record', { batchId: from.batchId, raw: pkid, source: 'wedge', confirmPkid: true }, { sessionToken: from.token });
      if (!scanned.ok || scanned.value.verdict !== 'accepted') throw new Error(`scan ${pkid}: ${JSON.stringify(scanned)}`);
      while (firstScannedElsewhere(to.station.database.db, { pkid }) === null) {
        if (performance.now() - started > 30_000) throw new Error(`${pkid} never reached the other dock`);
        await new Promise((r) => setTimeout(r, 5));
      }
      samples.push(performance.now() - started);
      // Scans a few hundred ms apart, as at a dock, so each sample starts with the loops at rest.
      await new Promise((r) => setTimeout(r, 200 + ((i * 37) % 300)));
    }
    return samples;
  } finally {
    from.fleet.stop();
    toFleet.stop();
    await from.fleet.settled();
    await toFleet.settled();
  }
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await fn();
  return { ms: performance.now() - started, value };
}

export async function run(): Promise<Record<string, number>> {
  const cluster = await startPgCluster();
  const stations: TempStation[] = [];
  try {
    const five = ['dock_c', 'dock_d', 'dock_e', 'dock_f', 'dock_g'];
    const urls = await readyHub(cluster, ['dock_a', 'dock_b', ...five, 'dock_m']);
    const a = await dock('Dock 1', urls.stations.dock_a ?? '', 5_000_000_000_000);
    const b = await dock('Dock 3', urls.stations.dock_b ?? '', 5_000_000_000_000 + LINES - SHARED);
    stations.push(a.t, b.t);

    const push = await timed(() => a.fleet.syncOnce());
    if (!push.value.ok || push.value.pushed !== LINES) throw new Error(`first push: ${JSON.stringify(push.value)}`);
    const exchange = await timed(() => b.fleet.syncOnce());
    if (!exchange.value.ok) throw new Error(exchange.value.message);
    await a.fleet.syncOnce();

    // As a long-lived front door runs them: the loop keeps its hub connection between rounds (its own
    // tick is an hour away here, so only these rounds run).
    b.fleet.start(3_600_000);
    await b.fleet.syncOnce();
    const idle: number[] = [];
    for (let i = 0; i < 20; i++) idle.push((await timed(() => b.fleet.syncOnce())).ms);
    b.fleet.stop();
    await b.fleet.settled();

    const db = b.t.station.database.db;
    const checks: number[] = [];
    for (let i = 0; i < 2_000; i++) {
      const started = performance.now();
      firstScannedElsewhere(db, { pkid: String(5_000_000_000_000 + ((i * 7919) % (2 * LINES))) });
      checks.push(performance.now() - started);
    }
    const gate = await timed(async () => batchFleetState(db, b.batchId));
    if (gate.value.heldElsewhere !== SHARED) throw new Error(`expected ${SHARED} lines held elsewhere, got ${gate.value.heldElsewhere}`);

    // Dock 1 takes out the shared boxes (a return): they go back to the fleet, and Dock 3 gets them.
    a.t.station.database.sqlite.prepare(`UPDATE devices SET removed_at = ?, removed_reason = 'bench' WHERE pkid >= ?`).run(Date.now(), String(5_000_000_000_000 + LINES - SHARED));
    const giveBack = await timed(() => a.fleet.syncOnce());
    const takeUp = await timed(() => b.fleet.syncOnce());
    if (!takeUp.value.ok || takeUp.value.reclaimed.length !== SHARED) throw new Error(`release round: ${JSON.stringify(takeUp.value.ok ? { reclaimed: takeUp.value.reclaimed.length } : takeUp.value)}`);
    const ids = (b.t.station.database.sqlite.prepare('SELECT id FROM devices').all() as { id: number }[]).map((r) => r.id);
    if (lineFlags(db, ids).size !== 0) throw new Error('lines still flagged after the release round');

    const crossDock = await scanToOtherDock(a, b.t);

    const others: Awaited<ReturnType<typeof dock>>[] = [];
    for (const [i, role] of five.entries()) others.push(await dock(`Dock ${10 + i}`, urls.stations[role] ?? '', 6_000_000_000_000 + i * LINES));
    stations.push(...others.map((o) => o.t));
    const fivePush = await timed(() => Promise.all(others.map((o) => o.fleet.syncOnce())));
    for (const r of fivePush.value) if (!r.ok || r.pushed !== LINES) throw new Error(`five docks: ${JSON.stringify(r.ok ? { pushed: r.pushed } : r)}`);

    // Last: the million rows would weigh on every figure above.
    const million = await millionDeviceHub(urls.owner, urls.stations.dock_m ?? '');
    stations.push(million.station);

    return {
      ...million.figures,
      scan_to_dock_p50_ms: round(percentile(crossDock, 50)),
      scan_to_dock_p99_ms: round(percentile(crossDock, 99)),
      five_docks_push_s: round(fivePush.ms / 1000),
      five_docks_rows_per_s: Math.round((5 * LINES) / (fivePush.ms / 1000)),
      push_10k_s: round(push.ms / 1000),
      exchange_10k_s: round(exchange.ms / 1000),
      flagged: exchange.value.flagged.length,
      idle_round_ms: round(percentile(idle, 50)),
      idle_round_p99_ms: round(percentile(idle, 99)),
      scan_check_p50_ms: round(percentile(checks, 50), 3),
      scan_check_p99_ms: round(percentile(checks, 99), 3),
      approval_gate_10k_ms: round(gate.ms),
      release_give_back_1k_ms: round(giveBack.ms),
      release_take_up_1k_ms: round(takeUp.ms),
    };
  } finally {
    for (const t of stations) t.cleanup();
    cluster.destroy();
  }
}
