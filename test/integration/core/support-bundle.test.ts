// "Create support bundle" on a real station: one that has scanned, has operators signed in with PINs,
// holds a Partner Center bearer token (sent for real to the emulator over loopback), has a backup and
// writes its log to the data folder. The zip is opened with fflate and every entry is read; none may
// hold a PIN, the Partner Center token or a session token, even though a careless log call tried.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import packageJson from '../../../package.json';
import { createFileLogger } from '../../../electron/core/log';
import { staticTokenProvider } from '../../../electron/partner-center/token-provider';
import { editableSettingKeys } from '../../../shared/domain/settings';
import type { RunningEmulator } from '../../../electron/practice/emulator/index';
import { ADMIN, makeTempDir, tempStation, type TempStation } from '../../helpers/temp-station';
import { start } from '../emulator/helpers';
import { docksideEntry } from '../../helpers/dockside-entry';

const PARTNER_TOKEN = `pc-secret-${randomBytes(18).toString('base64url')}`;
const LEAD_PIN = '739154';
const OPERATOR_PIN = '602817';

let emu: RunningEmulator;
let dataDir: string;
let t: TempStation;
const sessionTokens: string[] = [];

function pkid(n: number): string {
  return String(3_800_000_000_000 + n * 10 + 1);
}

beforeAll(async () => {
  emu = await start({ seed: { tokens: [{ token: PARTNER_TOKEN, tokenClass: 'app+user' }] } });
  dataDir = makeTempDir('dockside-support-');
  t = await tempStation({
    dataDir,
    logger: createFileLogger({ dataDir }),
    partnerCenter: { baseUrl: emu.url, tokenProvider: staticTokenProvider(PARTNER_TOKEN, 'lead@contoso.example') },
  });
});

afterAll(async () => {
  t.cleanup();
  await emu.close();
});

async function value<T>(result: Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

describe('support bundle', () => {
  it('holds logs, versions, settings, verify output, database statistics and backups, and no secret', async () => {
    const { station } = t;
    const admin = await t.tokenFor('admin');
    const lead = await t.tokenFor('lead', 'Lee');
    const operator = await t.tokenFor('operator', 'Olga');
    sessionTokens.push(admin, lead, operator);

    // Partner Center: the token really goes over HTTP to the emulator.
    await value(station.call('partner:signIn', {}, { sessionToken: lead }));
    expect((await value(station.call('customers:refresh', {}, { sessionToken: lead }))).count).toBe(2);

    // Scans into a batch.
    const batch = await value(station.call('batches:create', { name: 'PO-9001' }, { sessionToken: operator }));
    for (let i = 0; i < 3; i += 1) {
      const scanned = await value(station.call('scans:record', { batchId: batch.id, raw: pkid(i), source: 'wedge', confirmPkid: true }, { sessionToken: operator }));
      expect(scanned.verdict).toBe('accepted');
    }
    const backup = await value(station.call('backup:run', {}, { sessionToken: lead }));

    // A careless caller logs secrets every way it can; the logger must mask them all.
    station.logger.error('partner request failed', new Error(`401 Unauthorized; sent Authorization: Bearer ${PARTNER_TOKEN}`), {
      pin: LEAD_PIN,
      request: { headers: { authorization: `Bearer ${PARTNER_TOKEN}` }, body: `grant_type=refresh_token&refresh_token=${PARTNER_TOKEN}` },
      sessionToken: lead,
    });
    station.logger.info(`operator Olga signed in with pin=${OPERATOR_PIN} token=${operator}`);

    // Only a lead or an admin may make one.
    expect(await station.call('support:createBundle', {}, { sessionToken: operator })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    const bundle = await value(station.call('support:createBundle', {}, { sessionToken: lead }));
    expect(bundle.path).toBe(join(dataDir, 'support', bundle.fileName));
    expect(bundle.fileName).toMatch(/^dockside-support-dockside-station-\d{8}T\d{6}Z\.zip$/);
    expect(bundle.bytes).toBe(statSync(bundle.path).size);
    expect(bundle.entries).toEqual(['versions.json', 'settings.json', 'verify.txt', 'audit-head.json', 'database.json', 'backups.json', 'logs/dockside.log']);

    const files = unzipSync(readFileSync(bundle.path));
    expect(Object.keys(files)).toEqual(bundle.entries);
    const text = (name: string) => strFromU8(files[name]!);
    const parsed = (name: string) => JSON.parse(text(name)) as Record<string, unknown>;

    const sqlite = station.database.sqlite;
    const migrations = sqlite.prepare('SELECT tag FROM __dockside_migrations ORDER BY idx').all() as { tag: string }[];
    expect(parsed('versions.json')).toMatchObject({
      app: packageJson.version,
      node: process.versions.node,
      electron: null,
      chromium: null,
      sqlite: sqlite.prepare('SELECT sqlite_version() AS v').pluck().get(),
      schema: { migrations: migrations.length, latest: migrations.at(-1)!.tag },
      station: { id: station.identity.id, name: 'Dockside station' },
    });

    const settings = parsed('settings.json');
    for (const key of editableSettingKeys) expect(settings).toHaveProperty([key]);
    expect(settings).toMatchObject({ 'station.id': station.identity.id, 'station.name': 'Dockside station', 'backup.intervalHours': 24, 'backup.keep': 14, 'partnerCenter.savedSignIn': '(not set)' });

    const auditRows = (sqlite.prepare('SELECT count(*) AS n FROM audit').get() as { n: number }).n;
    expect(text('verify.txt')).toBe(`overall: ok\nintegrity_check: ok\nforeign_key_check: ok\naudit chain: ok (${auditRows - 1} rows, sealed with the station's audit key and matching the head kept outside the database)\n`);

    const db = parsed('database.json');
    expect(db).toMatchObject({
      path: join(dataDir, 'dockside.sqlite'),
      journalMode: 'wal',
      batchesByState: { open: 1 },
      devicesByState: { scanned: 3 },
      rowsPerTable: { devices: 3, batches: 1, operators: 3, customers: 2 },
    });
    const scannedAt = (sqlite.prepare('SELECT min(scanned_at) AS a, max(scanned_at) AS b FROM devices').get() as { a: number; b: number });
    expect(db.oldestScanAt).toBe(new Date(scannedAt.a).toISOString());
    expect(db.newestScanAt).toBe(new Date(scannedAt.b).toISOString());
    // Counted before the bundle's own audit row was written, which may have added a page.
    expect(db.pageCount).toBeGreaterThan(0);
    expect(db.pageCount).toBeLessThanOrEqual(sqlite.pragma('page_count', { simple: true }) as number);
    expect(db.pageSize).toBe(sqlite.pragma('page_size', { simple: true }));
    expect(db.fileBytes).toBeGreaterThan(0);

    expect(parsed('backups.json')).toMatchObject({ dir: join(dataDir, 'backups'), intervalHours: 24, keep: 14, backups: [{ fileName: backup.fileName, kind: 'on-demand', bytes: backup.bytes }] });

    const log = text('logs/dockside.log').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(log.find((l) => l.msg === 'partner request failed')).toMatchObject({ level: 'error', pin: '[redacted]', sessionToken: '[redacted]', error: { name: 'Error', message: '401 Unauthorized; sent Authorization: Bearer [redacted]' } });
    expect(log.some((l) => typeof l.msg === 'string' && l.msg.startsWith('operator Olga signed in with pin=[redacted]'))).toBe(true);

    // The audit head travels with the bundle (support can tell a cut-off trail from a short one), its key never.
    expect(parsed('audit-head.json')).toMatchObject({ format: 'dockside-audit-head/1', rows: expect.any(Number), mac: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const auditKey = Buffer.from(readFileSync(join(dataDir, 'audit.key'), 'utf8').trim(), 'base64');

    // No entry holds a PIN, the Partner Center token, a session token or the audit key.
    const secrets = [PARTNER_TOKEN, ADMIN.pin, LEAD_PIN, OPERATOR_PIN, ...sessionTokens, auditKey.toString('base64'), auditKey.toString('hex')];
    for (const name of bundle.entries) {
      for (const secret of secrets) expect(text(name).includes(secret), `${name} holds ${secret}`).toBe(false);
    }

    // Audited, with who made it.
    const audited = sqlite.prepare("SELECT operator_name AS who, object_id AS file, result FROM audit WHERE action = 'support:createBundle'").all();
    expect(audited).toEqual([{ who: 'Lee', file: bundle.fileName, result: 'ok' }]);
  });

  it('`dockside support-bundle --json` writes one from the command line', () => {
    t.station.close();
    const run = spawnSync(process.execPath, [docksideEntry(), 'support-bundle', '--data-dir', dataDir, '--json'], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const made = JSON.parse(run.stdout) as { path: string; entries: string[] };
    expect(existsSync(made.path)).toBe(true);
    expect(made.entries).toContain('verify.txt');
    const files = unzipSync(readFileSync(made.path));
    expect(strFromU8(files['verify.txt']!)).toMatch(/^overall: ok/);
    rmSync(made.path);
  });
});
