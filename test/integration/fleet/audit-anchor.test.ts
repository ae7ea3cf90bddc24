// Each station's audit chain head anchored in the hub, for real: two stations on their own SQLite
// files, a throwaway PostgreSQL hub with the README's roles. The anchor moves forward with every round;
// a chain rewritten under it (edited and re-chained with the file alone, as anyone holding it could) or
// cut short before it is refused and reported by `fleet status` at any dock, and stays reported until
// the hub owner clears it. A station's role cannot move its anchor back or clear the flag itself.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { databasePath } from '../../../electron/core/data-dir';
import { docksideEntry } from '../../helpers/dockside-entry';
import { ADMIN, type TempStation } from '../../helpers/temp-station';
import { STATION_PASSWORD, type FleetUrls } from './fleet-roles';
import { hubQuery, rounds, twoJoinedDocks, type TwoJoinedDocks } from './two-docks';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

let docks: TwoJoinedDocks;
let urls: FleetUrls;
let a: TempStation;
let b: TempStation;

const round = rounds;
const query = hubQuery;

const owner = <T extends pg.QueryResultRow>(text: string, values: unknown[] = []) => query<T>(urls.owner, text, values);

function asStation(role: 'dock_a' | 'dock_b'): string {
  const url = new URL(urls.stations[role] ?? '');
  url.password = STATION_PASSWORD;
  return url.toString();
}

const head = (s: TempStation) => s.station.database.sqlite.prepare('SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string };

async function anchorOf(s: TempStation): Promise<{ last_id: number; last_hash: string; mismatch: string | null } | undefined> {
  const [row] = await owner<{ last_id: string; last_hash: string; mismatch: string | null }>('SELECT last_id, last_hash, mismatch FROM audit_anchors WHERE station_id = $1', [s.station.identity.id]);
  return row && { ...row, last_id: Number(row.last_id) };
}

/** Something audited at the station: an operator added by the admin. */
async function audited(s: TempStation, name: string): Promise<void> {
  const signIn = await s.station.call('session:signIn', ADMIN);
  if (!signIn.ok) throw new Error(signIn.error.message);
  const added = await s.station.call('operators:add', { name, role: 'operator', pin: '602817' }, { sessionToken: signIn.value.token });
  if (!added.ok) throw new Error(added.error.message);
}

interface Row {
  id: number;
  at: number;
  station: string;
  operator_id: number | null;
  operator_name: string | null;
  action: string;
  object_type: string | null;
  object_id: string | null;
  result: string;
  detail: string;
}

/** What someone with the file but not the station's audit key does: edit a row, then re-chain every row after it. */
function editAndRechain(s: TempStation, id: number): void {
  const db = new Database(databasePath(s.dataDir));
  try {
    const rows = db.prepare('SELECT * FROM audit ORDER BY id').all() as (Row & { prev_hash: string; hash: string })[];
    const update = db.prepare('UPDATE audit SET detail = ?, prev_hash = ?, hash = ? WHERE id = ?');
    let prev = rows.find((r) => r.id === id - 1)?.hash ?? '0'.repeat(64);
    db.transaction(() => {
      for (const r of rows.filter((r) => r.id >= id)) {
        const detail = r.id === id ? JSON.stringify({ name: 'nobody' }) : r.detail;
        const hash = createHash('sha256').update(JSON.stringify([prev, r.at, r.station, r.operator_id, r.operator_name, r.action, r.object_type, r.object_id, r.result, detail])).digest('hex');
        update.run(detail, prev, hash, r.id);
        prev = hash;
      }
    })();
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  docks = await twoJoinedDocks();
  ({ urls, a, b } = docks);
});

afterAll(() => docks?.cleanup());

describe('the audit anchor in the hub', () => {
  it("anchors each station's chain head and moves it forward with every round", async () => {
    await round(a, b);
    const first = head(a);
    expect(await anchorOf(a)).toEqual({ last_id: first.id, last_hash: first.hash, mismatch: null });
    expect(await anchorOf(b)).toEqual({ last_id: head(b).id, last_hash: head(b).hash, mismatch: null });
    await audited(a, 'Olga Nowak');
    await round(a);
    const next = head(a);
    expect(next.id).toBeGreaterThan(first.id);
    expect(await anchorOf(a)).toEqual({ last_id: next.id, last_hash: next.hash, mismatch: null });
    expect((await a.station.fleet.status()).auditMismatches).toEqual([]);
  });

  it("refuses a station's own role moving its anchor back", async () => {
    await expect(query(asStation('dock_a'), 'UPDATE audit_anchors SET last_id = 1 WHERE station_id = $1', [a.station.identity.id])).rejects.toThrow(/only moves forward/);
    // Another station's anchor is not even visible to change.
    const other = await query(asStation('dock_b'), "UPDATE audit_anchors SET mismatch = 'x' WHERE station_id = $1 RETURNING station_id", [a.station.identity.id]);
    expect(other).toEqual([]);
    expect((await anchorOf(a))?.mismatch).toBeNull();
  });

  it('reports a chain rewritten under its anchor (edited and re-chained) at every dock', async () => {
    const anchored = head(a);
    await audited(a, 'Lena Berg');
    editAndRechain(a, anchored.id - 1);
    const result = await a.station.fleet.syncOnce();
    expect(result).toMatchObject({ ok: true, anchor: { anchored: false, mismatch: `its row ${anchored.id} is not the row the hub anchored (another hash)` } });
    // The anchor stays where it was, and the flag with it, round after round.
    await round(a);
    expect(await anchorOf(a)).toEqual({ last_id: anchored.id, last_hash: anchored.hash, mismatch: expect.stringMatching(/another hash/) });
    for (const s of [a, b]) {
      expect((await s.station.fleet.status()).auditMismatches).toEqual([{ stationName: 'Dock 1', message: expect.stringMatching(/^audit chain of station Dock 1 does not match its anchor: its row \d+ is not the row the hub anchored/) }]);
    }
  });

  it('reports a chain cut short before its anchor, and keeps the flag from the station itself', async () => {
    await audited(b, 'Ines Duarte');
    await round(b);
    const anchored = head(b);
    const db = new Database(databasePath(b.dataDir));
    try {
      db.prepare('DELETE FROM audit WHERE id >= ?').run(anchored.id - 1);
    } finally {
      db.close();
    }
    await round(b);
    expect(await anchorOf(b)).toMatchObject({ last_id: anchored.id, mismatch: `its chain ends at row ${head(b).id}, before row ${anchored.id} that the hub anchored` });
    await expect(query(asStation('dock_b'), 'UPDATE audit_anchors SET mismatch = NULL WHERE station_id = $1', [b.station.identity.id])).rejects.toThrow(/only the hub owner clears it/);
    const status = await a.station.fleet.status();
    expect(status.auditMismatches.map((m) => m.stationName)).toEqual(['Dock 1', 'Dock 3']);
  });

  it('says so in `dockside fleet status`, and anchors again once the hub owner cleared the flag', async () => {
    b.station.close();
    const fleet = (...args: string[]) =>
      new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
        const child = spawn(process.execPath, [docksideEntry(), 'fleet', ...args, '--data-dir', b.dataDir], { env: { ...process.env, DOCKSIDE_HUB_PASSWORD: STATION_PASSWORD } });
        let out = '';
        let err = '';
        child.stdout.on('data', (c: Buffer) => (out += c.toString()));
        child.stderr.on('data', (c: Buffer) => (err += c.toString()));
        child.on('close', (code) => resolve({ code, out, err }));
      });
    const sync = await fleet('sync', '--once');
    expect(sync, sync.err).toMatchObject({ code: 0, err: expect.stringMatching(/^dockside fleet: the hub refused this station's audit chain head: its chain ends at row \d+, before row \d+ that the hub anchored\.$/m) });
    const run = await fleet('status');
    expect(run, run.err).toMatchObject({ code: 0 });
    expect(run.out).toMatch(/Audit anchors: +audit chain of station Dock 1 does not match its anchor/);
    expect(run.out).toMatch(/Audit anchors: +audit chain of station Dock 3 does not match its anchor: its chain ends at row \d+/);

    // The owner looked into Dock 1, cleared the flag and dropped the anchor: the next round anchors anew.
    await owner('DELETE FROM audit_anchors WHERE station_id = $1', [a.station.identity.id]);
    await round(a);
    expect(await anchorOf(a)).toEqual({ last_id: head(a).id, last_hash: head(a).hash, mismatch: null });
  });
});
