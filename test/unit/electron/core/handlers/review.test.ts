// The shift lead's desk: paging and filters with totals, "where is this box?", and audited
// remove / restore / fix, allowed only before approval.
import { afterEach, describe, expect, it } from 'vitest';
import { snapshotDatabase } from '../../../../helpers/temp-station';
import { auditRows, reviewStation, type ReviewStation } from '../../../../helpers/review-station';

let t: ReviewStation | undefined;
afterEach(() => t?.cleanup());

const P = (i: number) => String(3_905_012_345_600 + i);
const idOf = (s: ReviewStation, pkid: string) => (s.station.database.sqlite.prepare('SELECT id FROM devices WHERE pkid = ? ORDER BY id DESC').get(pkid) as { id: number }).id;

describe('review:devices', () => {
  it('pages by keyset in scan order and counts per state, operator and source', async () => {
    t = await reviewStation();
    for (let i = 0; i < 7; i++) await t.scan(P(i), i < 5 ? t.operator : t.otherLead);
    await t.must('review:removeDevice', { deviceId: idOf(t, P(1)), reason: 'double box' });
    const first = await t.must('review:devices', { batchId: t.batchId, limit: 3 });
    expect(first.rows.map((r) => r.pkid)).toEqual([P(0), P(2), P(3)]);
    expect(first.nextAfter).toBe(first.rows[2]?.id);
    const second = await t.must('review:devices', { batchId: t.batchId, limit: 3, after: first.nextAfter ?? 0 });
    expect(second.rows.map((r) => r.pkid)).toEqual([P(4), P(5), P(6)]);
    expect(second.nextAfter).toBeNull();
    expect(first.totals).toMatchObject({ matching: 6, byState: { all: 7, live: 6, removed: 1, scanned: 6, registered: 0 } });
    expect(first.totals.byOperator).toEqual([
      { operatorId: expect.any(Number), name: 'Liam', count: 2 },
      { operatorId: expect.any(Number), name: 'Olga', count: 4 },
    ]);
    expect(first.totals.bySource).toEqual([{ source: 'wedge', count: 6 }]);
  });

  it('filters by state (removed too), operator, source and text', async () => {
    t = await reviewStation();
    for (let i = 0; i < 4; i++) await t.scan(P(i));
    await t.scan(P(9), t.otherLead);
    await t.must('review:removeDevice', { deviceId: idOf(t, P(2)), reason: 'wrong pallet' });
    const removed = await t.must('review:devices', { batchId: t.batchId, state: 'removed' });
    expect(removed.rows).toEqual([expect.objectContaining({ pkid: P(2), removed: true, removedBy: 'Lena', removedReason: 'wrong pallet', scannedBy: 'Olga' })]);
    const liam = (await t.must('review:devices', { batchId: t.batchId })).totals.byOperator.find((o) => o.name === 'Liam');
    const byLiam = await t.must('review:devices', { batchId: t.batchId, operatorId: liam?.operatorId ?? 0 });
    expect(byLiam.rows.map((r) => r.pkid)).toEqual([P(9)]);
    expect((await t.must('review:devices', { batchId: t.batchId, source: 'import' })).rows).toEqual([]);
    const search = await t.must('review:devices', { batchId: t.batchId, search: P(0).slice(0, 12), state: 'all' });
    expect(search.rows.map((r) => r.pkid)).toEqual([P(0), P(1), P(2), P(3), P(9)]);
    expect(search.totals.byState).toMatchObject({ all: 5, removed: 1, live: 4 });
    const one = await t.must('review:devices', { batchId: t.batchId, search: P(2) });
    expect(one).toMatchObject({ rows: [], totals: { matching: 0, byState: { all: 1, removed: 1, live: 0 } } });
    expect((await t.must('review:devices', { batchId: t.batchId, search: '%' })).rows).toEqual([]);
  });
});

describe('review:find', () => {
  it('finds a PKID in any batch, removed lines too, and a serial by prefix; an operator may ask', async () => {
    t = await reviewStation();
    const other = await t.must('batches:create', { name: 'PO-4712' }, t.operator);
    await t.scan(P(1));
    await t.must('review:removeDevice', { deviceId: idOf(t, P(1)), reason: 'moved to the other pallet' });
    await t.scan(P(1), t.operator, other.id);
    await t.must('review:fixDevice', { deviceId: idOf(t, P(1)), serial: 'PF1ABCDE', reason: 'label read' });
    const found = await t.must('review:find', { query: P(1) }, t.operator);
    expect(found.matches.map((m) => [m.batchName, m.removed])).toEqual([
      ['PO-4712', false],
      ['PO-4711', true],
    ]);
    expect((await t.must('review:find', { query: 'PF1AB' }, t.operator)).matches.map((m) => m.pkid)).toEqual([P(1)]);
    expect((await t.must('review:find', { query: 'pf1ab' }, t.operator)).matches).toHaveLength(1);
    expect((await t.must('review:find', { query: `]C1${P(1)}` }, t.operator)).matches).toHaveLength(2);
    expect(await t.must('review:find', { query: '0000000000000' }, t.operator)).toEqual({ matches: [], truncated: false });
  });
});

describe('remove, restore, fix', () => {
  it('each change is audited with who and why', async () => {
    t = await reviewStation();
    await t.scan(P(0));
    const id = idOf(t, P(0));
    await t.must('review:removeDevice', { deviceId: id, reason: 'damaged box' });
    await t.must('review:restoreDevice', { deviceId: id, reason: 'box was fine' });
    const fixed = await t.must('review:fixDevice', { deviceId: id, serial: 'PF1ABCDE', manufacturer: 'LENOVO', reason: 'typed from label' });
    expect(fixed).toMatchObject({ serial: 'PF1ABCDE', manufacturer: 'LENOVO', model: null, removed: false });
    expect(auditRows(t, 'review:removeDevice')).toEqual([expect.objectContaining({ operator_name: 'Lena', object_id: String(id), detail: expect.objectContaining({ reason: 'damaged box', pkid: P(0) }) })]);
    expect(auditRows(t, 'review:restoreDevice')).toEqual([expect.objectContaining({ operator_name: 'Lena', detail: expect.objectContaining({ reason: 'box was fine', removedReason: 'damaged box' }) })]);
    expect(auditRows(t, 'review:fixDevice')).toEqual([
      expect.objectContaining({ detail: expect.objectContaining({ before: { serial: null, manufacturer: null, model: null }, after: { serial: 'PF1ABCDE', manufacturer: 'LENOVO', model: null }, reason: 'typed from label' }) }),
    ]);
  });

  it('restore is refused with a clear message when the PKID is live elsewhere now', async () => {
    t = await reviewStation();
    const other = await t.must('batches:create', { name: 'PO-4712' }, t.operator);
    await t.scan(P(0));
    const id = idOf(t, P(0));
    await t.must('review:removeDevice', { deviceId: id, reason: 'wrong pallet' });
    await t.scan(P(0), t.operator, other.id);
    const before = snapshotDatabase(t.station);
    const r = await t.station.call('review:restoreDevice', { deviceId: id, reason: 'undo' }, { sessionToken: t.lead });
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(new RegExp(`PKID ${P(0)} cannot be restored: it is live in batch PO-4712 now \\(scanned by Olga`)) } });
    expect(snapshotDatabase(t.station)).toBe(before);
  });

  it('never edits a PKID, refuses commas and an empty change, and refuses a serial live elsewhere', async () => {
    t = await reviewStation();
    await t.scan(P(0));
    await t.scan(P(1));
    const id = idOf(t, P(0));
    const call = (input: Record<string, unknown>) => t?.station.dispatch('review:fixDevice', { deviceId: id, reason: 'fix', ...input }, { sessionToken: t.lead });
    expect(await call({ pkid: P(5) })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/A PKID is never edited: remove the line and scan the box again/) } });
    expect(await call({ model: 'A, B' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/No commas/) } });
    expect(await call({})).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/Nothing to change/) } });
    expect(await call({ serial: 'SN1', reason: 'x' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/Say why/) } });
    await t.must('review:fixDevice', { deviceId: idOf(t, P(1)), serial: 'SN1', reason: 'label' });
    expect(await call({ serial: 'SN1' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/Serial SN1 is already on a live line in batch PO-4711/) } });
  });

  it('changes lines only while the batch is open or closed', async () => {
    t = await reviewStation();
    await t.scan(P(0));
    const id = idOf(t, P(0));
    await t.must('batches:close', { id: t.batchId }, t.operator);
    await t.must('review:removeDevice', { deviceId: id, reason: 'damaged' });
    await t.must('review:restoreDevice', { deviceId: id, reason: 'fine' });
    t.station.database.sqlite.prepare("UPDATE batches SET state = 'approved' WHERE id = ?").run(t.batchId);
    const before = snapshotDatabase(t.station);
    for (const [channel, input] of [
      ['review:removeDevice', { deviceId: id, reason: 'late' }],
      ['review:fixDevice', { deviceId: id, serial: 'SN', reason: 'late' }],
    ] as const) {
      expect(await t.station.dispatch(channel, input, { sessionToken: t.lead })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', message: 'Batch PO-4711 is approved: its lines can no longer be changed.' } });
    }
    expect(snapshotDatabase(t.station)).toBe(before);
  });
});

describe('batches:reopen', () => {
  it('reopens a closed batch (lead only), audited; refuses an open one', async () => {
    t = await reviewStation();
    await t.scan(P(0));
    await t.must('batches:close', { id: t.batchId }, t.operator);
    expect(await t.station.call('batches:reopen', { id: t.batchId }, { sessionToken: t.operator })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.must('batches:reopen', { id: t.batchId })).toMatchObject({ state: 'open', closedAt: null });
    expect(await t.station.call('batches:reopen', { id: t.batchId }, { sessionToken: t.lead })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', message: expect.stringMatching(/Only a closed batch can be reopened/) } });
    expect(auditRows(t, 'batches:reopen')).toEqual([expect.objectContaining({ operator_name: 'Lena' })]);
    await t.scan(P(1));
  });
});

describe('identity on the desk', () => {
  const HASH = Buffer.alloc(1536, 3).toString('base64');
  const csv = (lines: readonly string[]) => `${lines.join('\r\n')}\r\n`;
  async function importLines(s: ReviewStation, lines: readonly string[]) {
    const contentBase64 = s.base64(csv(lines));
    const preview = await s.must('import:preview', { batchId: s.batchId, fileName: 'devices.csv', contentBase64 });
    if (preview.refusedCount > 0) throw new Error(preview.refused.map((r) => `${r.line}: ${r.message}`).join('\n'));
    await s.must('import:commit', { batchId: s.batchId, fileName: 'devices.csv', contentBase64, token: preview.token });
  }
  const bySerial = (s: ReviewStation, serial: string) => (s.station.database.sqlite.prepare('SELECT id FROM devices WHERE serial = ? ORDER BY id').all(serial) as { id: number }[]).map((r) => r.id);
  const TUPLES = ['Device Serial Number,Windows Product ID,Hardware Hash,Manufacturer name,Device model', `PF1,,${HASH},,`, 'J7K2,,,Dell Inc.,Latitude 5440', 'J7K2,,,LENOVO,21HD'];

  it('every row says which identity will be sent: PKID, hardware hash or the tuple; review:find too', async () => {
    t = await reviewStation();
    await t.scan(P(0));
    await importLines(t, TUPLES);
    const { rows } = await t.must('review:devices', { batchId: t.batchId });
    expect(rows.map((r) => [r.pkid ?? r.serial, r.identity])).toEqual([
      [P(0), { kind: 'pkid', label: `PKID ${P(0)}`, words: { kind: 'pkid', pkid: P(0) } }],
      ['PF1', { kind: 'hash', label: 'Hardware hash (2,048 characters) + serial PF1', words: { kind: 'hash', hashLength: 2048, serial: 'PF1' } }],
      ['J7K2', { kind: 'tuple', label: 'Serial J7K2 · Dell Inc. · Latitude 5440', words: { kind: 'tuple', serial: 'J7K2', manufacturer: 'Dell Inc.', model: 'Latitude 5440' } }],
      ['J7K2', { kind: 'tuple', label: 'Serial J7K2 · LENOVO · 21HD', words: { kind: 'tuple', serial: 'J7K2', manufacturer: 'LENOVO', model: '21HD' } }],
    ]);
    expect(rows[1]).toMatchObject({ hasHardwareHash: true });
    expect(rows[1]).not.toHaveProperty('hardwareHash');
    const found = await t.must('review:find', { query: 'PF1' }, t.operator);
    expect(found.matches.map((m) => m.identity.kind)).toEqual(['hash']);
  });

  it('refuses a correction that leaves a line with no identity, saying what is missing; nothing changes', async () => {
    t = await reviewStation();
    await importLines(t, TUPLES);
    const [dell = 0] = bySerial(t, 'J7K2');
    const before = snapshotDatabase(t.station);
    expect(await t.station.call('review:fixDevice', { deviceId: dell, model: '', reason: 'typo' }, { sessionToken: t.lead })).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message:
          'This change would leave the line with no identity Partner Center can use: Serial J7K2 has no PKID or hardware hash, so it needs its model exactly as the firmware reports them. Give the missing values (all in one change), or leave the line as it is.',
      },
    });
    expect(await t.station.call('review:fixDevice', { deviceId: dell, serial: '', reason: 'typo' }, { sessionToken: t.lead })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringMatching(/no PKID, no hardware hash and no serial/) },
    });
    expect(snapshotDatabase(t.station)).toBe(before);
    // A hash line keeps its identity without a serial.
    const [hashLine = 0] = bySerial(t, 'PF1');
    expect(await t.must('review:fixDevice', { deviceId: hashLine, serial: '', reason: 'serial was a guess' })).toMatchObject({ serial: null, identity: { kind: 'hash' } });
  });

  it('a serial-only line takes manufacturer and model in one change and becomes a tuple; one of them alone is refused', async () => {
    t = await reviewStation();
    const operatorId = (t.station.database.sqlite.prepare("SELECT id FROM operators WHERE name = 'Olga'").get() as { id: number }).id;
    t.station.database.sqlite.prepare("INSERT INTO devices (batch_id, serial, raw, source, scanned_by, scanned_at) VALUES (?, '5CG4210XYZ', '5CG4210XYZ', 'wedge', ?, 1)").run(t.batchId, operatorId);
    const [id = 0] = bySerial(t, '5CG4210XYZ');
    expect((await t.must('review:devices', { batchId: t.batchId })).rows[0]?.identity).toEqual({
      kind: null,
      label: 'Serial 5CG4210XYZ has no PKID or hardware hash, so it needs its manufacturer and model exactly as the firmware reports them.',
      words: { kind: 'needsTuple', serial: '5CG4210XYZ', missing: 'both' },
    });
    expect(await t.station.call('review:fixDevice', { deviceId: id, manufacturer: 'HP', reason: 'from label' }, { sessionToken: t.lead })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringMatching(/needs its model exactly as the firmware reports/) },
    });
    const fixed = await t.must('review:fixDevice', { deviceId: id, manufacturer: 'HP', model: 'HP EliteBook 840 14 inch G10 Notebook PC', reason: 'from label' });
    expect(fixed.identity).toEqual({ kind: 'tuple', label: 'Serial 5CG4210XYZ · HP · HP EliteBook 840 14 inch G10 Notebook PC', words: { kind: 'tuple', serial: '5CG4210XYZ', manufacturer: 'HP', model: 'HP EliteBook 840 14 inch G10 Notebook PC' } });
  });

  it('refuses a correction that makes a line the same box as another: same serial and manufacturer in any case, or a serial Partner Center holds', async () => {
    t = await reviewStation();
    await importLines(t, TUPLES);
    const [, lenovo = 0] = bySerial(t, 'J7K2');
    const before = snapshotDatabase(t.station);
    expect(await t.station.call('review:fixDevice', { deviceId: lenovo, manufacturer: 'DELL INC.', reason: 'wrong make' }, { sessionToken: t.lead })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/^Serial J7K2 \(DELL INC\.\) is already on a live line in batch PO-4711 \(scanned by Lena, .*\): the same box twice\. Remove one of the lines\.$/) },
    });
    // The hash line's serial, with no manufacturer known, collides with that serial from any manufacturer.
    const [hashLine = 0] = bySerial(t, 'PF1');
    expect(await t.station.call('review:fixDevice', { deviceId: hashLine, serial: 'J7K2', reason: 'label' }, { sessionToken: t.lead })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    t.station.database.sqlite.prepare("INSERT INTO remote_devices (customer_tenant_id, remote_batch_id, remote_device_id, serial, manufacturer, refreshed_at) VALUES ('c1', 'Manual CSV', 'r-1', 'R9', 'lenovo', 1)").run();
    const withRemote = snapshotDatabase(t.station);
    expect(await t.station.call('review:fixDevice', { deviceId: lenovo, serial: 'R9', reason: 'label' }, { sessionToken: t.lead })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'Serial R9 (LENOVO) is already registered in Partner Center (device batch Manual CSV): it cannot be registered again.' },
    });
    expect(snapshotDatabase(t.station)).toBe(withRemote);
    expect(before).not.toBe(withRemote);
    // Another serial, or the same serial for another manufacturer, is another box: accepted.
    expect(await t.must('review:fixDevice', { deviceId: lenovo, serial: 'J7K3', reason: 'label' })).toMatchObject({ serial: 'J7K3', identity: { kind: 'tuple' } });
    expect(await t.must('review:fixDevice', { deviceId: lenovo, serial: 'J7K2', manufacturer: 'HP', reason: 'label' })).toMatchObject({ serial: 'J7K2', manufacturer: 'HP' });
  });
});
