// The two-person rule's hole, attacked over the real browser host (a `dockside serve` child process,
// real sockets, a real SQLite file): a lead who did not scan a batch edits a line (serial, make and
// model) and then approves alone. The core must refuse, and say who may.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHostProcess, type HostProcess } from '../../helpers/host-process';
import { ADMIN, makeTempDir } from '../../helpers/temp-station';

const TENANT = '11111111-2222-3333-4444-555555555555';
let host: HostProcess | undefined;
afterEach(async () => {
  await host?.kill();
  host = undefined;
});

describe('two-person rule over the real host', () => {
  it('a lead who fixed a line may not approve alone; with a second PIN, or by another lead, it goes through', async () => {
    const dir = makeTempDir();
    const h = await startHostProcess(dir);
    host = h;
    const must = async <T,>(channel: string, input: unknown, session?: string): Promise<T> => {
      const r = await h.rpc<T>(channel, input, session);
      if (!r.ok) throw new Error(`${channel}: ${r.error?.message}`);
      return r.value as T;
    };
    await must('station:setupFirstAdmin', ADMIN);
    const admin = (await must<{ token: string }>('session:signIn', ADMIN)).token;
    await must('operators:add', { name: 'Olga', role: 'operator', pin: '602817' }, admin);
    await must('operators:add', { name: 'Lena', role: 'lead', pin: '739154' }, admin);
    const olga = (await must<{ token: string }>('session:signIn', { name: 'Olga', pin: '602817' })).token;
    const lena = (await must<{ token: string }>('session:signIn', { name: 'Lena', pin: '739154' })).token;
    const batch = await must<{ id: number }>('batches:create', { name: 'PO-9' }, olga);
    for (const raw of ['3905012345678', '3905012345679']) await must('scans:record', { batchId: batch.id, raw, source: 'wedge', confirmPkid: true }, olga);
    await must('batches:close', { id: batch.id }, olga);
    const db = new Database(join(dir, 'dockside.sqlite'), { timeout: 5_000 });
    db.prepare("INSERT INTO customers (tenant_id, company_name, domain, relationship, refreshed_at) VALUES (?, 'Contoso', 'contoso.example', 'reseller', ?)").run(TENANT, Date.now());
    const deviceId = (db.prepare('SELECT id FROM devices WHERE batch_id = ? ORDER BY id LIMIT 1').get(batch.id) as { id: number }).id;
    db.close();

    await must('review:fixDevice', { deviceId, serial: 'SN-SWAPPED', manufacturer: 'Fabrikam', model: 'Other', reason: 'sent to a friend' }, lena);
    const alone = await h.rpc('approval:approve', { batchId: batch.id, customerTenantId: TENANT }, lena);
    expect(alone).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', message: expect.stringMatching(/you fixed lines of batch PO-9\. Ada Admin may approve it, or confirm your approval with their PIN/) } });
    const preview = await must<{ twoPersonRule: { eligible: { name: string }[]; changers: { name: string; what: string[] }[] } }>('approval:preview', { batchId: batch.id, customerTenantId: TENANT }, lena);
    expect(preview.twoPersonRule.eligible.map((e) => e.name)).toEqual(['Ada Admin']);
    expect(preview.twoPersonRule.changers).toEqual([{ operatorId: expect.any(Number), name: 'Lena', what: ['fixed'] }, { operatorId: expect.any(Number), name: 'Olga', what: ['scanned'] }]);
    const done = await must<{ approvedBy: string; confirmedBy: string }>('approval:approve', { batchId: batch.id, customerTenantId: TENANT, secondPerson: { name: 'Ada Admin', pin: ADMIN.pin } }, lena);
    expect(done).toMatchObject({ approvedBy: 'Lena', confirmedBy: 'Ada Admin' });
  }, 240_000);
});
