// `dockside deregister` as a child process, on a data folder whose batch was uploaded to the emulator.
import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { createStation } from '../../../electron/core/station';
import { silentLogger } from '../../../electron/core/log';
import { CUSTOMER, filedPkids, syncWorld, type SyncWorld } from '../../helpers/sync-world';
import { docksideEntry } from '../../helpers/dockside-entry';

function dockside(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(process.execPath, [docksideEntry(), ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, out, err })));
}

let w: SyncWorld | undefined;
afterEach(async () => {
  await w?.close();
  w = undefined;
});

describe('dockside deregister', () => {
  it('removes one device by PKID and a whole batch by name, with a reason; usage errors say what is missing', { timeout: 90_000 }, async () => {
    w = await syncWorld({ filed: 3 });
    w.approvedBatch('PO 9', filedPkids(3));
    await w.engine.runUntilSettled({ timeoutMs: 10_000 });
    w.t.station.close();
    const station = await createStation({ dataDir: w.t.dataDir, logger: silentLogger, pinCost: 10 });
    const admin = await station.call('session:signIn', { name: 'Ada Admin', pin: '482913' });
    await station.call('operators:add', { name: 'Lena', role: 'lead', pin: '583920' }, { sessionToken: admin.ok ? admin.value.token : '' });
    station.close();
    const pc = ['--data-dir', w.t.dataDir, '--partner-center-url', w.emu.url, '--token', 'emulator-app-user-token'];
    const lena = { DOCKSIDE_AS: 'Lena', DOCKSIDE_PIN: '583920' };

    expect(await dockside(['deregister', filedPkids(1)[0] ?? '', ...pc], lena)).toMatchObject({ code: 2, err: expect.stringMatching(/needs --reason TEXT/) });
    expect(await dockside(['deregister', '--reason', 'return', ...pc], lena)).toMatchObject({ code: 2, err: expect.stringMatching(/one PKID or serial, or --batch NAME/) });
    expect(await dockside(['deregister', filedPkids(1)[0] ?? '', '--reason', 'customer return', ...pc], lena)).toMatchObject({ code: 0, out: expect.stringMatching(/Removed from Autopilot: 1 of 1 devices\./) });
    expect(await dockside(['deregister', '--batch', 'po 9', '--reason', 'wrong customer', '--move-to', 'PO 9 Fabrikam', ...pc], lena)).toMatchObject({ code: 0, out: expect.stringMatching(/Removed from Autopilot: 2 of 2 devices\. The boxes continue in the new open batch "PO 9 Fabrikam"\./) });
    const remote = await w.client.deviceBatches.listDevices(CUSTOMER, 'PO 9');
    expect(remote.ok && remote.value.items).toEqual([]);
    expect(await dockside(['deregister', '--batch', 'PO 9', '--reason', 'again', ...pc], lena)).toMatchObject({ code: 1, err: expect.stringMatching(/No live device matches batch PO 9/) });
  });
});
