// Two real stations on one real hub: the CLI as child processes (`node bin/dockside.js`), each station's
// own SQLite file, a throwaway PostgreSQL cluster. Both docks scan the same PKID while the hub is down;
// when it is back exactly one keeps it and the other's line is flagged with where it was first scanned.
import { spawn } from 'node:child_process';
import { docksideEntry } from '../../helpers/dockside-entry';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createStation, type Station } from '../../../electron/core/station';
import { reviewDevice } from '../../../db/repos/review';
import { silentLogger } from '../../../electron/core/log';
import { Fleet } from '../../../electron/core/fleet/fleet';
import type { UploadLease } from '../../../electron/core/fleet/upload-lease';
import { describeFirstScan, firstScannedElsewhere, lineFlags, linesWaitingForHub } from '../../../electron/core/fleet/lookups';
import { startPgCluster, type PgCluster } from '../../helpers/pg-cluster';
import { ADMIN, makeTempDir, tempStation } from '../../helpers/temp-station';
import { fakeSecretTool } from './fake-secret-tool';
import { createFleetRoles, grantStations, OWNER_PASSWORD, STATION_PASSWORD, type FleetUrls } from './fleet-roles';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const SHARED_PKID = '3899999999991';
const ONLY_AT_A = '3899999999992';
const baseEnv = { ...process.env, DOCKSIDE_AS: '', DOCKSIDE_PIN: '', DOCKSIDE_HUB_PASSWORD: '' };

interface Run {
  code: number | null;
  out: string;
  err: string;
}
const transcript: Run[] = [];

function dockside(args: string[], options: { input?: string; env?: Record<string, string> } = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [docksideEntry(), ...args], { env: { ...baseEnv, ...options.env } });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.stdin.end(options.input ?? '');
    child.on('close', (code) => {
      const run = { code, out, err };
      transcript.push(run);
      resolve(run);
    });
  });
}

let cluster: PgCluster;
let urls: FleetUrls;
let dirA: string;
let dirB: string;
let keychainEnv: Record<string, string>;
let heldLease: UploadLease | null = null;

/** Opens a station in this process, scans one PKID as Olga into its batch, and closes it. */
async function scanAt(dataDir: string, batchName: string, pkids: string[]): Promise<void> {
  const station = await createStation({ dataDir, pinCost: 10, logger: silentLogger });
  try {
    const signIn = await station.call('session:signIn', { name: 'Olga', pin: '602817' });
    if (!signIn.ok) throw new Error(signIn.error.message);
    const auth = { sessionToken: signIn.value.token };
    const batches = await station.call('batches:list', {}, auth);
    if (!batches.ok) throw new Error(batches.error.message);
    let batchId = batches.value.find((b) => b.name === batchName)?.id;
    if (batchId === undefined) {
      const created = await station.call('batches:create', { name: batchName }, auth);
      if (!created.ok) throw new Error(created.error.message);
      batchId = created.value.id;
    }
    for (const raw of pkids) {
      const scanned = await station.call('scans:record', { batchId, raw, source: 'wedge', confirmPkid: true }, auth);
      if (!scanned.ok) throw new Error(scanned.error.message);
      expect(scanned.value.verdict).toBe('accepted');
    }
  } finally {
    station.close();
  }
}

async function withStation<T>(dataDir: string, fn: (station: Station) => Promise<T> | T): Promise<T> {
  const station = await createStation({ dataDir, pinCost: 10, logger: silentLogger });
  try {
    return await fn(station);
  } finally {
    station.close();
  }
}

const TENANT = 'tenant-fleet-1';

/** Approval at a dock, as the admin (who scanned nothing): the preview's fleet blockers and the approve answer. */
async function approveAt(dataDir: string, batchName: string): Promise<{ fleetBlockers: string[]; approved: boolean; refusal: string | null; rule: unknown }> {
  return withStation(dataDir, async (station) => {
    station.database.sqlite.prepare("INSERT OR IGNORE INTO customers (tenant_id, company_name, relationship, refreshed_at) VALUES (?, 'Contoso', 'reseller', 0)").run(TENANT);
    const signIn = await station.call('session:signIn', { name: ADMIN.name, pin: ADMIN.pin });
    if (!signIn.ok) throw new Error(signIn.error.message);
    const auth = { sessionToken: signIn.value.token };
    const batches = await station.call('batches:list', {}, auth);
    if (!batches.ok) throw new Error(batches.error.message);
    const batchId = batches.value.find((b) => b.name === batchName)?.id;
    if (batchId === undefined) throw new Error(`no batch ${batchName}`);
    const closed = await station.call('batches:close', { id: batchId }, auth);
    if (!closed.ok && closed.error.code !== 'INVALID_STATE') throw new Error(closed.error.message);
    const preview = await station.call('approval:preview', { batchId, customerTenantId: TENANT }, auth);
    if (!preview.ok) throw new Error(preview.error.message);
    const approve = await station.call('approval:approve', { batchId, customerTenantId: TENANT }, auth);
    return {
      fleetBlockers: preview.value.blockers.filter((b) => /fleet hub|another dock/.test(b)),
      approved: approve.ok,
      refusal: approve.ok ? null : approve.error.message,
      rule: approve.ok ? null : (approve.error.details as { rule?: unknown } | undefined)?.rule,
    };
  });
}

beforeAll(async () => {
  cluster = await startPgCluster();
  urls = await createFleetRoles(cluster, ['dock_a', 'dock_b']);
  dirA = makeTempDir('dockside-fleet-a-');
  dirB = makeTempDir('dockside-fleet-b-');
  // Dock A has an OS keychain (a stand-in secret-tool); dock B has none, like a headless box.
  keychainEnv = { PATH: `${fakeSecretTool(makeTempDir('dockside-keyring-'))}:${process.env.PATH ?? ''}` };
  for (const dir of [dirA, dirB]) {
    const t = await tempStation({ dataDir: dir });
    await t.tokenFor('operator', 'Olga');
    t.station.close();
  }
});

afterAll(() => {
  cluster?.destroy();
});

const admin = ['--as', ADMIN.name, '--pin', '-'];

describe('two stations on one hub', () => {
  it('creates the hub schema, and says so when it is already there', async () => {
    const first = await dockside(['fleet', 'init', '--hub', urls.owner.replace(`:${OWNER_PASSWORD}`, ''), '--hub-password', '-'], { input: `${OWNER_PASSWORD}\n` });
    expect(first, first.err).toMatchObject({ code: 0, out: expect.stringMatching(/now has the fleet schema 0005_station_own_rows \(applied 0000_hub_initial, 0001_upload_leases, 0002_identity_releases, 0003_batch_requests, 0004_fleet_operators, 0005_station_own_rows\)/) });
    await grantStations(urls.owner);
    const again = await dockside(['fleet', 'init', '--hub', urls.owner.replace(`:${OWNER_PASSWORD}`, ''), '--json'], { env: { DOCKSIDE_HUB_PASSWORD: OWNER_PASSWORD } });
    expect(JSON.parse(again.out)).toMatchObject({ applied: [], current: '0005_station_own_rows' });
  });

  it('joins both stations (PIN, then hub password, one piped line each)', async () => {
    const [a, b] = await Promise.all([
      dockside(['fleet', 'join', '--hub', urls.stations.dock_a ?? '', '--station-name', 'Dock 1', '--hub-password', '-', ...admin, '--data-dir', dirA], { input: `${ADMIN.pin}\n${STATION_PASSWORD}\n`, env: keychainEnv }),
      dockside(['fleet', 'join', '--hub', urls.stations.dock_b ?? '', '--station-name', 'Dock 3', ...admin, '--data-dir', dirB], { input: `${ADMIN.pin}\n`, env: { DOCKSIDE_HUB_PASSWORD: STATION_PASSWORD } }),
    ]);
    expect(a, a.err).toMatchObject({ code: 0, out: expect.stringMatching(/Dock 1 joined the fleet.*\n.*kept encrypted with a key from the OS keychain \(libsecret\)/) });
    expect(b, b.err).toMatchObject({ code: 0, out: expect.stringMatching(/not kept .*DOCKSIDE_HUB_PASSWORD/) });
  });

  it('refuses a second station under a name the fleet already has', async () => {
    const r = await dockside(['fleet', 'join', '--hub', urls.stations.dock_b ?? '', '--station-name', 'dock 1', ...admin, '--data-dir', dirB], { input: `${ADMIN.pin}\n`, env: { DOCKSIDE_HUB_PASSWORD: STATION_PASSWORD } });
    expect(r).toMatchObject({ code: 1, err: expect.stringMatching(/Another station of this fleet is already called "dock 1"/) });
  });

  it('keeps both stations scanning while the hub is down, and says so plainly', async () => {
    cluster.stop();
    await scanAt(dirA, 'PO-A', [SHARED_PKID, ONLY_AT_A]);
    await scanAt(dirB, 'PO-B', [SHARED_PKID]);
    const down = await dockside(['fleet', 'sync', '--once', '--data-dir', dirA], { env: keychainEnv });
    expect(down.code).toBe(1);
    expect(down.err).toMatch(/^dockside fleet: The fleet hub \(postgres:\/\/dock_a@127\.0\.0\.1:\d+\/dockside_fleet\) cannot be reached .*The station keeps working on its own/);
    expect(down.err).not.toMatch(/\n\s+at /);
    // Approval waits for the hub: neither dock knows yet whether the other has the same box.
    const waiting = await approveAt(dirA, 'PO-A');
    expect(waiting).toMatchObject({ approved: false, rule: 'fleet', refusal: expect.stringMatching(/^2 lines of batch PO-A are not confirmed by the fleet hub yet: the hub has not been reached yet \(The fleet hub .*cannot be reached.*\)\. Approval waits until every line is confirmed/) });
    expect(waiting.fleetBlockers).toHaveLength(1);
    const status = await dockside(['fleet', 'status', '--json', '--data-dir', dirB], { env: { DOCKSIDE_HUB_PASSWORD: STATION_PASSWORD } });
    expect(JSON.parse(status.out)).toEqual({
      member: true,
      hub: expect.stringMatching(/^postgres:\/\/dock_b@127\.0\.0\.1:\d+\/dockside_fleet$/),
      stationName: 'Dock 3',
      reachable: false,
      problem: expect.stringMatching(/cannot be reached/),
      lastPushAt: null,
      lastPullAt: null,
      waitingForConfirmation: 1,
      duplicates: 0,
      password: 'given',
      uploadLeases: [],
      otherBatches: [],
      auditMismatches: [],
    });
  });

  it('on reconnect lets exactly one keep the PKID and flags the other line with where it was first scanned', async () => {
    cluster.start();
    const a = await dockside(['fleet', 'sync', '--once', '--data-dir', dirA], { env: keychainEnv });
    expect(a, a.err).toMatchObject({ code: 0, out: expect.stringMatching(/Pushed 2 identities/) });
    const b = await dockside(['fleet', 'sync', '--once', '--data-dir', dirB], { env: { DOCKSIDE_HUB_PASSWORD: STATION_PASSWORD } });
    expect(b, b.err).toMatchObject({ code: 0, out: expect.stringMatching(/Pushed 1 identities, pulled 2 .*\n1 lines were scanned first at another dock/) });

    await withStation(dirB, (station) => {
      const line = station.database.sqlite.prepare('SELECT id, scanned_at FROM devices WHERE pkid = ?').get(SHARED_PKID) as { id: number };
      const flag = lineFlags(station.database.db, [line.id]).get(line.id);
      expect(flag).toMatchObject({ stationName: 'Dock 1', batchName: 'PO-A', operatorName: 'Olga', kind: 'pkid' });
      expect(describeFirstScan(flag ?? { stationName: '', batchName: '', operatorName: '', scannedAt: 0 })).toMatch(/^first scanned at Dock 1, batch PO-A, by Olga at \d\d:\d\d$/);
      expect(linesWaitingForHub(station.database.db)).toBe(0);
      // The lead's review row carries it too.
      expect(reviewDevice(station.database.db, line.id)?.heldElsewhere).toMatchObject({ stationName: 'Dock 1', batchName: 'PO-A', operatorName: 'Olga' });
    });
    await withStation(dirB, async (station) => {
      const fleet = new Fleet({ db: station.database.db, dataDir: dirB, station: station.identity, now: Date.now, password: STATION_PASSWORD });
      const answer = await fleet.uploadLease('tenant-1', 60_000);
      if (!answer.held) throw new Error(answer.message);
      heldLease = answer.lease;
    });
    await withStation(dirA, (station) => {
      const ids = (station.database.sqlite.prepare('SELECT id FROM devices').all() as { id: number }[]).map((r) => r.id);
      expect(lineFlags(station.database.db, ids).size).toBe(0);
    });
    // The dock that lost the box may not approve until the line is removed; the dock that kept it may.
    const loser = await approveAt(dirB, 'PO-B');
    expect(loser).toMatchObject({ approved: false, rule: 'fleet', refusal: '1 line of batch PO-B is a box another dock scanned first: remove it in Review, where each says where it was first scanned.' });
    expect(loser.fleetBlockers).toEqual([loser.refusal]);
    expect(await approveAt(dirA, 'PO-A')).toMatchObject({ approved: true, fleetBlockers: [] });
    const status = JSON.parse((await dockside(['fleet', 'status', '--json', '--data-dir', dirA], { env: keychainEnv })).out) as Record<string, unknown>;
    expect(status).toMatchObject({ reachable: true, problem: null, waitingForConfirmation: 0, duplicates: 0, password: 'saved', otherBatches: [{ stationName: 'Dock 3', batchName: 'PO-B', state: 'open', devices: 1 }], uploadLeases: [{ customerTenantId: 'tenant-1', stationName: 'Dock 3', expiresAt: expect.stringMatching(/^\d{4}-/) }], lastPushAt: expect.stringMatching(/^\d{4}-/), lastPullAt: expect.stringMatching(/^\d{4}-/) });
    await heldLease?.release();
  });

  it('answers a resent push with the same verdicts and no new hub rows', async () => {
    const before = await hubCounts();
    await withStation(dirB, async (station) => {
      // The answer was lost on the way back: the station sends the same sequence numbers again.
      station.database.sqlite.prepare('UPDATE fleet_outbox SET verdict = NULL, confirmed_at = NULL, first_station = NULL').run();
      const fleet = new Fleet({ db: station.database.db, dataDir: dirB, station: station.identity, now: Date.now, password: STATION_PASSWORD });
      const again = await fleet.syncOnce();
      expect(again).toMatchObject({ ok: true, pushed: 1, flagged: [expect.any(Number)] });
    });
    expect(await hubCounts()).toEqual(before);
  });

  it('gives a removed line back to the fleet: the dock that had lost the box claims it again, and a restored line claims anew', async () => {
    const P = '3899999999995';
    const syncAt = (dir: string) => withStation(dir, (station) => new Fleet({ db: station.database.db, dataDir: dir, station: station.identity, now: Date.now, password: STATION_PASSWORD }).syncOnce());
    const lineOf = (station: Station) => (station.database.sqlite.prepare('SELECT id FROM devices WHERE pkid = ? ORDER BY id DESC').get(P) as { id: number }).id;
    await scanAt(dirA, 'PO-A3', [P]);
    expect(await syncAt(dirA)).toMatchObject({ ok: true, pushed: 1 });
    await scanAt(dirB, 'PO-B3', [P]);
    expect(await syncAt(dirB)).toMatchObject({ ok: true, flagged: [expect.any(Number)] });

    // Dock 1 takes its line out in review (wrong customer): the hub frees the box.
    const lead = async (station: Station, fn: (auth: { sessionToken: string }, batchId: number) => Promise<void>) => {
      const signIn = await station.call('session:signIn', { name: ADMIN.name, pin: ADMIN.pin });
      if (!signIn.ok) throw new Error(signIn.error.message);
      const auth = { sessionToken: signIn.value.token };
      const batches = await station.call('batches:list', {}, auth);
      const batchId = batches.ok ? batches.value.find((b) => b.name === 'PO-A3')?.id : undefined;
      if (batchId === undefined) throw new Error('no batch PO-A3');
      await fn(auth, batchId);
    };
    await withStation(dirA, (station) =>
      lead(station, async (auth, batchId) => {
        const closed = await station.call('batches:close', { id: batchId }, auth);
        expect(closed.ok).toBe(true);
        const removed = await station.call('review:removeDevice', { deviceId: lineOf(station), reason: 'wrong customer' }, auth);
        expect(removed.ok).toBe(true);
      }),
    );
    expect(await syncAt(dirA)).toMatchObject({ ok: true, released: 1 });
    expect(await syncAt(dirA)).toMatchObject({ ok: true, released: 0 });

    // Dock 3's line had lost the box: it claims it again and is no longer flagged.
    const reclaimed = await syncAt(dirB);
    expect(reclaimed).toMatchObject({ ok: true, reclaimed: [expect.any(Number)], flagged: [] });
    expect(await hubHas(P)).toBe('Dock 3');
    await withStation(dirB, (station) => {
      expect(lineFlags(station.database.db, [lineOf(station)]).size).toBe(0);
      expect(firstScannedElsewhere(station.database.db, { pkid: P })).toBeNull();
    });

    // Dock 1 puts its line back: it claims the box anew, and now it is Dock 1's line that is flagged.
    await withStation(dirA, (station) =>
      lead(station, async (auth) => {
        const restored = await station.call('review:restoreDevice', { deviceId: lineOf(station), reason: 'customer was right after all' }, auth);
        expect(restored.ok).toBe(true);
      }),
    );
    expect(await syncAt(dirA)).toMatchObject({ ok: true, flagged: [expect.any(Number)] });
    await withStation(dirA, (station) => expect(lineFlags(station.database.db, [lineOf(station)]).get(lineOf(station))).toMatchObject({ stationName: 'Dock 3', batchName: 'PO-B3' }));
  });

  it('still catches, offline, a box another dock scanned before the last pull', async () => {
    cluster.stop();
    await withStation(dirB, (station) => {
      expect(firstScannedElsewhere(station.database.db, { pkid: ONLY_AT_A })).toMatchObject({ stationName: 'Dock 1', batchName: 'PO-A', operatorName: 'Olga' });
      expect(firstScannedElsewhere(station.database.db, { pkid: '3899999999993' })).toBeNull();
    });
    // The scan screen says so at once, offline: amber, with where it was first scanned, and no line stored.
    await withStation(dirB, async (station) => {
      const signIn = await station.call('session:signIn', { name: 'Olga', pin: '602817' });
      if (!signIn.ok) throw new Error(signIn.error.message);
      const auth = { sessionToken: signIn.value.token };
      const created = await station.call('batches:create', { name: 'PO-B2' }, auth);
      if (!created.ok) throw new Error(created.error.message);
      const before = station.database.sqlite.prepare('SELECT count(*) AS n FROM devices').get() as { n: number };
      const scanned = await station.call('scans:record', { batchId: created.value.id, raw: ONLY_AT_A, source: 'wedge', confirmPkid: true }, auth);
      if (!scanned.ok) throw new Error(scanned.error.message);
      expect(scanned.value).toMatchObject({
        verdict: 'duplicate',
        message: expect.stringMatching(new RegExp(`^PKID ${ONLY_AT_A} is another dock's box: first scanned at Dock 1, batch PO-A, by Olga at \\d\\d:\\d\\d\\. Put it aside for that dock\\.$`)),
        where: { scope: 'other-station', stationName: 'Dock 1', batchName: 'PO-A', scannedBy: 'Olga' },
      });
      expect(station.database.sqlite.prepare('SELECT count(*) AS n FROM devices').get()).toEqual(before);
    });
    cluster.start();
  });

  it('a long-lived station (serve, the desktop app) pushes a new line to the hub by itself', async () => {
    const station = await createStation({ dataDir: dirB, pinCost: 10, logger: silentLogger, fleetSync: true, hubPassword: STATION_PASSWORD });
    try {
      const signIn = await station.call('session:signIn', { name: 'Olga', pin: '602817' });
      if (!signIn.ok) throw new Error(signIn.error.message);
      const auth = { sessionToken: signIn.value.token };
      const batches = await station.call('batches:list', {}, auth);
      const batchId = batches.ok ? batches.value.find((b) => b.name === 'PO-B2')?.id : undefined;
      if (batchId === undefined) throw new Error('no batch PO-B2');
      const scanned = await station.call('scans:record', { batchId, raw: '3899999999994', source: 'wedge', confirmPkid: true }, auth);
      expect(scanned.ok && scanned.value.verdict).toBe('accepted');
      await vi.waitFor(() => expect(hubHas('3899999999994')).resolves.toBe('Dock 3'), { timeout: 20_000, interval: 250 });
      await vi.waitFor(() => expect(linesWaitingForHub(station.database.db)).toBe(0), { timeout: 20_000, interval: 250 });
      // What Settings > Fleet shows, through the channels: leads only.
      expect(await station.call('fleet:status', {}, auth)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      const lead = await station.call('session:signIn', { name: ADMIN.name, pin: ADMIN.pin });
      if (!lead.ok) throw new Error(lead.error.message);
      const leadAuth = { sessionToken: lead.value.token };
      expect(await station.call('fleet:status', {}, leadAuth)).toMatchObject({ ok: true, value: { member: true, stationName: 'Dock 3', reachable: true, waitingForConfirmation: 0, password: 'given' } });
      expect(await station.call('fleet:syncNow', {}, leadAuth)).toMatchObject({ ok: true, value: { pushed: 0, flagged: 0, released: 0 } });
    } finally {
      station.fleet.stop();
      await station.fleet.settled();
      station.close();
    }
  });

  it('never writes or prints the hub password: settings, database, logs, outputs', () => {
    for (const dir of [dirA, dirB]) {
      const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => !f.endsWith('.bin'));
      for (const file of files) {
        let text: string;
        try {
          text = readFileSync(join(dir, file)).toString('latin1');
        } catch {
          continue; // a folder
        }
        expect(text.includes(STATION_PASSWORD), `${file} holds the password`).toBe(false);
      }
      expect(readFileSync(join(dir, 'fleet-hub-password.bin'), { flag: 'a+' }).toString('latin1')).not.toContain(STATION_PASSWORD);
    }
    for (const run of transcript) {
      expect(run.out).not.toContain(STATION_PASSWORD);
      expect(run.err).not.toContain(STATION_PASSWORD);
      expect(run.out).not.toContain(OWNER_PASSWORD);
    }
  });

  it('leaves the fleet: the hub is told, the station forgets link, copy and password', async () => {
    const r = await dockside(['fleet', 'leave', ...admin, '--data-dir', dirA], { input: `${ADMIN.pin}\n`, env: keychainEnv });
    await withStation(dirA, async (station) => {
      const signIn = await station.call('session:signIn', { name: ADMIN.name, pin: ADMIN.pin });
      if (!signIn.ok) throw new Error(signIn.error.message);
      expect(await station.call('fleet:syncNow', {}, { sessionToken: signIn.value.token })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', message: expect.stringMatching(/not in a fleet/) } });
    });
    expect(r, r.err).toMatchObject({ code: 0, out: 'This station left its fleet.\n' });
    const status = JSON.parse((await dockside(['fleet', 'status', '--json', '--data-dir', dirA])).out) as Record<string, unknown>;
    expect(status).toMatchObject({ member: false, hub: null });
    expect(readdirSync(dirA)).not.toContain('fleet-hub-password.bin');
  });
});

async function hubCounts(): Promise<{ identities: number; pushes: number }> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: urls.owner });
  await client.connect();
  try {
    const r = await client.query<{ identities: string; pushes: string }>('SELECT (SELECT count(*) FROM identities) AS identities, (SELECT count(*) FROM pushes) AS pushes');
    return { identities: Number(r.rows[0]?.identities), pushes: Number(r.rows[0]?.pushes) };
  } finally {
    await client.end();
  }
}

/** The station name holding this PKID on the hub now (released claims hold nothing), or null. */
async function hubHas(pkid: string): Promise<string | null> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: urls.owner });
  await client.connect();
  try {
    const r = await client.query<{ name: string }>("SELECT s.name FROM identities i JOIN stations s ON s.id = i.station_id WHERE i.kind = 'pkid' AND i.pkid = $1 AND i.released_at IS NULL", [pkid]);
    return r.rows[0]?.name ?? null;
  } finally {
    await client.end();
  }
}
