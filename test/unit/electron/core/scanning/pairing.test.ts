// Issue 13 item 3: a serial joins a box only when it belongs there; multi-field reads give both;
// layout damage is refused with the way to fix it.
import { afterEach, describe, expect, it } from 'vitest';
import { liveDeviceCount, scanStation, type ScanStation } from '../../../../helpers/scan-station';

const PKID = '3904567123456';
const PKID_2 = '3904567123463';
let t: ScanStation | undefined;
afterEach(() => {
  t?.cleanup();
  t = undefined;
});

const serialOf = (s: ScanStation, pkid: string): unknown => s.station.database.sqlite.prepare('SELECT serial FROM devices WHERE pkid = ? AND removed_at IS NULL').get(pkid);

describe('pairing a serial with its box', () => {
  it('does not make garbage a serial of a box scanned two reads earlier past a duplicate (the issue)', async () => {
    t = await scanStation();
    await t.scan(PKID);
    await t.scan(PKID_2);
    expect(await t.scan(PKID)).toMatchObject({ verdict: 'duplicate' });
    const garbage = await t.scan('12345ABCDEFGHIJKLMN');
    expect(garbage).toMatchObject({ verdict: 'confirm', value: '12345ABCDEFGHIJKLMN' });
    expect(garbage.message).toMatch(/Add serial 12345ABCDEFGHIJKLMN to box 3904567123463\?/);
    expect(serialOf(t, PKID)).toEqual({ serial: null });
    expect(serialOf(t, PKID_2)).toEqual({ serial: null });
  });

  it('asks about a serial of no maker’s format even right after its PKID, and adds it once confirmed', async () => {
    t = await scanStation();
    await t.scan(PKID);
    expect(await t.scan('PF1ABCDE')).toMatchObject({ verdict: 'confirm' });
    expect(serialOf(t, PKID)).toEqual({ serial: null });
    expect(await t.scan('PF1ABCDE', { confirmPkid: true })).toMatchObject({ verdict: 'accepted', effect: 'serial-attached', device: { pkid: PKID, serial: 'PF1ABCDE' } });
  });

  it('joins a maker’s serial read right after its PKID without asking', async () => {
    t = await scanStation();
    await t.scan(PKID);
    expect(await t.scan('5CG1234XYZ')).toMatchObject({ verdict: 'accepted', effect: 'serial-attached', device: { serial: '5CG1234XYZ', manufacturer: 'HP' } });
  });

  it('still pairs when the same PKID is read again in between (a camera re-reading the label)', async () => {
    t = await scanStation();
    await t.scan(PKID);
    expect(await t.scan(PKID)).toMatchObject({ verdict: 'duplicate' });
    expect(await t.scan('5CG1234XYZ')).toMatchObject({ verdict: 'accepted', effect: 'serial-attached' });
  });

  it('asks when another read came in between, or the window has passed', async () => {
    t = await scanStation();
    await t.scan(PKID);
    expect(await t.scan('ABC')).toMatchObject({ verdict: 'invalid' });
    const asked = await t.scan('5CG1234XYZ');
    expect(asked).toMatchObject({ verdict: 'confirm' });
    expect(asked.message).toMatch(/another read came after that box/);
    const set = await t.station.call('settings:update', { key: 'scanner.pairWindowSeconds', value: 1 }, { sessionToken: await t.tokenFor('admin', 'Ada') });
    expect(set.ok).toBe(true);
    await t.scan(PKID_2);
    await new Promise((r) => setTimeout(r, 1100));
    const late = await t.scan('7XK4M12');
    expect(late).toMatchObject({ verdict: 'confirm' });
    expect(late.message).toMatch(/the window is 1 s/);
    expect(serialOf(t, PKID_2)).toEqual({ serial: null });
  });

  it('does not give a waiting serial to a PKID when a read came in between', async () => {
    t = await scanStation();
    expect(await t.scan('7XK4M12')).toMatchObject({ effect: 'serial-waiting' });
    await t.scan('4006381333931', { symbology: 'ean13' });
    const pkid = await t.scan(PKID);
    expect(pkid).toMatchObject({ verdict: 'accepted', device: { serial: null } });
    expect(pkid.verdict === 'accepted' && pkid.message).toMatch(/Serial 7XK4M12 was not added/);
  });

  it('takes the PKID and the serial from one multi-field read (ISO/IEC 15434, GS1)', async () => {
    t = await scanStation();
    const envelope = `[)>\u001e06\u001dP20XW0012US\u001dS5CG1234XYZ\u001d${PKID}\u001e\u0004`;
    expect(await t.scan(envelope)).toMatchObject({ verdict: 'accepted', effect: 'new-box', device: { pkid: PKID, serial: '5CG1234XYZ', manufacturer: 'HP' } });
    expect(await t.scan(`]d221PF9ZZZ01\u001d240${PKID_2}`)).toMatchObject({ verdict: 'accepted', device: { pkid: PKID_2, serial: 'PF9ZZZ01' } });
    expect(liveDeviceCount(t)).toBe(2);
  });
});

describe('keyboard layout damage', () => {
  it('refuses a flagged read, names what a US scanner meant, and says to run the scanner test', async () => {
    t = await scanStation();
    const v = await t.scan('5CG12ZY4QA', { layoutMismatch: true, usReading: '5CG12YZ4QA' });
    expect(v).toMatchObject({ verdict: 'invalid' });
    expect(v.message).toMatch(/keyboard layout does not match.*5CG12YZ4QA.*Scanner test/);
    expect(liveDeviceCount(t)).toBe(0);
  });
});
