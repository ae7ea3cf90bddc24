// Shift report (local-time buckets) and the audit viewer (filters, keyset paging, chain status).
import { afterEach, describe, expect, it } from 'vitest';
import { reviewStation, type ReviewStation } from '../../../../helpers/review-station';

let t: ReviewStation | undefined;
afterEach(() => t?.cleanup());

describe('reports:shift', () => {
  it('buckets scans per local hour per operator, counts batches by state, registrations per day and error codes', async () => {
    t = await reviewStation();
    const sqlite = t.station.database.sqlite;
    const now = new Date();
    const at = (h: number, m: number, dayOffset = 0) => new Date(now.getFullYear(), now.getMonth(), now.getDate() + dayOffset, h, m).getTime();
    const id = (name: string) => (sqlite.prepare('SELECT id FROM operators WHERE name = ?').get(name) as { id: number }).id;
    const insert = sqlite.prepare("INSERT INTO devices (batch_id, pkid, raw, source, scanned_by, scanned_at, state, error_code, error_text, upload_id) VALUES (?, ?, 'x', ?, ?, ?, ?, ?, ?, ?)");
    const upload = Number(sqlite.prepare("INSERT INTO uploads (batch_id, seq, state, created_at, updated_at) VALUES (?, 1, 'done', ?, ?)").run(t.batchId, at(11, 0), at(11, 30)).lastInsertRowid);
    insert.run(t.batchId, '3905012345600', 'wedge', id('Olga'), at(9, 10), 'registered', null, null, upload);
    insert.run(t.batchId, '3905012345601', 'wedge', id('Olga'), at(9, 50), 'failed', '808', 'ZtdDeviceAssignedToOtherTenant', upload);
    insert.run(t.batchId, '3905012345602', 'camera', id('Liam'), at(10, 5), 'failed', '808', 'ZtdDeviceAssignedToOtherTenant', null);
    insert.run(t.batchId, '3905012345603', 'import', id('Liam'), at(9, 0), 'scanned', null, null, null);
    insert.run(t.batchId, '3905012345604', 'wedge', id('Olga'), at(9, 0, -2), 'failed', '806', 'ZtdDeviceAlreadyAssigned', null);
    const range = { from: at(0, 0), to: at(0, 0, 1) };
    const r = await t.must('reports:shift', range);
    const day = (ms: number) => new Date(ms).toLocaleDateString('sv-SE');
    expect(r.scansPerHour).toEqual([
      { hour: `${day(at(9, 0))} 09:00`, operator: 'Olga', count: 2 },
      { hour: `${day(at(9, 0))} 10:00`, operator: 'Liam', count: 1 },
    ]);
    expect(r.batchesByState).toEqual([{ state: 'open', count: 1 }]);
    expect(r.registeredPerDay).toEqual([{ day: day(at(11, 30)), count: 1 }]);
    expect(r.errorCodes).toEqual([{ code: '808', text: 'ZtdDeviceAssignedToOtherTenant', count: 2 }]);
    expect(r.timeZone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);

    const csv = await t.must('reports:exportCsv', range);
    expect(csv.csv.split('\r\n').slice(0, 3)).toEqual(['\uFEFFSection,Period,Operator,State,Error code,Error text,Count', `Scans per hour,${day(at(9, 0))} 09:00,Olga,,,,2`, `Scans per hour,${day(at(9, 0))} 10:00,Liam,,,,1`]);
    expect(csv.fileName).toMatch(/^shift-report-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
  });

  it('counts boxes, not scan events: an undone read is no box, a moved box counts once; its error too', async () => {
    t = await reviewStation();
    const sqlite = t.station.database.sqlite;
    const now = new Date();
    const at = new Date(now.getFullYear(), now.getMonth(), now.getDate(), 9, 10).getTime();
    const olga = (sqlite.prepare("SELECT id FROM operators WHERE name = 'Olga'").get() as { id: number }).id;
    const insert = sqlite.prepare("INSERT INTO devices (batch_id, pkid, raw, source, scanned_by, scanned_at, state, error_code, error_text, removed_at, removed_reason) VALUES (?, ?, 'x', 'wedge', ?, ?, ?, ?, ?, ?, ?)");
    insert.run(t.batchId, '3905012345600', olga, at, 'scanned', null, null, null, null);
    insert.run(t.batchId, '3905012345601', olga, at, 'scanned', null, null, at + 1000, 'undo');
    insert.run(t.batchId, '3905012345602', olga, at, 'failed', '808', 'ZtdDeviceAssignedToOtherTenant', at + 5000, 'moved to batch Later');
    insert.run(t.batchId, '3905012345602', olga, at, 'scanned', '808', 'ZtdDeviceAssignedToOtherTenant', null, null);
    insert.run(t.batchId, '3905012345603', olga, at, 'failed', '813', 'ZtdDeviceIsNotUnique', at + 6000, 'returned to the supplier');
    const r = await t.must('reports:shift', { from: at - 3_600_000, to: at + 3_600_000 });
    // Four scans, one taken back; the moved box is one box; the box a lead removed later was scanned.
    expect(r.scansPerHour.reduce((n, x) => n + x.count, 0)).toBe(3);
    expect(r.errorCodes.map((e) => [e.code, e.count])).toEqual([['808', 1], ['813', 1]]);
  });

  it('counts error devices per code by the identity they were sent with', async () => {
    t = await reviewStation();
    const sqlite = t.station.database.sqlite;
    const insert = sqlite.prepare("INSERT INTO devices (batch_id, pkid, serial, manufacturer, model, hardware_hash, raw, source, scanned_by, scanned_at, state, error_code, error_text) VALUES (?, ?, ?, ?, ?, ?, 'x', 'import', 2, ?, 'failed', ?, ?)");
    const at = Date.now();
    insert.run(t.batchId, '3905012345600', null, null, null, null, at, '812', 'ZtdDeviceNotFound');
    insert.run(t.batchId, null, '5CG4210XYZ', 'HP', 'HP EliteBook 840 14 inch G10 Notebook PC', null, at, '812', 'ZtdDeviceNotFound');
    insert.run(t.batchId, null, 'PF1ABCDE', 'LENOVO', '21HD0012US', null, at, '812', 'ZtdDeviceNotFound');
    insert.run(t.batchId, '3905012345601', 'SN-HASH', null, null, 'A'.repeat(5000), at, '802', 'InvalidZtdHardwareHash');
    insert.run(t.batchId, null, 'SN-HALF', 'HP', null, null, at, '803', 'MissingZtdSerialNumberAndProductKey');
    const r = await t.must('reports:shift', { from: at - 60_000, to: at + 60_000 });
    expect(r.errorCodes.map((e) => [e.code, e.count])).toEqual([['812', 3], ['802', 1], ['803', 1]]);
    expect(r.errorIdentities).toEqual([
      { code: '802', identity: 'hash', count: 1 },
      { code: '803', identity: null, count: 1 },
      { code: '812', identity: 'tuple', count: 2 },
      { code: '812', identity: 'pkid', count: 1 },
    ]);
  });

  it('puts a scan in its local hour in a half-hour time zone', async () => {
    const saved = process.env.TZ;
    process.env.TZ = 'Asia/Kolkata';
    try {
      t = await reviewStation();
      const sqlite = t.station.database.sqlite;
      // 04:45 UTC is 10:15 in India (UTC+5:30): the 10:00 bucket, not 09:00 or 04:00.
      const scanned = Date.UTC(2026, 10, 23, 4, 45);
      sqlite.prepare("INSERT INTO devices (batch_id, pkid, raw, source, scanned_by, scanned_at) VALUES (?, '3905012345600', 'x', 'wedge', 2, ?)").run(t.batchId, scanned);
      const r = await t.must('reports:shift', { from: Date.UTC(2026, 10, 22), to: Date.UTC(2026, 10, 24) });
      expect(r.scansPerHour.map((x) => x.hour)).toEqual(['2026-11-23 10:00']);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('refuses a range that ends before it starts', async () => {
    t = await reviewStation();
    expect(await t.station.call('reports:shift', { from: 10, to: 5 }, { sessionToken: t.lead })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('audit:list', () => {
  it('filters by operator, action, batch and time, pages newest first, and reports the chain', async () => {
    t = await reviewStation();
    for (const p of ['3905012345600', '3905012345601', '3905012345602']) await t.scan(p);
    const ids = (t.station.database.sqlite.prepare('SELECT id FROM devices ORDER BY id').all() as { id: number }[]).map((r) => r.id);
    await t.must('review:removeDevice', { deviceId: ids[0] ?? 0, reason: 'damaged' });
    await t.must('batches:close', { id: t.batchId }, t.operator);
    const page1 = await t.must('audit:list', { action: 'scans:record', limit: 2 });
    expect(page1.rows.map((r) => r.action)).toEqual(['scans:record', 'scans:record']);
    expect(page1.chain).toMatchObject({ ok: true });
    const page2 = await t.must('audit:list', { action: 'scans:record', limit: 2, before: page1.nextBefore ?? 0, verify: false });
    expect(page2).toMatchObject({ rows: [{ action: 'scans:record' }], nextBefore: null, chain: null });
    expect(page1.rows[0]?.id).toBeGreaterThan(page2.rows[0]?.id ?? Infinity);
    const batch = await t.must('audit:list', { batchId: t.batchId });
    expect(batch.rows.map((r) => r.action)).toEqual(['batches:close', 'review:removeDevice', 'batches:create']);
    const lena = (t.station.database.sqlite.prepare("SELECT id FROM operators WHERE name = 'Lena'").get() as { id: number }).id;
    expect((await t.must('audit:list', { operatorId: lena })).rows.map((r) => r.action)).toEqual(['review:removeDevice', 'session:signIn']);
    expect((await t.must('audit:list', { from: Date.now() + 60_000 })).rows).toEqual([]);
    expect(await t.station.call('audit:list', {}, { sessionToken: t.operator })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('says what happened in words with names: operator, batch, PKID, customer, the refused reason', async () => {
    t = await reviewStation();
    const TENANT = '11111111-2222-3333-4444-555555555555';
    t.addCustomer(TENANT, 'Contoso');
    await t.scan('3905012345600');
    expect(await t.must('scans:record', { batchId: t.batchId, raw: '3905012345600', source: 'wedge', confirmPkid: true }, t.operator)).toMatchObject({ verdict: 'duplicate' });
    const id = (t.station.database.sqlite.prepare('SELECT id FROM devices').get() as { id: number }).id;
    await t.must('review:removeDevice', { deviceId: id, reason: 'Box damaged' });
    await t.scan('3905012345601');
    await t.must('batches:close', { id: t.batchId }, t.operator);
    await t.must('approval:approve', { batchId: t.batchId, customerTenantId: TENANT }, t.otherLead);
    const rows = (await t.must('audit:list', { batchId: t.batchId })).rows;
    const said = (action: string) => rows.filter((r) => r.action === action).map((r) => [r.summary, r.objectName]);
    expect(said('approval:approve')).toEqual([['Liam approved batch PO-4711 for Contoso (1 device)', 'batch PO-4711']]);
    expect(said('batches:close')).toEqual([['Olga closed batch PO-4711 with 1 device', 'batch PO-4711']]);
    expect(said('review:removeDevice')).toEqual([['Lena removed PKID 3905012345600 from batch PO-4711: Box damaged', 'PKID 3905012345600']]);
    const scans = (await t.must('audit:list', { action: 'scans:record' })).rows.map((r) => [r.summary, r.objectName]);
    expect(scans).toEqual([
      ['Olga scanned PKID 3905012345601 into batch PO-4711', 'PKID 3905012345601'],
      ['Olga scanned PKID 3905012345600 again: refused as a duplicate', 'PKID 3905012345600'],
      ['Olga scanned PKID 3905012345600 into batch PO-4711', 'PKID 3905012345600'],
    ]);
    expect((await t.must('audit:list', { action: 'session:signIn', limit: 1 })).rows[0]?.summary).toMatch(/^(Olga|Lena|Liam|Ada Admin) signed in$/);
  });

  it('says where the chain breaks', async () => {
    t = await reviewStation();
    t.station.database.sqlite.prepare("UPDATE audit SET operator_name = 'Mallory' WHERE id = 3").run();
    expect((await t.must('audit:list', {})).chain).toMatchObject({ ok: false, rowId: 3, problem: expect.stringMatching(/audit row 3 .* was changed/) });
  });
});
