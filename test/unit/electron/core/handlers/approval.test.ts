// Approval: closed batch, a cached customer, and the two-person rule (on by default).
import { afterEach, describe, expect, it } from 'vitest';
import { snapshotDatabase } from '../../../../helpers/temp-station';
import { auditRows, reviewStation, type ReviewStation } from '../../../../helpers/review-station';

let t: ReviewStation | undefined;
afterEach(() => t?.cleanup());

const TENANT = '11111111-2222-3333-4444-555555555555';

async function closedBatch(): Promise<ReviewStation> {
  const s = await reviewStation();
  s.addCustomer(TENANT, 'Contoso');
  await s.scan('3905012345678');
  await s.scan('3905012345679');
  await s.must('batches:close', { id: s.batchId }, s.operator);
  return s;
}

describe('approval:approve', () => {
  it('approves a closed batch for a cached customer, queues its devices for upload in the same transaction, audited', async () => {
    t = await closedBatch();
    const done = await t.must('approval:approve', { batchId: t.batchId, customerTenantId: TENANT });
    expect(done).toMatchObject({ batch: { state: 'approved', customerTenantId: TENANT }, approvedBy: 'Lena', customerName: 'Contoso' });
    const row = t.station.database.sqlite.prepare('SELECT approved_by, approved_at FROM batches WHERE id = ?').get(t.batchId) as { approved_by: number; approved_at: number };
    expect(row.approved_at).toBe(done.approvedAt);
    const states = t.station.database.sqlite.prepare('SELECT DISTINCT state FROM devices').all();
    expect(states).toEqual([{ state: 'queued' }]);
    expect(t.station.database.sqlite.prepare("SELECT batch_id, state FROM uploads").all()).toEqual([{ batch_id: t.batchId, state: 'pending' }]);
    expect(auditRows(t, 'approval:approve')).toEqual([expect.objectContaining({ result: 'ok', operator_name: 'Lena', detail: expect.objectContaining({ customerTenantId: TENANT, devices: 2, chunks: 1, twoPersonRule: true }) })]);
  });

  it('two-person rule: refuses a lead who scanned a live line of the batch, and audits the refusal', async () => {
    t = await reviewStation();
    t.addCustomer(TENANT, 'Contoso');
    await t.scan('3905012345678', t.lead);
    await t.scan('3905012345679');
    await t.must('batches:close', { id: t.batchId }, t.operator);
    const r = await t.station.call('approval:approve', { batchId: t.batchId, customerTenantId: TENANT }, { sessionToken: t.lead });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', message: expect.stringMatching(/You scanned or imported 1 of batch PO-4711's devices: another lead must approve it \(two-person rule\)/), details: { rule: 'two-person' } } });
    expect(auditRows(t, 'approval:approve')).toEqual([expect.objectContaining({ result: 'denied', operator_name: 'Lena' })]);
    expect((t.station.database.sqlite.prepare('SELECT state FROM batches WHERE id = ?').get(t.batchId) as { state: string }).state).toBe('closed');
    // Another lead may; or this lead once the setting is off.
    await t.must('approval:approve', { batchId: t.batchId, customerTenantId: TENANT }, t.otherLead);
  });

  it('two-person rule counts imports too, ignores removed lines, and can be switched off', async () => {
    t = await reviewStation();
    t.addCustomer(TENANT, 'Contoso');
    const text = 'PKID\n3905012345678\n';
    const preview = await t.must('import:preview', { batchId: t.batchId, fileName: 'a.csv', contentBase64: t.base64(text) });
    await t.must('import:commit', { batchId: t.batchId, fileName: 'a.csv', contentBase64: t.base64(text), token: preview.token });
    await t.must('batches:close', { id: t.batchId }, t.operator);
    expect(await t.station.call('approval:approve', { batchId: t.batchId, customerTenantId: TENANT }, { sessionToken: t.lead })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    const admin = await t.tokenFor('admin');
    await t.must('settings:update', { key: 'batches.twoPersonRule', value: false }, admin);
    expect(await t.must('approval:preview', { batchId: t.batchId, customerTenantId: TENANT })).toMatchObject({ twoPersonRule: { enabled: false, yourDevices: 1 }, blockers: [] });
    await t.must('approval:approve', { batchId: t.batchId, customerTenantId: TENANT });
  });

  it('refuses an unknown customer with NOT_FOUND and "refresh the customer list", an open batch, and an approved one; nothing written', async () => {
    t = await reviewStation();
    t.addCustomer(TENANT, 'Contoso');
    await t.scan('3905012345678');
    const before = snapshotDatabase(t.station);
    expect(await t.station.call('approval:approve', { batchId: t.batchId, customerTenantId: TENANT }, { sessionToken: t.lead })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', message: expect.stringMatching(/Only a closed batch can be approved; batch PO-4711 is open\. Close it first\./) },
    });
    await t.must('batches:close', { id: t.batchId }, t.operator);
    const closed = snapshotDatabase(t.station);
    expect(await t.station.call('approval:approve', { batchId: t.batchId, customerTenantId: 'nobody' }, { sessionToken: t.lead })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: expect.stringMatching(/refresh the customer list/) },
    });
    expect(snapshotDatabase(t.station)).toBe(closed);
    expect(before).not.toBe(closed);
    await t.must('approval:approve', { batchId: t.batchId, customerTenantId: TENANT });
    expect(await t.station.call('approval:approve', { batchId: t.batchId, customerTenantId: TENANT }, { sessionToken: t.lead })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
  });
});

describe('approval:preview', () => {
  it('reports count, same-serial pairs, missing expected lines, the customer and blockers', async () => {
    t = await reviewStation();
    t.addCustomer(TENANT, 'Contoso');
    const asn = 'PKID,Serial Number\n3905012345678,SN1\n3905012345679,SN2\n3905012345680,SN3\n';
    await t.must('expected:import', { batchId: t.batchId, fileName: 'asn.csv', contentBase64: t.base64(asn), mode: 'replace' });
    await t.scan('3905012345678');
    await t.scan('3905012345679');
    const [a, b] = (t.station.database.sqlite.prepare('SELECT id FROM devices ORDER BY id').all() as { id: number }[]).map((r) => r.id);
    // Two live lines sharing a serial can only arise by direct writes or unusual paths; the preview still says so.
    t.station.database.sqlite.prepare("UPDATE devices SET serial = 'DUP' WHERE id IN (?, ?)").run(a, b);
    const open = await t.must('approval:preview', { batchId: t.batchId });
    expect(open.blockers).toEqual([expect.stringMatching(/Only a closed batch/), 'Choose the customer.']);
    await t.must('batches:close', { id: t.batchId }, t.operator);
    const p = await t.must('approval:preview', { batchId: t.batchId, customerTenantId: TENANT });
    expect(p).toMatchObject({
      deviceCount: 2,
      sameSerial: [{ serial: 'DUP', deviceIds: [a, b], batchNames: ['PO-4711'] }],
      expected: { expected: 3, matched: 2, missing: 1, missingLines: [{ line: 4, pkid: '3905012345680', serial: 'SN3' }] },
      customer: { tenantId: TENANT, companyName: 'Contoso' },
      twoPersonRule: { enabled: true, yourDevices: 0 },
      blockers: [],
    });
    expect((await t.must('approval:preview', { batchId: t.batchId, customerTenantId: 'x' })).blockers).toEqual([expect.stringMatching(/refresh the customer list/)]);
  });
});
