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
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', message: expect.stringMatching(/you scanned lines of batch PO-4711\. Ada Admin, Liam may approve it, or confirm your approval with their PIN/), details: { rule: 'two-person' } } });
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

  it('names the lines scanned without being on the expected list, with who scanned them', async () => {
    t = await reviewStation();
    t.addCustomer(TENANT, 'Contoso');
    await t.must('expected:import', { batchId: t.batchId, fileName: 'asn.csv', contentBase64: t.base64('PKID\n3905012345678\n'), mode: 'replace' });
    await t.scan('3905012345678');
    await t.scan('3905012345699');
    await t.must('batches:close', { id: t.batchId }, t.operator);
    const p = await t.must('approval:preview', { batchId: t.batchId, customerTenantId: TENANT });
    expect(p.expected).toMatchObject({ expected: 1, matched: 1, missing: 0, unexpected: 1, unexpectedDevices: [{ pkid: '3905012345699', scannedBy: 'Olga' }] });
  });
});

describe('two-person rule: whoever changed what is sent', () => {
  const deviceIds = (s: ReviewStation) => (s.station.database.sqlite.prepare('SELECT id FROM devices WHERE batch_id = ? ORDER BY id').all(s.batchId) as { id: number }[]).map((r) => r.id);

  it('refuses a lead who fixed a line (serial, make, model) and then approves alone; another lead may', async () => {
    t = await closedBatch();
    const [first] = deviceIds(t);
    await t.must('review:fixDevice', { deviceId: first!, serial: 'SN-EDITED-1', manufacturer: 'Contoso', model: 'Edit 1', reason: 'label smudged' });
    const alone = await t.station.call('approval:approve', { batchId: t.batchId, customerTenantId: TENANT }, { sessionToken: t.lead });
    expect(alone).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', message: expect.stringMatching(/you fixed lines of batch PO-4711/), details: { rule: 'two-person', reason: 'approver-changed', eligible: expect.arrayContaining(['Liam']) } } });
    const preview = await t.must('approval:preview', { batchId: t.batchId, customerTenantId: TENANT });
    expect(preview.twoPersonRule).toMatchObject({ needsSecondPerson: true, changers: expect.arrayContaining([{ operatorId: expect.any(Number), name: 'Lena', what: ['fixed'] }]) });
    expect(preview.twoPersonRule.eligible.map((e) => e.name)).toEqual(expect.arrayContaining(['Liam', 'Ada Admin']));
    expect(preview.twoPersonRule.eligible.map((e) => e.name)).not.toContain('Lena');
    await t.must('approval:approve', { batchId: t.batchId, customerTenantId: TENANT }, t.otherLead);
  });

  it('counts restoring a removed line as a change, removing one not', async () => {
    t = await closedBatch();
    const [first, second] = deviceIds(t);
    await t.must('review:removeDevice', { deviceId: first!, reason: 'damaged box' }, t.otherLead);
    expect((await t.must('approval:preview', { batchId: t.batchId, customerTenantId: TENANT }, t.otherLead)).twoPersonRule.needsSecondPerson).toBe(false);
    await t.must('review:removeDevice', { deviceId: second!, reason: 'check' });
    await t.must('review:restoreDevice', { deviceId: second!, reason: 'was fine' }, t.otherLead);
    const refused = await t.station.call('approval:approve', { batchId: t.batchId, customerTenantId: TENANT }, { sessionToken: t.otherLead });
    expect(refused).toMatchObject({ ok: false, error: { message: expect.stringMatching(/you restored lines/) } });
    await t.must('approval:approve', { batchId: t.batchId, customerTenantId: TENANT });
  });

  it("a second person who changed nothing confirms with their PIN; the approval records both", async () => {
    t = await closedBatch();
    const [first] = deviceIds(t);
    await t.must('review:fixDevice', { deviceId: first!, serial: 'SN-EDITED-1', manufacturer: 'Contoso', model: 'Edit 1', reason: 'label smudged' });
    const done = await t.must('approval:approve', { batchId: t.batchId, customerTenantId: TENANT, secondPerson: { name: 'liam', pin: '739154' } });
    expect(done).toMatchObject({ approvedBy: 'Lena', confirmedBy: 'Liam', batch: { state: 'approved' } });
    expect(auditRows(t, 'approval:approve').at(-1)).toMatchObject({ result: 'ok', operator_name: 'Lena', detail: { confirmedByName: 'Liam' } });
    expect(auditRows(t, 'approval:confirm')).toEqual([expect.objectContaining({ result: 'ok', operator_name: 'Liam' })]);
  });

  it('refuses a second person who changed the batch too, an operator, oneself, and a wrong PIN (which counts toward their lock-out)', async () => {
    t = await closedBatch();
    const [first, second] = deviceIds(t);
    await t.must('review:fixDevice', { deviceId: first!, serial: 'SN-EDITED-1', manufacturer: 'Contoso', model: 'Edit 1', reason: 'label a' });
    await t.must('review:fixDevice', { deviceId: second!, serial: 'SN-EDITED-2', manufacturer: 'Contoso', model: 'Edit 2', reason: 'label b' }, t.otherLead);
    const approve = (secondPerson: { name: string; pin: string }) => t!.station.call('approval:approve', { batchId: t!.batchId, customerTenantId: TENANT, secondPerson }, { sessionToken: t!.lead });
    expect(await approve({ name: 'Liam', pin: '739154' })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/Liam fixed lines of batch PO-4711 too/) } });
    expect(await approve({ name: 'Olga', pin: '602817' })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/Olga may not approve batches/) } });
    expect(await approve({ name: 'Lena', pin: '739154' })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/someone else/) } });
    for (let i = 0; i < 4; i++) expect(await approve({ name: 'Ada Admin', pin: '111222' })).toMatchObject({ ok: false, error: { code: 'BAD_CREDENTIALS' } });
    expect(await approve({ name: 'Ada Admin', pin: '111222' })).toMatchObject({ ok: false, error: { code: 'LOCKED_OUT' } });
    // The admin's lock-out is the sign-in lock-out: the right PIN is refused everywhere now.
    expect(await t.station.call('session:signIn', { name: 'Ada Admin', pin: '482913' })).toMatchObject({ ok: false, error: { code: 'LOCKED_OUT' } });
    expect((t.station.database.sqlite.prepare('SELECT state FROM batches WHERE id = ?').get(t.batchId) as { state: string }).state).toBe('closed');
  });

  it('says why nobody can approve, and the way out, when every lead and admin changed the batch', async () => {
    t = await closedBatch();
    const [first, second] = deviceIds(t);
    const admin = await t.tokenFor('admin');
    await t.must('review:fixDevice', { deviceId: first!, serial: 'SN-1', manufacturer: 'Contoso', model: 'M', reason: 'label a' });
    await t.must('review:fixDevice', { deviceId: second!, serial: 'SN-2', manufacturer: 'Contoso', model: 'M', reason: 'label b' }, t.otherLead);
    await t.must('review:fixDevice', { deviceId: second!, serial: 'SN-3', manufacturer: 'Contoso', model: 'M', reason: 'label c' }, admin);
    const preview = await t.must('approval:preview', { batchId: t.batchId, customerTenantId: TENANT });
    expect(preview.twoPersonRule.eligible).toEqual([]);
    expect(preview.twoPersonRule.explanation).toMatch(/Nobody can approve batch PO-4711.*turn the two-person rule off in Settings/);
    expect(preview.blockers).toContain(preview.twoPersonRule.explanation);
    await t.must('settings:update', { key: 'batches.twoPersonRule', value: false }, admin);
    expect(auditRows(t, 'settings:update').at(-1)).toMatchObject({ operator_name: 'Ada Admin', detail: { before: true, after: false } });
    await t.must('approval:approve', { batchId: t.batchId, customerTenantId: TENANT });
  });
});

describe('moving failed devices to a new batch', () => {
  it('keeps the customer, and whoever changed the devices before the move still may not approve them alone (the mover may)', async () => {
    t = await closedBatch();
    const [first] = (t.station.database.sqlite.prepare('SELECT id FROM devices WHERE batch_id = ? ORDER BY id').all(t.batchId) as { id: number }[]).map((r) => r.id);
    await t.must('review:fixDevice', { deviceId: first!, serial: 'SN-EDITED-1', manufacturer: 'Contoso', model: 'Edit 1', reason: 'label smudged' });
    await t.must('approval:approve', { batchId: t.batchId, customerTenantId: TENANT }, t.otherLead);
    // What the upload engine records when Partner Center refuses every device (808: already claimed).
    t.station.database.sqlite.prepare("UPDATE devices SET state = 'failed', error_code = '808', error_text = 'claimed' WHERE batch_id = ?").run(t.batchId);
    t.station.database.sqlite.prepare("UPDATE batches SET state = 'needs_attention' WHERE id = ?").run(t.batchId);
    const moved = await t.must('uploads:moveFailed', { batchId: t.batchId, newBatchName: 'PO-4711-again' }, t.otherLead);
    expect(moved.moved).toBe(2);
    await t.must('batches:close', { id: moved.batchId }, t.otherLead);
    const summary = await t.must('approval:preview', { batchId: moved.batchId }, t.otherLead);
    expect(summary.batch.customerTenantId).toBe(TENANT);
    expect(summary.twoPersonRule).toMatchObject({ needsSecondPerson: false });
    expect(summary.twoPersonRule.changers).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'Lena', what: ['changed before a move'] })]));
    const lena = await t.station.call('approval:approve', { batchId: moved.batchId, customerTenantId: TENANT }, { sessionToken: t.lead });
    expect(lena).toMatchObject({ ok: false, error: { details: { rule: 'two-person' } } });
    await t.must('approval:approve', { batchId: moved.batchId, customerTenantId: TENANT }, t.otherLead);
  });
});
