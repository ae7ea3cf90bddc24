// Model-based property test of the upload engine (fast-check commands). Whatever order approvals,
// engine steps, crashes (including one right after a POST reached Partner Center, before its answer
// was saved), network outages and service faults come in, once the network heals every approved
// device ends registered exactly once in the emulator's count, and the station's record of each
// device equals Partner Center's.
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { PartnerCenterClient } from '../../../electron/partner-center/client';
import { filedPkids, syncWorld, type SyncWorld } from '../../helpers/sync-world';
import type { SyncEngine } from '../../../electron/core/sync/engine';

const RUNS = Number(process.env.DOCKSIDE_PROPERTY_RUNS ?? '1000');
let w: SyncWorld;
let nextPkid = 0;
let nextBatch = 0;

beforeAll(async () => {
  // Jobs advance by polls and by time, as the real service runs them whether or not anyone polls.
  w = await syncWorld({ filed: 0, switches: { jobAdvance: { pollsPerStep: 1, msPerStep: 5 } } });
});
afterAll(async () => {
  await w.close();
});

class Crash extends Error {}

interface Real {
  engine: SyncEngine;
  crashAfterNextSend: boolean;
  approved: string[];
  notFiled: string[];
}

/** The engine sees a client whose next create/append reaches the service and then "kills the process". */
function crashingClient(real: Real, client: PartnerCenterClient): PartnerCenterClient {
  const wrap = <A extends unknown[], R>(fn: (...args: A) => Promise<R>) => async (...args: A): Promise<R> => {
    const result = await fn(...args);
    if (real.crashAfterNextSend) {
      real.crashAfterNextSend = false;
      throw new Crash('process killed after the POST reached the service');
    }
    return result;
  };
  return { ...client, deviceBatches: { ...client.deviceBatches, create: wrap(client.deviceBatches.create), append: wrap(client.deviceBatches.append) } };
}

type Model = Record<string, never>;
type Cmd = fc.AsyncCommand<Model, Real>;

const approve = (filed: number, unfiled: number, chunk: number): Cmd => ({
  check: () => true,
  run: async (_m, r) => {
    const pkids = filedPkids(filed, 100_000 + nextPkid);
    nextPkid += filed;
    w.emu.control.addRegistryDevices(pkids.map((pkid) => ({ pkid })));
    const missing = Array.from({ length: unfiled }, (_, i) => String(3_700_000_000_000 + nextPkid * 10 + i));
    nextPkid += unfiled;
    w.approvedBatch(`P-${nextBatch++}`, [...pkids, ...missing], chunk);
    r.approved.push(...pkids);
    r.notFiled.push(...missing);
  },
  toString: () => `approve(${filed}+${unfiled} in chunks of ${chunk})`,
});

const step: Cmd = { check: () => true, run: async (_m, r) => void (await r.engine.step()), toString: () => 'step' };
const restart: Cmd = {
  check: () => true,
  run: async (_m, r) => {
    r.engine = newEngine(r);
  },
  toString: () => 'crash+restart',
};
const crashAfterSend: Cmd = { check: () => true, run: async (_m, r) => void (r.crashAfterNextSend = true), toString: () => 'arm crash after next POST' };
const networkDown: Cmd = { check: () => true, run: async () => void w.emu.control.setSwitches({ faults: [{ kind: 'drop', rate: 1 }] }), toString: () => 'network down' };
const networkUp: Cmd = { check: () => true, run: async () => void w.emu.control.setSwitches({ faults: [] }), toString: () => 'network up' };
const serviceFault = (kind: 'status' | 'drop', after: boolean): Cmd => ({
  check: () => true,
  run: async () => void w.emu.control.setSwitches({ faults: [{ kind, status: kind === 'status' ? 503 : undefined, after, times: 2, rate: 1 }] }),
  toString: () => `fault ${kind}${after ? ' after the work' : ''}`,
});

function newEngine(r: Real): SyncEngine {
  const engine = w.newEngine();
  // The engine's client is swapped for the crashing one; the real client still does the HTTP.
  (engine as unknown as { deps: { client: () => PartnerCenterClient } }).deps.client = () => crashingClient(r, w.client);
  return engine;
}

it(`registers every approved device exactly once through ${RUNS} random histories`, async () => {
  const commands = fc.commands(
    [
      fc.tuple(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 1, max: 4 })).map(([f, u, c]) => approve(f, u, c)),
      fc.constant(step),
      fc.constant(step),
      fc.constant(step),
      fc.constant(restart),
      fc.constant(crashAfterSend),
      fc.constant(networkDown),
      fc.constant(networkUp),
      fc.boolean().map((after) => serviceFault('drop', after)),
      fc.boolean().map((after) => serviceFault('status', after)),
    ],
    { maxCommands: 25 },
  );
  await fc.assert(
    fc.asyncProperty(commands, async (cmds) => {
      const real: Real = { engine: undefined as unknown as SyncEngine, crashAfterNextSend: false, approved: [], notFiled: [] };
      real.engine = newEngine(real);
      w.emu.control.setSwitches({ faults: [] });
      await fc.asyncModelRun(() => ({ model: {}, real }), cmds);
      // Heal everything and let a fresh engine (after a last crash) finish the work.
      w.emu.control.setSwitches({ faults: [] });
      real.crashAfterNextSend = false;
      real.engine = newEngine(real);
      await real.engine.runUntilSettled({ timeoutMs: 20_000 });
      const sqlite = w.t.station.database.sqlite;
      const counts = new Map(w.emu.control.registrations().map((r) => [r.identity, r.count]));
      for (const pkid of real.approved) {
        const local = sqlite.prepare('SELECT state, remote_device_id AS remote FROM devices WHERE pkid = ? AND removed_at IS NULL').get(pkid) as { state: string; remote: string | null };
        expect(local.state, `${pkid} local state`).toBe('registered');
        const registered = [...counts.entries()].filter(([identity]) => identity.includes(pkid));
        expect(registered.map(([, n]) => n), `${pkid} registrations`).toEqual([1]);
      }
      for (const pkid of real.notFiled) {
        const local = sqlite.prepare('SELECT state, error_code AS code FROM devices WHERE pkid = ?').get(pkid) as { state: string; code: string };
        expect(local).toEqual({ state: 'failed', code: '812' });
      }
      expect(w.emu.control.duplicates()).toEqual([]);
      const stuck = sqlite.prepare("SELECT count(*) AS n FROM uploads WHERE state IN ('pending', 'sending', 'accepted')").get() as { n: number };
      expect(stuck.n).toBe(0);
    }),
    { numRuns: RUNS },
  );
  // Local equals remote: every device the station holds as registered is in Partner Center under the same id.
  const remote = await w.client.deviceBatches.list('6f1c4a2e-8d3b-4c5f-9a7e-2b1d0c9e8f71');
  expect(remote.ok).toBe(true);
  const remoteIds = new Set<string>();
  for (const b of remote.ok ? remote.value.items : []) {
    const devices = await w.client.deviceBatches.listDevices('6f1c4a2e-8d3b-4c5f-9a7e-2b1d0c9e8f71', b.id);
    for (const d of devices.ok ? devices.value.items : []) remoteIds.add(d.id);
  }
  const localIds = (w.t.station.database.sqlite.prepare("SELECT remote_device_id AS id FROM devices WHERE state = 'registered' AND error_code IS NULL").all() as { id: string }[]).map((r) => r.id);
  for (const id of localIds) expect(remoteIds.has(id)).toBe(true);
}, 1_800_000);
