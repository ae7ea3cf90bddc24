// The long run of issue 7: the upload engine pushes DOCKSIDE_CHAOS_DEVICES devices (1,000 inside
// npm test, 10,000 for npm run test:fault) to the emulator over loopback while a seeded driver
// changes its switches every 1–3 s: 5xx, 429 with Retry-After, dropped connections, latency, and
// hangs that only the client's timeout ends. The driver stops once most chunks are through; then the
// engine must finish by itself with nothing lost, nothing registered twice and no unhandled rejection.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { verifyStation } from '../../electron/core/verify';
import { filedPkids, syncWorld, type SyncWorld } from '../helpers/sync-world';
import { startChaos, seededRandom } from './chaos-driver';

const DEVICES = Number(process.env.DOCKSIDE_CHAOS_DEVICES ?? '1000');
const SEED = Number(process.env.DOCKSIDE_CHAOS_SEED ?? '7');
const BATCH_SIZE = 1_000;
const CHUNK_SIZE = 25;
const CLIENT_TIMEOUT_MS = 400;
/** The driver stops when this share of chunks is finished; the rest runs on a clear line. */
const CHAOS_UNTIL = 0.9;

let w: SyncWorld;
let unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  w = await syncWorld({ filed: DEVICES, clientTimeoutMs: CLIENT_TIMEOUT_MS });
});
afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  await w.close();
});

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function count(sql: string): number {
  return (w.t.station.database.sqlite.prepare(sql).get() as { n: number }).n;
}

it(`uploads ${DEVICES} devices through seeded network chaos: none lost, none twice, no unhandled rejection`, async () => {
  unhandled = [];
  const pkids = filedPkids(DEVICES);
  for (let b = 0; b * BATCH_SIZE < DEVICES; b++) w.approvedBatch(`Chaos ${b + 1}`, pkids.slice(b * BATCH_SIZE, (b + 1) * BATCH_SIZE), CHUNK_SIZE);
  const chunks = count('SELECT count(*) AS n FROM uploads');
  const unfinished = () => count("SELECT count(*) AS n FROM uploads WHERE state NOT IN ('done', 'failed')");

  const started = performance.now();
  const engine = w.newEngine({ random: seededRandom(SEED + 1) });
  const chaos = startChaos(w.emu.control, { seed: SEED, hangBeyondMs: CLIENT_TIMEOUT_MS });
  engine.start();
  let figures;
  try {
    while (unfinished() > chunks * (1 - CHAOS_UNTIL)) await sleep(100);
  } finally {
    figures = chaos.stop();
  }
  const chaosMs = performance.now() - started;
  // A clear line: the engine must now finish on its own (the test's timeout is the only limit).
  while (unfinished() > 0) await sleep(100);
  await engine.stop();
  const durationMs = performance.now() - started;

  const sqlite = w.t.station.database.sqlite;
  const control = w.emu.control;
  const states = sqlite.prepare('SELECT state, count(*) AS n FROM devices GROUP BY state').all() as { state: string; n: number }[];
  const registered = states.find((s) => s.state === 'registered')?.n ?? 0;
  const failed = sqlite.prepare("SELECT pkid, error_code AS code, error_text AS text FROM devices WHERE state = 'failed'").all() as { pkid: string; code: string | null; text: string | null }[];
  const log = control.requests();
  const outcomes: Record<string, number> = {};
  for (const e of log) outcomes[e.outcome] = (outcomes[e.outcome] ?? 0) + 1;
  const late = log.filter((e) => e.outcome === 'answered' && e.ms > CLIENT_TIMEOUT_MS).length;
  const faulted = (outcomes.injected ?? 0) + (outcomes.dropped ?? 0) + (outcomes.hung ?? 0) + (outcomes.throttled ?? 0);
  const posts = log.filter((e) => e.method === 'POST').length;
  const reconciled = count("SELECT count(*) AS n FROM audit WHERE action = 'uploads:reconciled'");
  // Printed before the checks, so a failing run still leaves its figures.
  console.log(
    `network-chaos: ${DEVICES} devices (${registered} registered, ${failed.length} failed with reason) in ${chunks} chunks; ` +
      `${(durationMs / 1000).toFixed(1)} s (${(chaosMs / 1000).toFixed(1)} s under chaos, seed ${SEED}); ` +
      `${figures.episodes} fault episodes ${JSON.stringify(figures.byKind)}; ` +
      `${log.length} requests, ${faulted} faulted (${JSON.stringify(outcomes)}), ${late} answered after the client's ${CLIENT_TIMEOUT_MS} ms deadline; ` +
      `${posts} POSTs for ${chunks} chunks (${posts - chunks} re-sent), ${reconciled} reconciliations; ` +
      `${control.duplicates().length} duplicate registrations, ${unhandled.length} unhandled rejections`,
  );

  // The chaos was real: several episodes, and requests that failed or never came back.
  expect(figures.episodes).toBeGreaterThan(1);
  expect(faulted).toBeGreaterThan(0);
  expect(unhandled).toEqual([]);

  // Nothing lost: every device is registered, or failed with a code and a reason.
  expect(count('SELECT count(*) AS n FROM devices')).toBe(DEVICES);
  expect(registered + failed.length, JSON.stringify(states)).toBe(DEVICES);
  for (const f of failed) expect(f, `failed device ${f.pkid} carries no explanation`).toMatchObject({ code: expect.any(String), text: expect.stringMatching(/\w/) });

  // The emulator agrees: exactly the devices the station calls registered are registered there, once.
  expect(control.duplicates()).toEqual([]);
  const remote = new Set(control.registrations().map((r) => r.identity));
  const local = (sqlite.prepare("SELECT pkid FROM devices WHERE state = 'registered'").all() as { pkid: string }[]).map((r) => `pkid:${r.pkid}`);
  expect(remote.size).toBe(local.length);
  for (const id of local) expect(remote.has(id), `${id} registered locally but not remotely`).toBe(true);
  for (const f of failed) expect(remote.has(`pkid:${f.pkid}`), `${f.pkid} failed locally but registered remotely`).toBe(false);
  // And no device reached a handler twice: every resend after a lost answer was recognised.
  const received = new Map<string, number>();
  for (const r of control.receivedDevices()) received.set(r.device.productKey ?? '', (received.get(r.device.productKey ?? '') ?? 0) + 1);
  expect([...received].filter(([, n]) => n > 1)).toEqual([]);

  // The database and the audit chain are whole.
  expect(verifyStation(sqlite, w.t.station.identity.seal.chainKeys())).toMatchObject({ ok: true });
}, 3_600_000);
