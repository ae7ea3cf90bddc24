// The station's first promise: an acknowledged scan is never lost and never doubled, whenever the
// process dies. A child host records scans at full speed and is killed with SIGKILL at a random
// moment; then the database must hold every acknowledged scan exactly once and pass every check.
// DOCKSIDE_FAULT_RUNS sets the number of kills (50 inside npm test, 1,000 for npm run test:fault).
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { verifyStation } from '../../electron/core/verify';
import { chainKeysForDataDir } from '../../electron/core/audit-seal/data-dir-keys';
import { startHostProcess } from '../helpers/host-process';
import { tempStation, type TempStation } from '../helpers/temp-station';

const RUNS = Number(process.env.DOCKSIDE_FAULT_RUNS ?? '50');
let seed: TempStation;
let batchId = 0;

beforeAll(async () => {
  seed = await tempStation();
  const token = await seed.tokenFor('operator', 'Olga');
  const batch = await seed.station.call('batches:create', { name: 'Crash' }, { sessionToken: token });
  if (!batch.ok) throw new Error(batch.error.message);
  batchId = batch.value.id;
  seed.station.close();
});
afterAll(() => seed.cleanup());

function pkidFor(n: number): string {
  // Fixed prefix + counter; the last digit is chosen so the value never passes the EAN-13 check.
  const body = String(390_000_000_000 + n);
  const sum = [...body].reduce((acc, d, i) => acc + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
  const ean = (10 - (sum % 10)) % 10;
  return body + String((ean + 1) % 10);
}

it(`keeps every acknowledged scan exactly once across ${RUNS} SIGKILLs`, async () => {
  const acknowledged = new Set<string>();
  let next = 0;
  let inFlightLost = 0;
  for (let run = 0; run < RUNS; run++) {
    const host = await startHostProcess(seed.dataDir);
    const signIn = await host.rpc<{ token: string }>('session:signIn', { name: 'Olga', pin: '602817' });
    const session = signIn.value?.token;
    expect(session).toBeTruthy();
    let alive = true;
    const killer = new Promise<void>((resolve) =>
      setTimeout(() => {
        alive = false;
        void host.kill().then(resolve);
      }, 20 + Math.random() * 300),
    );
    while (alive) {
      const pkid = pkidFor(next++);
      try {
        const result = await host.rpc<{ verdict: string }>('scans:record', { batchId, raw: pkid, source: 'wedge' }, session);
        if (result.ok && result.value?.verdict === 'accepted') acknowledged.add(pkid);
        else if (alive) throw new Error(`scan refused while alive: ${JSON.stringify(result)}`);
      } catch (err) {
        if (alive) throw err;
        inFlightLost++;
      }
    }
    await killer;
    const db = new Database(join(seed.dataDir, 'dockside.sqlite'));
    try {
      const rows = db.prepare('SELECT pkid, count(*) AS n FROM devices WHERE removed_at IS NULL GROUP BY pkid').all() as { pkid: string; n: number }[];
      const stored = new Map(rows.map((r) => [r.pkid, r.n]));
      for (const pkid of acknowledged) expect(stored.get(pkid), `acknowledged ${pkid} after run ${run}`).toBe(1);
      for (const [pkid, n] of stored) expect(n, `stored ${pkid} more than once`).toBe(1);
      const report = verifyStation(db, await chainKeysForDataDir(seed.dataDir));
      expect(report, `verify after run ${run}`).toMatchObject({ ok: true });
    } finally {
      db.close();
    }
  }
  expect(acknowledged.size).toBeGreaterThan(RUNS);
  console.log(`scan-crash: ${RUNS} kills, ${acknowledged.size} acknowledged scans kept, ${inFlightLost} in-flight requests cut by a kill`);
}, 3_600_000);
