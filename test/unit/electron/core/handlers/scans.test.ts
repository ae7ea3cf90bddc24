import { afterEach, describe, expect, it } from 'vitest';
import { liveDeviceCount, scanStation, type ScanStation } from '../../../../helpers/scan-station';

let t: ScanStation | undefined;
afterEach(() => t?.cleanup());

// 3905012345675 passes the EAN-13 check; 3905012345678 does not, so it is a plain PKID.
const PKID = '3905012345678';
const PKID_2 = '3905012345679';

describe('scans:record', () => {
  it('accepts a PKID, stores it with its audit row, and counts it', async () => {
    t = await scanStation();
    expect(await t.scan(`${PKID}\r\n`)).toMatchObject({ verdict: 'accepted', effect: 'new-box', count: 1, device: { pkid: PKID, scannedBy: 'Olga', source: 'wedge' } });
    const audit = t.station.database.sqlite.prepare("SELECT result, detail FROM audit WHERE action = 'scans:record'").all() as { result: string; detail: string }[];
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]?.detail ?? '{}')).toMatchObject({ pkid: PKID });
  });

  it('says where a duplicate is: this batch, or another batch by name', async () => {
    t = await scanStation();
    await t.scan(PKID);
    expect(await t.scan(PKID)).toMatchObject({ verdict: 'duplicate', where: { scope: 'this-batch', batchName: 'PO-4711', scannedBy: 'Olga' }, count: 1 });
    const other = await t.station.call('batches:create', { name: 'PO-4712' }, { sessionToken: t.token });
    const otherId = other.ok ? other.value.id : -1;
    const verdict = await t.scan(PKID, { batchId: otherId });
    expect(verdict).toMatchObject({ verdict: 'duplicate', where: { scope: 'other-batch', batchName: 'PO-4711' }, count: 0 });
    expect(verdict.message).toMatch(/already in batch PO-4711/);
    expect(liveDeviceCount(t)).toBe(1);
  });

  it("says a box is already registered when Partner Center's inventory holds its PKID", async () => {
    t = await scanStation();
    const sqlite = t.station.database.sqlite;
    sqlite.prepare("INSERT INTO customers (tenant_id, company_name, relationship, refreshed_at) VALUES ('c1', 'Contoso Ltd', 'reseller', 1)").run();
    sqlite.prepare("INSERT INTO remote_devices (customer_tenant_id, remote_batch_id, remote_device_id, pkid, refreshed_at) VALUES ('c1', 'Manual CSV', 'r-1', ?, 1)").run(PKID);
    const verdict = await t.scan(PKID);
    expect(verdict).toMatchObject({ verdict: 'duplicate', where: { scope: 'registered', batchName: 'Manual CSV' } });
    expect(verdict.message).toMatch(/already registered in Partner Center for Contoso Ltd/);
    expect(liveDeviceCount(t)).toBe(0);
  });

  it('refuses what is not a PKID, saying what was read, and stores nothing', async () => {
    t = await scanStation();
    const cases: [string, RegExp][] = [
      ['123456789013', /12 digits/],
      ['', /.+/],
      ['x'.repeat(10_000), /.+/],
      ['39050\u000112345678', /.+/],
      [`${PKID}${PKID_2}`, /.+/],
    ];
    for (const [raw, why] of cases) {
      const verdict = await t.scan(raw);
      expect(verdict.verdict).toBe('invalid');
      expect(verdict.message).toMatch(why);
    }
    expect(await t.scan('4006381333931', { symbology: 'ean13' })).toMatchObject({ verdict: 'invalid', message: expect.stringMatching(/retail barcode/) });
    expect(liveDeviceCount(t)).toBe(0);
  });

  it('asks before taking a 13-digit read that passes the EAN-13 check, and takes it once confirmed', async () => {
    t = await scanStation();
    expect(await t.scan('3905012345675')).toMatchObject({ verdict: 'confirm', value: '3905012345675' });
    expect(liveDeviceCount(t)).toBe(0);
    expect(await t.scan('3905012345675', { confirmPkid: true })).toMatchObject({ verdict: 'accepted', device: { pkid: '3905012345675' } });
  });

  it('pairs a serial with the PKID scanned just before it, or just after it', async () => {
    t = await scanStation();
    await t.scan(PKID);
    expect(await t.scan('1S20XW0012USPF1ABCDE')).toMatchObject({ verdict: 'accepted', effect: 'serial-attached', device: { pkid: PKID, serial: 'PF1ABCDE', manufacturer: 'LENOVO' } });
    expect(await t.scan('PF2XYZ9')).toMatchObject({ verdict: 'accepted', effect: 'serial-waiting', device: null });
    expect(await t.scan(PKID_2)).toMatchObject({ verdict: 'accepted', effect: 'new-box', device: { pkid: PKID_2, serial: 'PF2XYZ9' } });
    expect(liveDeviceCount(t)).toBe(2);
  });

  it('does not attach a serial to a box of another operator, and refuses a serial already used', async () => {
    t = await scanStation();
    await t.scan(PKID);
    const lead = await t.tokenFor('lead', 'Lena');
    expect(await t.scan('7XK4M12', { token: lead })).toMatchObject({ effect: 'serial-waiting' });
    expect(await t.scan('7XK4M12')).toMatchObject({ effect: 'serial-attached' });
    expect(await t.scan('7XK4M12')).toMatchObject({ verdict: 'duplicate' });
  });

  it('records a PKID typed by hand like a scan, and its audit row says it was typed (source manual)', async () => {
    t = await scanStation();
    const typed = await t.station.call('scans:record', { batchId: t.batchId, raw: ` ${PKID} `, source: 'manual' }, { sessionToken: t.token });
    expect(typed).toMatchObject({ ok: true, value: { verdict: 'accepted', device: { pkid: PKID } } });
    const row = t.station.database.sqlite.prepare("SELECT detail FROM audit WHERE action = 'scans:record'").get() as { detail: string };
    expect(JSON.parse(row.detail)).toMatchObject({ pkid: PKID, source: 'manual', typed: true });
    // Typed twice is still a duplicate; typed rubbish is refused like a bad scan.
    expect(await t.station.call('scans:record', { batchId: t.batchId, raw: PKID, source: 'manual' }, { sessionToken: t.token })).toMatchObject({ ok: true, value: { verdict: 'duplicate' } });
    expect(await t.station.call('scans:record', { batchId: t.batchId, raw: '39050123456', source: 'manual' }, { sessionToken: t.token })).toMatchObject({ ok: true, value: { verdict: 'invalid' } });
    expect(await t.station.call('scans:record', { batchId: t.batchId, raw: PKID_2, source: 'keyboard' as never }, { sessionToken: t.token })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('refuses scans into a closed batch', async () => {
    t = await scanStation();
    await t.scan(PKID);
    expect((await t.station.call('batches:close', { id: t.batchId }, { sessionToken: t.token })).ok).toBe(true);
    const result = await t.station.call('scans:record', { batchId: t.batchId, raw: PKID_2, source: 'wedge' }, { sessionToken: t.token });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
  });
});

describe('scans:undo', () => {
  it("removes only the operator's own last box, audited, and the PKID can be scanned again", async () => {
    t = await scanStation();
    await t.scan(PKID);
    const lead = await t.tokenFor('lead', 'Lena');
    await t.scan(PKID_2, { token: lead });
    const undo = await t.station.call('scans:undo', { batchId: t.batchId }, { sessionToken: t.token });
    expect(undo).toMatchObject({ ok: true, value: { removed: { pkid: PKID }, count: 1 } });
    expect(await t.station.call('scans:undo', { batchId: t.batchId }, { sessionToken: t.token })).toMatchObject({ ok: true, value: { removed: null } });
    expect(await t.scan(PKID)).toMatchObject({ verdict: 'accepted' });
    const rows = t.station.database.sqlite.prepare("SELECT count(*) AS n FROM audit WHERE action = 'scans:undo'").get() as { n: number };
    expect(rows.n).toBe(1);
  });
});

describe('batches', () => {
  it('validates names, refuses a second batch of the same name in any case, lists with counts, closes once', async () => {
    t = await scanStation();
    const call = (ch: 'batches:create', name: string) => t!.station.call(ch, { name }, { sessionToken: t!.token });
    expect(await call('batches:create', 'po-4711')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await call('batches:create', 'bad/name')).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await call('batches:create', 'x'.repeat(65))).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await call('batches:create', '  Pallet  7 ')).toMatchObject({ ok: true, value: { name: 'Pallet 7', state: 'open', deviceCount: 0 } });
    await t.scan(PKID);
    const list = await t.station.call('batches:list', { states: ['open'] }, { sessionToken: t.token });
    expect(list.ok && list.value.map((b) => [b.name, b.deviceCount])).toEqual([['Pallet 7', 0], ['PO-4711', 1]]);
    expect(await t.station.call('batches:close', { id: t.batchId }, { sessionToken: t.token })).toMatchObject({ ok: true, value: { state: 'closed' } });
    expect(await t.station.call('batches:close', { id: t.batchId }, { sessionToken: t.token })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    // A closed batch cannot be resumed: the refusal of its name does not offer it.
    const again = await call('batches:create', 'PO-4711');
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(again.ok ? '' : again.error.message).toBe('A batch called "PO-4711" already exists. It is ready for review, so it takes no more scans: choose another name.');
    expect(await call('batches:create', 'pallet 7')).toMatchObject({ ok: false, error: { message: 'A batch called "Pallet 7" already exists. Resume it from the list of open batches, or choose another name.' } });
  });
});
