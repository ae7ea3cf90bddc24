// The undo rule: Ctrl+Z takes back the operator's last read only. A serial that joined a box is one
// read; its box (the PKID read before it) stays.
import { afterEach, describe, expect, it } from 'vitest';
import { liveDeviceCount, scanStation, type ScanStation } from '../../../../helpers/scan-station';

let t: ScanStation | undefined;
afterEach(() => t?.cleanup());

const PKID = '3905012345678';
const PKID_2 = '3905012345679';
const LENOVO_SERIAL = '1S20XW0012USPF1ABCDE';

async function undo(s: ScanStation) {
  const result = await s.station.call('scans:undo', { batchId: s.batchId }, { sessionToken: s.token });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

function live(s: ScanStation): { pkid: string | null; serial: string | null; manufacturer: string | null }[] {
  return s.station.database.sqlite.prepare('SELECT pkid, serial, manufacturer FROM devices WHERE removed_at IS NULL ORDER BY id').all() as never;
}

describe('scans:undo takes back the last read only', () => {
  it('a serial joined to a PKID: undo removes the serial, the box and its PKID stay; the next serial joins it', async () => {
    t = await scanStation();
    await t.scan(PKID_2);
    await t.scan(PKID);
    expect(await t.scan(LENOVO_SERIAL)).toMatchObject({ effect: 'serial-attached', count: 2 });
    const first = await undo(t);
    expect(first).toMatchObject({ undid: 'serial', removed: null, box: { pkid: PKID, serial: null }, count: 2 });
    expect(first.message).toContain('PF1ABCDE');
    expect(live(t)).toEqual([
      { pkid: PKID_2, serial: null, manufacturer: null },
      { pkid: PKID, serial: null, manufacturer: null },
    ]);
    // The box is open again for its right serial.
    expect(await t.scan('1S20XW0012USPF9RIGHT')).toMatchObject({ effect: 'serial-attached', device: { pkid: PKID, serial: 'PF9RIGHT' } });
    // Undo twice more: the new serial, then the PKID's box itself; the older box is untouched.
    expect(await undo(t)).toMatchObject({ undid: 'serial', box: { pkid: PKID } });
    expect(await undo(t)).toMatchObject({ undid: 'box', removed: { pkid: PKID }, count: 1 });
    expect(live(t)).toEqual([{ pkid: PKID_2, serial: null, manufacturer: null }]);
  });

  it('the serial came first: undo removes the PKID read and the serial waits for its PKID again', async () => {
    t = await scanStation();
    expect(await t.scan('1S20XW0012USPF2XYZ99')).toMatchObject({ effect: 'serial-waiting' });
    expect(await t.scan(PKID)).toMatchObject({ effect: 'new-box', device: { serial: 'PF2XYZ99' } });
    expect(await undo(t)).toMatchObject({ undid: 'box', removed: { pkid: PKID }, waitingSerial: 'PF2XYZ99', count: 0 });
    expect(await t.scan(PKID_2)).toMatchObject({ effect: 'new-box', device: { pkid: PKID_2, serial: 'PF2XYZ99' } });
    expect(liveDeviceCount(t)).toBe(1);
  });

  it('a serial still waiting for its PKID is the last read: undo drops it and stores nothing', async () => {
    t = await scanStation();
    await t.scan(PKID);
    await t.scan(LENOVO_SERIAL);
    await t.scan('1S20XW0012USPF2XYZ99');
    expect(await undo(t)).toMatchObject({ undid: 'waiting-serial', removed: null, count: 1 });
    expect(await t.scan(PKID_2)).toMatchObject({ effect: 'new-box', device: { pkid: PKID_2, serial: null } });
    expect(live(t).map((d) => [d.pkid, d.serial])).toEqual([
      [PKID, 'PF1ABCDE'],
      [PKID_2, null],
    ]);
  });

  it('which read came last is told by the audit trail, and every undo is audited with what it took back', async () => {
    t = await scanStation();
    await t.scan(PKID);
    await t.scan(LENOVO_SERIAL);
    // A scan into another batch in between is no read of this batch.
    const other = await t.station.call('batches:create', { name: 'PO-4712' }, { sessionToken: t.token });
    if (!other.ok) throw new Error(other.error.message);
    await t.scan(PKID_2, { batchId: other.value.id });
    expect(await undo(t)).toMatchObject({ undid: 'serial', box: { pkid: PKID, serial: null } });
    const rows = t.station.database.sqlite.prepare("SELECT detail FROM audit WHERE action = 'scans:undo'").all() as { detail: string }[];
    expect(rows.map((r) => JSON.parse(r.detail) as Record<string, unknown>)).toEqual([expect.objectContaining({ undid: 'serial', pkid: PKID, serial: 'PF1ABCDE', manufacturer: 'LENOVO' })]);
  });

  it('imported lines are no read of the operator: undo leaves them alone', async () => {
    t = await scanStation('lead');
    const sqlite = t.station.database.sqlite;
    sqlite.prepare("INSERT INTO devices (batch_id, pkid, raw, source, scanned_by, scanned_at) SELECT ?, ?, 'x', 'import', id, 1 FROM operators WHERE name = 'Olga'").run(t.batchId, PKID);
    expect(await undo(t)).toMatchObject({ undid: null, message: 'Nothing of yours to undo in this batch.' });
    expect(liveDeviceCount(t)).toBe(1);
  });
});
