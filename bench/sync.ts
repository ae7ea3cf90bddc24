// Upload throughput: 10,000 approved devices to the emulator with 50 ms latency per request, its
// default throttling, and jobs that take about 2 s to process (time-driven, as the real service runs
// them). Figures: time until every device is settled; the ratio to the shortest time any client could
// take (the throttle-and-latency bound for the requests that cannot be avoided, plus the last job's
// processing time); requests per device; the process's peak RSS while it runs.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createStation } from '../electron/core/station';
import { silentLogger } from '../electron/core/log';
import { staticTokenProvider } from '../electron/partner-center/token-provider';
import { queueUploadChunks } from '../electron/core/sync/outbox';
import { makeTempDir } from '../test/helpers/temp-station';
import { CUSTOMER, filedPkids, TOKEN } from '../test/helpers/sync-world';
import { round } from './stats';

const DEVICES = 10_000;
const CHUNK = 500;
const LATENCY_MS = 50;
const JOB_STEP_MS = 700;

export async function run(): Promise<Record<string, unknown>> {
  const pkids = filedPkids(DEVICES, 500_000);
  const dataDir = makeTempDir('dockside-bench-sync-');
  const emu = await startEmulatorProcess(dataDir, {
    customers: [{ id: CUSTOMER, companyProfile: { companyName: 'Contoso Ltd', domain: 'contoso.onmicrosoft.com' }, relationshipToPartner: 'reseller' }],
    registry: pkids.map((pkid) => ({ pkid })),
    switches: { latency: { ms: LATENCY_MS, jitterMs: 0 }, jobAdvance: { pollsPerStep: 0, msPerStep: JOB_STEP_MS, devicesPerStep: 0 } },
  });
  const station = await createStation({ dataDir, logger: silentLogger, pinCost: 10, partnerCenter: { baseUrl: emu.url, tokenProvider: staticTokenProvider(TOKEN) } });
  try {
    const sqlite = station.database.sqlite;
    const now = Date.now();
    await station.call('station:setupFirstAdmin', { name: 'Bench', pin: '482913' });
    sqlite.prepare("INSERT INTO customers (tenant_id, company_name, domain, relationship, refreshed_at) VALUES (?, 'Contoso Ltd', 'contoso.onmicrosoft.com', 'reseller', ?)").run(CUSTOMER, now);
    const batchId = Number(sqlite.prepare("INSERT INTO batches (name, name_key, state, created_by, created_at, customer_tenant_id, approved_at) VALUES ('Bench 10k', 'bench 10k', 'approved', 1, ?, ?, ?)").run(now, CUSTOMER, now).lastInsertRowid);
    const insert = sqlite.prepare("INSERT INTO devices (batch_id, pkid, raw, source, scanned_by, scanned_at) VALUES (?, ?, ?, 'import', 1, ?)");
    sqlite.transaction(() => pkids.forEach((p) => insert.run(batchId, p, p, now)))();
    station.database.db.transaction((tx) => queueUploadChunks(tx, batchId, CHUNK, now), { behavior: 'immediate' });
    await emu.control('DELETE', '/requests');

    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
    const started = Date.now();
    const status = await station.sync.runUntilSettled({ timeoutMs: 30 * 60_000 });
    const elapsedMs = Date.now() - started;
    clearInterval(sampler);

    const registered = (sqlite.prepare("SELECT count(*) AS n FROM devices WHERE state = 'registered'").get() as { n: number }).n;
    if (registered !== DEVICES) throw new Error(`only ${registered} of ${DEVICES} registered (${status.message})`);
    const requests = ((await emu.control('GET', '/requests')) as unknown[]).length;
    const chunks = DEVICES / CHUNK;
    // Unavoidable: one look at the customer's batches, one POST per chunk, one status read per job.
    const unavoidable = 1 + chunks + chunks;
    const throttleBound = ((await emu.control('GET', `/throttle-bound?n=${chunks}&route=deviceBatches.append&perCustomer=true`)) as { ms: number }).ms;
    const bound = Math.max(throttleBound, unavoidable * LATENCY_MS + 3 * JOB_STEP_MS);
    return {
      devices_10k_s: round(elapsedMs / 1000, 2),
      bound_s: round(bound / 1000, 2),
      ratio_to_throttle_bound: round(elapsedMs / bound, 2),
      requests_per_device: round(requests / DEVICES, 4),
      requests_total: requests,
      peak_rss_mb: Math.round(peakRss / 2 ** 20),
      duplicates: ((await emu.control('GET', '/registrations')) as { duplicates: unknown[] }).duplicates.length,
    };
  } finally {
    station.close();
    await emu.close();
  }
}

/** The emulator in its own process, so its work does not land on the station's clock or memory. */
async function startEmulatorProcess(dir: string, seed: unknown): Promise<{ url: string; control: (method: string, path: string) => Promise<unknown>; close: () => Promise<void> }> {
  const seedFile = join(dir, 'emulator-seed.json');
  writeFileSync(seedFile, JSON.stringify(seed));
  const child = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'test/emulator/cli.ts', '--port', '0', '--seed', seedFile], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`emulator exited ${code}`)));
  });
  const control = async (method: string, path: string) => {
    const res = await fetch(`${url}/_emulator${path}`, { method });
    const text = await res.text();
    return text ? JSON.parse(text) : null;
  };
  // Waits for the exit: the emulator says goodbye on stdout, and a bench that exited first would
  // leave it writing into a closed pipe (EPIPE and a stack trace after the figures).
  const close = () => new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
  return { url, control, close };
}
