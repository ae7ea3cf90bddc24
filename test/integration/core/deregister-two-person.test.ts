// devices:deregisterPreview and the second person's PIN on devices:deregister: the lead who scanned a
// batch may remove its devices from Autopilot only with a PIN of a lead who changed none of it, as for
// approval. Through the real dispatcher, against the emulator's DELETE.
import { afterEach, describe, expect, it } from 'vitest';
import { createStation, type Station } from '../../../electron/core/station';
import { silentLogger } from '../../../electron/core/log';
import { staticTokenProvider } from '../../../electron/partner-center/token-provider';
import { filedPkids, syncWorld, TOKEN, type SyncWorld } from '../../helpers/sync-world';

let w: SyncWorld | undefined;
let station: Station | undefined;
afterEach(async () => {
  station?.close();
  await w?.close();
  w = station = undefined;
});

async function uploaded(count: number): Promise<number> {
  w = await syncWorld({ filed: count });
  const batchId = w.approvedBatch('Returns', filedPkids(count));
  await w.engine.runUntilSettled({ timeoutMs: 10_000 });
  w.t.station.close();
  station = await createStation({ dataDir: w.t.dataDir, logger: silentLogger, pinCost: 10, partnerCenter: { baseUrl: w.emu.url, tokenProvider: staticTokenProvider(TOKEN) } });
  return batchId;
}
async function signIn(name: string, pin: string): Promise<string> {
  const r = await station!.call('session:signIn', { name, pin });
  return r.ok ? r.value.token : '';
}

describe('deregister under the two-person rule', () => {
  it('the preview says who may remove; a wrong second PIN is refused; the right one removes, audited with both people', async () => {
    const batchId = await uploaded(2);
    const ada = await signIn('Ada Admin', '482913');
    await station!.call('operators:add', { name: 'Lena Lead', role: 'lead', pin: '583920' }, { sessionToken: ada });

    const preview = await station!.call('devices:deregisterPreview', { batchId }, { sessionToken: ada });
    expect(preview).toMatchObject({ ok: true, value: { batchName: 'Returns', registered: 2, twoPersonRule: { enabled: true, needsSecondPerson: true, eligible: [{ name: 'Lena Lead', role: 'lead' }] } } });
    expect(preview.ok && preview.value.twoPersonRule.explanation).toMatch(/Lena Lead may remove its devices from Autopilot, or confirm your removal with their PIN/);

    const wrong = await station!.call('devices:deregister', { batchId, reason: 'wrong customer', secondPerson: { name: 'Lena Lead', pin: '111111' } }, { sessionToken: ada });
    expect(wrong.ok).toBe(false);
    const byHimself = await station!.call('devices:deregister', { batchId, reason: 'wrong customer', secondPerson: { name: 'Ada Admin', pin: '482913' } }, { sessionToken: ada });
    expect(byHimself).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', message: expect.stringMatching(/someone else/) } });
    expect(w!.emu.control.requests().filter((r) => r.method === 'DELETE')).toHaveLength(0);

    const done = await station!.call('devices:deregister', { batchId, reason: 'wrong customer', secondPerson: { name: 'Lena Lead', pin: '583920' } }, { sessionToken: ada });
    expect(done).toEqual({ ok: true, value: { requested: 2, deregistered: 2, failed: [], pending: 0, movedToBatchId: null } });
    const confirm = station!.database.sqlite.prepare("SELECT operator_name, detail FROM audit WHERE action = 'devices:deregisterConfirm' AND result = 'ok'").all() as { operator_name: string; detail: string }[];
    expect(confirm.map((c) => c.operator_name)).toContain('Lena Lead');
    const after = await station!.call('devices:deregisterPreview', { batchId }, { sessionToken: ada });
    expect(after).toMatchObject({ ok: true, value: { registered: 0 } });
  });

  it('the preview of a lead who changed nothing needs no second person', async () => {
    const batchId = await uploaded(1);
    const ada = await signIn('Ada Admin', '482913');
    await station!.call('operators:add', { name: 'Lena Lead', role: 'lead', pin: '583920' }, { sessionToken: ada });
    const lena = await signIn('Lena Lead', '583920');
    const preview = await station!.call('devices:deregisterPreview', { batchId }, { sessionToken: lena });
    expect(preview).toMatchObject({ ok: true, value: { registered: 1, twoPersonRule: { enabled: true, needsSecondPerson: false } } });
    expect(preview.ok && preview.value.twoPersonRule.explanation).toMatch(/you may remove its devices from Autopilot/);
  });
});
