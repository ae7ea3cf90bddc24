// Upload crash safety: `dockside sync --once` runs as a child and is killed with SIGKILL again and
// again, half the time right after a POST reached Partner Center (before its answer could be saved),
// half at random. After the last restart lets it finish, the emulator must show every device
// registered exactly once and the station must agree. DOCKSIDE_SYNC_KILLS sets the number of kills
// (20 inside npm test, 200 for npm run test:fault).
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { startEmulator, type RunningEmulator } from '../../electron/practice/emulator';
import { verifyStation } from '../../electron/core/verify';
import { chainKeysForDataDir } from '../../electron/core/audit-seal/data-dir-keys';
import { tempStation, type TempStation } from '../helpers/temp-station';
import { CUSTOMER, filedPkids, TOKEN } from '../helpers/sync-world';
import { docksideEntry } from '../helpers/dockside-entry';

const KILLS = Number(process.env.DOCKSIDE_SYNC_KILLS ?? '20');
const DEVICES = 120;
let emu: RunningEmulator;
let seed: TempStation;

let round = 0;

beforeAll(async () => {
  emu = await startEmulator({
    seed: { customers: [{ id: CUSTOMER, companyProfile: { companyName: 'Contoso Ltd', domain: 'contoso.onmicrosoft.com' }, relationshipToPartner: 'reseller' }] },
    switches: { throttle: { enabled: false }, latency: { ms: 15, jitterMs: 30 }, jobAdvance: { pollsPerStep: 1, msPerStep: 40 } },
  });
  seed = await tempStation();
  seed.station.database.sqlite.prepare("INSERT INTO customers (tenant_id, company_name, domain, relationship, refreshed_at) VALUES (?, 'Contoso Ltd', 'contoso.onmicrosoft.com', 'reseller', ?)").run(CUSTOMER, Date.now());
  seed.station.close();
});

/** A new round of work: DEVICES freshly filed PKIDs in three approved batches, chunks of 8. */
function approveRound(): void {
  const pkids = filedPkids(DEVICES, round * DEVICES);
  emu.control.addRegistryDevices(pkids.map((pkid) => ({ pkid })));
  const station = new Database(join(seed.dataDir, 'dockside.sqlite'));
  const now = Date.now();
  const insert = station.prepare("INSERT INTO devices (batch_id, pkid, raw, source, scanned_by, scanned_at, state, upload_id) VALUES (?, ?, ?, 'import', 1, ?, 'queued', ?)");
  const chunk = station.prepare("INSERT INTO uploads (batch_id, seq, state, created_at, updated_at, next_attempt_at) VALUES (?, ?, 'pending', ?, ?, ?)");
  station.transaction(() => {
    for (let b = 0; b < 3; b++) {
      const name = `Crash ${round}-${b}`;
      const batchId = Number(station.prepare("INSERT INTO batches (name, name_key, state, created_by, created_at, customer_tenant_id, approved_at) VALUES (?, ?, 'approved', 1, ?, ?, ?)").run(name, name.toLowerCase(), now, CUSTOMER, now).lastInsertRowid);
      const mine = pkids.slice(b * 40, b * 40 + 40);
      for (let c = 0; c * 8 < mine.length; c++) {
        const uploadId = Number(chunk.run(batchId, c, now, now, now).lastInsertRowid);
        for (const p of mine.slice(c * 8, c * 8 + 8)) insert.run(batchId, p, p, now, uploadId);
      }
    }
  })();
  station.close();
  round++;
}

afterAll(async () => {
  await emu.close();
  seed.cleanup();
});

function runSync(killAfterPost: boolean): Promise<{ killed: boolean; code: number | null }> {
  const child = spawn(process.execPath, [docksideEntry(), 'sync', '--once', '--poll-ms', '20', '--data-dir', seed.dataDir, '--partner-center-url', emu.url, '--token', TOKEN], { stdio: 'ignore' });
  return new Promise((resolve) => {
    let killed = false;
    const posts = () => emu.control.requests().filter((r) => r.method === 'POST').length;
    const before = posts();
    const kill = () => {
      if (child.exitCode === null) {
        killed = true;
        child.kill('SIGKILL');
      }
    };
    // Either the moment the next POST reaches the service, or a random moment.
    const watcher = killAfterPost
      ? setInterval(() => posts() > before && kill(), 2)
      : setTimeout(kill, 300 + Math.random() * 1500);
    child.once('exit', (code) => {
      clearInterval(watcher);
      clearTimeout(watcher);
      resolve({ killed, code });
    });
  });
}

it(`registers every device exactly once across ${KILLS} SIGKILLs of dockside sync`, async () => {
  let kills = 0;
  let aimedAtPost = 0;
  while (kills < KILLS) {
    approveRound();
    // Kill until a run finishes by itself: the round's uploads are then complete.
    for (;;) {
      const aim = kills % 2 === 0;
      const { killed } = await runSync(aim);
      if (!killed) break;
      kills++;
      if (aim) aimedAtPost++;
    }
    expect(emu.control.duplicates()).toEqual([]);
    expect(emu.control.stats().registrations).toBe(round * DEVICES);
  }
  const db = new Database(join(seed.dataDir, 'dockside.sqlite'));
  try {
    expect(db.prepare('SELECT state, count(*) AS n FROM devices GROUP BY state').all()).toEqual([{ state: 'registered', n: round * DEVICES }]);
    expect(db.prepare("SELECT count(*) AS n FROM uploads WHERE state != 'done'").get()).toEqual({ n: 0 });
    expect(verifyStation(db, await chainKeysForDataDir(seed.dataDir)).ok).toBe(true);
  } finally {
    db.close();
  }
  console.log(`sync-crash: ${kills} kills (${aimedAtPost} right after a POST reached the service) over ${round} rounds; ${round * DEVICES} devices registered once each`);
}, 3_600_000);
