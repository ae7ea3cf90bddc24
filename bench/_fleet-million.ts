// The fleet at warehouse scale: a hub holding 1,000,000 devices (seeded server-side by one
// INSERT … SELECT generate_series as the hub owner, not a million round trips), then
// pull_1m_s / pull_1m_rows_per_s / pull_1m_peak_rss_mb   a new station's first round: it pulls every
//                         other dock's identity into its copy (paged by the hub's id cursor), with the
//                         process's peak RSS during the round (sampled every 20 ms) and what it started at
// claim_batch_500_p50/p99_ms  at 1M rows, the station's push of a new batch: claims of 500 fresh PKIDs
//                         (INSERT … ON CONFLICT DO NOTHING under the push lock), 20 chunks
// claim_one_dup_p50/p99_ms    one claim of a PKID another dock holds (the hub answers "duplicate" and where)
// lookup_one_p50/p99_ms       one held-identity lookup by PKID against the 1M rows (the unique partial index)
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { and, eq, isNull } from 'drizzle-orm';
import pg from 'pg';
import { openHub } from '../db/hub/connect';
import { claimIdentities, type IdentityClaim } from '../db/hub/repos/identities';
import { identities } from '../db/hub/schema';
import { Fleet } from '../electron/core/fleet/fleet';
import { firstScannedElsewhere } from '../electron/core/fleet/lookups';
import { tempStation, type TempStation } from '../test/helpers/temp-station';
import { STATION_PASSWORD } from '../test/integration/fleet/fleet-roles';
import { percentile, round } from './stats';

export const MILLION = 1_000_000;
const FIRST_PKID = 8_000_000_000_000;

/** 1M identities of a dock "Dock 99" straight into the hub, as its owner (who is not bound by row-level security). */
async function seedMillion(ownerUrl: string): Promise<{ ms: number }> {
  const owner = new pg.Client({ connectionString: ownerUrl });
  await owner.connect();
  try {
    const started = performance.now();
    const id = randomUUID();
    await owner.query(`INSERT INTO stations (id, name, db_role) VALUES ($1, 'Dock 99', 'dock_99')`, [id]);
    await owner.query(
      `INSERT INTO identities (kind, pkid, station_id, station_seq, batch_name, operator_name, scanned_at)
       SELECT 'pkid', ($2::bigint + g)::text, $1, g, 'PO-' || (g / 10000), 'Olga', now() - make_interval(secs => ${MILLION} - g)
       FROM generate_series(1, ${MILLION}) AS g`,
      [id, FIRST_PKID],
    );
    await owner.query('ANALYZE identities');
    return { ms: performance.now() - started };
  } finally {
    await owner.end();
  }
}

async function sampledPeakRss<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T; peakMb: number; startMb: number }> {
  const startMb = process.memoryUsage.rss() / 2 ** 20;
  let peak = startMb;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss() / 2 ** 20)), 20);
  const started = performance.now();
  try {
    const value = await fn();
    return { ms: performance.now() - started, value, peakMb: Math.max(peak, process.memoryUsage.rss() / 2 ** 20), startMb };
  } finally {
    clearInterval(timer);
  }
}

const pkidClaim = (seq: number, pkid: string): IdentityClaim => ({ seq, kind: 'pkid', pkid, serial: null, manufacturer: null, model: null, hardwareHashSha256: null, batchName: 'PO-NEW', operatorName: 'Mia', scannedAt: new Date() });

export async function millionDeviceHub(ownerUrl: string, stationUrl: string): Promise<{ figures: Record<string, number>; station: TempStation }> {
  const seeded = await seedMillion(ownerUrl);
  const t = await tempStation();
  const fleet = new Fleet({ db: t.station.database.db, dataDir: t.station.dataDir, station: t.station.identity, now: Date.now, events: t.station.events, password: STATION_PASSWORD });
  await fleet.join(stationUrl, 'Dock 50');
  global.gc?.();
  const pull = await sampledPeakRss(() => fleet.syncOnce());
  if (!pull.value.ok) throw new Error(`first pull: ${pull.value.message}`);
  if (pull.value.pulled < MILLION) throw new Error(`first pull copied ${pull.value.pulled} identities, fewer than the ${MILLION} seeded`);
  if (firstScannedElsewhere(t.station.database.db, { pkid: String(FIRST_PKID + 777_777) })?.stationName !== 'Dock 99') throw new Error('the copy does not know a seeded box');

  const hub = await openHub({ url: stationUrl, password: STATION_PASSWORD });
  try {
    const stationId = t.station.identity.id;
    let seq = 50_000_000;
    const batches: number[] = [];
    for (let chunk = 0; chunk < 20; chunk++) {
      const claims = Array.from({ length: 500 }, (_, i) => pkidClaim(++seq, String(9_000_000_000_000 + chunk * 500 + i)));
      const started = performance.now();
      const answers = await claimIdentities(hub.db, stationId, claims);
      batches.push(performance.now() - started);
      if (answers.filter((a) => a.verdict === 'kept').length !== 500) throw new Error('a fresh PKID was not kept');
    }
    const dups: number[] = [];
    const lookups: number[] = [];
    for (let i = 0; i < 200; i++) {
      const pkid = String(FIRST_PKID + 1 + ((i * 4_999) % MILLION));
      let started = performance.now();
      const [answer] = await claimIdentities(hub.db, stationId, [pkidClaim(++seq, pkid)]);
      dups.push(performance.now() - started);
      if (answer?.verdict !== 'duplicate' || answer.first.stationName !== 'Dock 99') throw new Error(`claim of ${pkid}: ${JSON.stringify(answer)}`);
      started = performance.now();
      const held = await hub.db.select({ id: identities.id }).from(identities).where(and(eq(identities.kind, 'pkid'), eq(identities.pkid, pkid), isNull(identities.releasedAt)));
      lookups.push(performance.now() - started);
      if (held.length !== 1) throw new Error(`lookup of ${pkid} found ${held.length}`);
    }
    return {
      station: t,
      figures: {
        seed_1m_s: round(seeded.ms / 1000),
        pull_1m_rows: pull.value.pulled,
        pull_1m_s: round(pull.ms / 1000),
        pull_1m_rows_per_s: Math.round(pull.value.pulled / (pull.ms / 1000)),
        pull_1m_peak_rss_mb: Math.round(pull.peakMb),
        pull_1m_start_rss_mb: Math.round(pull.startMb),
        claim_batch_500_p50_ms: round(percentile(batches, 50)),
        claim_batch_500_p99_ms: round(percentile(batches, 99)),
        claim_one_dup_p50_ms: round(percentile(dups, 50)),
        claim_one_dup_p99_ms: round(percentile(dups, 99)),
        lookup_one_p50_ms: round(percentile(lookups, 50)),
        lookup_one_p99_ms: round(percentile(lookups, 99)),
      },
    };
  } finally {
    await hub.close();
  }
}
