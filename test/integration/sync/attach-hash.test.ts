// Fixing an 813 in place: a lead attaches the hash from a Get-WindowsAutopilotInfo CSV to the refused
// device, retries it, and Partner Center registers it by its hash. Odd files are refused with a reason.
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { filedPkids, syncWorld, type SyncWorld } from '../../helpers/sync-world';

let w: SyncWorld | undefined;
afterEach(async () => {
  await w?.engine.stop();
  await w?.close();
  w = undefined;
});

const TWICE = '3300000000048';
const GWAI = 'Device Serial Number,Windows Product ID,Hardware Hash,Group Tag,Assigned User';

function fakeHash(seed: string): string {
  const parts: Buffer[] = [];
  let block = createHash('sha256').update(seed).digest();
  while (parts.length * 32 < 1536) {
    parts.push(block);
    block = createHash('sha256').update(block).digest();
  }
  return Buffer.concat(parts).subarray(0, 1536).toString('base64');
}

const file = (lines: string[]) => Buffer.from(`${[GWAI, ...lines].join('\r\n')}\r\n`, 'utf8').toString('base64');

describe('attaching a hardware hash to a refused device', () => {
  it('turns an 813 into a registration by hash after a retry; audited without the hash itself', async () => {
    w = await syncWorld({ filed: 1, registry: [{ pkid: TWICE }, { pkid: TWICE }] });
    const batchId = w.approvedBatch('Dock 3', [...filedPkids(1), TWICE]);
    await w.engine.runUntilSettled({ timeoutMs: 20_000 });
    expect(w.deviceStates(batchId)).toEqual({ registered: 1, '813': 1 });
    const lead = await w.t.tokenFor('lead', 'Lena');
    const sqlite = w.t.station.database.sqlite;
    const refused = sqlite.prepare('SELECT id FROM devices WHERE pkid = ?').get(TWICE) as { id: number };
    const registered = sqlite.prepare("SELECT id FROM devices WHERE batch_id = ? AND state = 'registered'").get(batchId) as { id: number };
    const attach = (deviceId: number, contentBase64: string) => w!.t.station.call('review:attachHash', { deviceId, fileName: 'AutopilotHWID.csv', contentBase64, reason: '813: collected the hash on the device' }, { sessionToken: lead });

    // Odd files and odd targets first: each says what is wrong, nothing is stored.
    expect(await attach(refused.id, file(['PF3KQ2A1,,,,']))).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/no hardware hash/) } });
    expect(await attach(refused.id, file([`PF3KQ2A1,,${fakeHash('a')},,`, `PF3KQ2A2,,${fakeHash('b')},,`]))).toMatchObject({ ok: false, error: { message: expect.stringMatching(/lists 2 devices and none of them is PKID 3300000000048/) } });
    expect(await attach(refused.id, file([`PF3KQ2A1,,${fakeHash('a').slice(0, 1999)},,`]))).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/^Line 2 of AutopilotHWID\.csv/) } });
    expect(await attach(registered.id, file([`PF3KQ2A1,,${fakeHash('a')},,`]))).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    expect(await attach(refused.id, Buffer.from('not a csv at all\u0000\u0001', 'utf8').toString('base64'))).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect((sqlite.prepare('SELECT hardware_hash AS h FROM devices WHERE id = ?').get(refused.id) as { h: string | null }).h).toBeNull();

    const hash = fakeHash('the-813-device');
    const attached = await attach(refused.id, file([`PF3KQ2A1,,${hash},,`]));
    expect(attached).toMatchObject({ ok: true, value: { pkid: TWICE, state: 'failed', hasHardwareHash: true, identity: { kind: 'hash' } } });
    const audit = sqlite.prepare("SELECT detail FROM audit WHERE action = 'review:attachHash'").all() as { detail: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]?.detail).not.toContain(hash.slice(0, 40));
    expect(JSON.parse(audit[0]?.detail ?? '{}')).toMatchObject({ pkid: TWICE, hashCharacters: hash.length, fileName: 'AutopilotHWID.csv', reason: '813: collected the hash on the device' });

    expect(await w.t.station.call('uploads:retryFailed', { batchId }, { sessionToken: lead })).toMatchObject({ ok: true, value: { queued: 1 } });
    await w.engine.runUntilSettled({ timeoutMs: 20_000 });
    expect(w.deviceStates(batchId)).toEqual({ registered: 2 });
    expect(w.batchState(batchId)).toBe('registered');
  });

  it('before approval: picks the line naming the device in a many-device file, and refuses a hash that is another box', async () => {
    w = await syncWorld({});
    const batchId = w.closedBatch('Dock 4', [{ pkid: '3300000000055', serial: 'PF3KQ2A2' }, { pkid: '3300000000062' }]);
    const lead = await w.t.tokenFor('lead', 'Lena');
    const sqlite = w.t.station.database.sqlite;
    const ids = sqlite.prepare('SELECT id FROM devices WHERE batch_id = ? ORDER BY id').all(batchId) as { id: number }[];
    const many = file([`PF3KQ2A1,,${fakeHash('one')},,`, `PF3KQ2A2,,${fakeHash('two')},,`]);
    const first = await w.t.station.call('review:attachHash', { deviceId: ids[0]!.id, fileName: 'pallet.csv', contentBase64: many, reason: 'hash collected' }, { sessionToken: lead });
    expect(first).toMatchObject({ ok: true, value: { identity: { kind: 'hash' } } });
    expect((sqlite.prepare('SELECT hardware_hash AS h FROM devices WHERE id = ?').get(ids[0]!.id) as { h: string }).h).toBe(fakeHash('two'));
    // The same hash on the other line would make it the same box twice.
    const again = await w.t.station.call('review:attachHash', { deviceId: ids[1]!.id, fileName: 'one.csv', contentBase64: file([`,,${fakeHash('two')},,`]), reason: 'hash collected' }, { sessionToken: lead });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/already on a live line in batch Dock 4/) } });
    // An operator may not.
    const operator = await w.t.tokenFor('operator', 'Olga');
    expect(await w.t.station.call('review:attachHash', { deviceId: ids[1]!.id, fileName: 'x.csv', contentBase64: many, reason: 'hash collected' }, { sessionToken: operator })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
