// A devices file needs an identity per line (hardware hash, PKID, or serial + manufacturer + model),
// not a PKID column; duplicates are found under every identity, within the file, against live devices
// and against Partner Center's inventory. Planning only: the lookups are plain lists here, the real
// queries are exercised in test/integration/core/import-identities.test.ts.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { planDeviceImport, type DeviceLookups, type Holder, type RemoteHolder } from '../../../../../electron/core/import/plan';

/** A plausible 4K hash: `bytes` deterministic bytes as base64. */
const hash = (seed: string, bytes = 1536) => {
  const parts: Buffer[] = [];
  for (let i = 0; parts.length * 32 < bytes; i++) parts.push(createHash('sha256').update(`${seed}/${i}`).digest());
  return Buffer.concat(parts).subarray(0, bytes).toString('base64');
};

const none: DeviceLookups = { livePkids: () => [], liveSerials: () => [], liveHashes: () => [], remotePkids: () => [], remoteSerials: () => [] };

function plan(lines: readonly string[], lookups: DeviceLookups = none, batchId = 1) {
  const r = planDeviceImport(Buffer.from(`${lines.join('\r\n')}\r\n`), 'devices.csv', batchId, lookups);
  if (!r.ok) throw new Error(r.message);
  return { accepted: r.plan.accepted, refused: r.plan.refusals.lines(), byReason: r.plan.refusals.byReason };
}

const GWAI = 'Device Serial Number,Windows Product ID,Hardware Hash,Group Tag,Assigned User';
const ALL = 'Device Serial Number,Windows Product ID,Hardware Hash,Manufacturer name,Device model';

const holder = (value: string, extra: Partial<Holder> = {}): Holder => ({
  value,
  deviceId: 7,
  batchId: 2,
  batchName: 'PO-4712',
  state: 'scanned',
  manufacturer: null,
  scannedBy: 'Olga',
  scannedAt: Date.UTC(2026, 11, 4, 9, 30),
  ...extra,
});
const remote = (value: string, manufacturer: string | null = null): RemoteHolder => ({ value, customerTenantId: 'tenant-1', companyName: 'Contoso', remoteBatchId: 'PO-1', manufacturer });
const having = <T extends { value: string }>(list: T[]) => (values: readonly string[]) => list.filter((h) => values.includes(h.value));

describe('devices by identity', () => {
  it('imports a Get-WindowsAutopilotInfo file: hash and serial, no PKID; the hash is stored without the line breaks a copy put in', () => {
    const a = hash('a');
    const wrapped = `"${a.slice(0, 1000)}\n${a.slice(1000)}"`;
    const r = plan([GWAI, `PF1,,${hash('b')},Dock-3,`, `PF2,,${wrapped},,`]);
    expect(r.refused).toEqual([]);
    expect(r.accepted).toEqual([
      { line: 2, pkid: null, serial: 'PF1', manufacturer: null, model: null, hash: hash('b') },
      { line: 3, pkid: null, serial: 'PF2', manufacturer: null, model: null, hash: a },
    ]);
  });

  it('takes each line by the identity it has: PKID, hash or tuple, mixed in one file', () => {
    const r = plan([ALL, ',3905012345678,,,', `SN2,,${hash('c')},,`, 'SN3,,,HP,HP EliteBook 840 14 inch G10 Notebook PC']);
    expect(r.refused).toEqual([]);
    expect(r.accepted.map((x) => [x.line, x.pkid, x.serial, x.hash === null ? null : 'hash', x.manufacturer, x.model])).toEqual([
      [2, '3905012345678', null, null, null, null],
      [3, null, 'SN2', 'hash', null, null],
      [4, null, 'SN3', null, 'HP', 'HP EliteBook 840 14 inch G10 Notebook PC'],
    ]);
  });

  it('refuses a line with no identity, saying what is missing and that it cannot be registered', () => {
    expect(plan([GWAI, ',,,Dock-3,', `PF1,,${hash('x')},,`]).refused).toEqual([
      {
        line: 2,
        reason: 'no-identity',
        message: 'This record has no PKID, no hardware hash and no serial: Partner Center cannot identify it. This device cannot be registered: add its PKID, its hardware hash, or its serial, manufacturer and model.',
      },
    ]);
    expect(plan([ALL, 'SN5,,,Dell Inc.,', ',,,LENOVO,21HD']).refused).toEqual([
      { line: 2, reason: 'no-identity', message: 'Serial SN5 has no PKID or hardware hash, so it needs its model exactly as the firmware reports them. Until then this device cannot be registered.' },
      { line: 3, reason: 'no-identity', message: expect.stringMatching(/^This record has no PKID, no hardware hash and no serial/) },
    ]);
  });

  it('checks a hash with the domain rule (base64, 1,024 to 16,384 bytes) and names the line', () => {
    const r = plan([GWAI, `PF1,,${hash('d', 512)},,`, `PF2,,${hash('e', 20_000)},,`, `PF3,,#${hash('f').slice(1)},,`, `,,${hash('g').slice(1)},,`]);
    expect(r.refused.map((x) => [x.line, x.reason])).toEqual([
      [2, 'bad-hash'],
      [3, 'bad-hash'],
      [4, 'bad-hash'],
      [5, 'bad-hash'],
    ]);
    expect(r.refused[0]?.message).toMatch(/^Serial PF1: The hardware hash is only 512 bytes; a full \(4K\) hash is several kilobytes/);
    expect(r.refused[1]?.message).toMatch(/^Serial PF2: The hardware hash is 20,000 bytes, more than any real hash/);
    expect(r.refused[2]?.message).toMatch(/^Serial PF3: The hardware hash holds "#", which is not a base64 character/);
    expect(r.refused[3]?.message).toMatch(/^The hardware hash is not complete base64/);
    expect(r.accepted).toEqual([]);
  });

  it('tells an Autopilot file whose Windows Product ID is not a PKID to leave it empty', () => {
    const r = plan([GWAI, `PF1,00330-80000-00000-AA123,${hash('h')},,`]);
    expect(r.refused).toEqual([{ line: 2, reason: 'bad-pkid', message: expect.stringMatching(/is not a PKID .*Leave the PKID cell empty: the hardware hash identifies the device on its own\.$/) }]);
  });
});

describe('duplicates under every identity', () => {
  it('within the file: the same hash, the same PKID, the same serial of one manufacturer (any case), naming the first line', () => {
    const h = hash('i');
    const r = plan([
      ALL,
      `SN1,,${h},,`,
      `SN9,,${h},,`,
      ',3905012345678,,,',
      ',3905012345678,,,',
      'J7K2,,,Dell Inc.,Latitude 5440',
      'J7K2,,,DELL INC.,Latitude 5440',
      'J7K2,,,LENOVO,21HD',
      `SN1,,${hash('j')},,`,
    ]);
    expect(r.refused).toEqual([
      { line: 3, reason: 'duplicate-in-file', message: 'The hardware hash of serial SN9 is also on line 2 of this file.' },
      { line: 5, reason: 'duplicate-in-file', message: 'PKID 3905012345678 is also on line 4 of this file.' },
      { line: 7, reason: 'serial-duplicate-in-file', message: 'Serial J7K2 (DELL INC.) is also on line 6 of this file.' },
      // A serial whose manufacturer is not known collides with that serial from any manufacturer.
      { line: 9, reason: 'serial-duplicate-in-file', message: 'Serial SN1 is also on line 2 of this file.' },
    ]);
    // The same serial from another manufacturer is another box.
    expect(r.accepted.map((x) => x.line)).toEqual([2, 4, 6, 8]);
  });

  it('against live devices: a hash in another batch, a serial of the same manufacturer, saying which batch', () => {
    const h = hash('k');
    const lookups: DeviceLookups = {
      ...none,
      liveHashes: having([holder(h)]),
      liveSerials: having([holder('J7K2', { manufacturer: 'dell inc.', batchId: 1, batchName: 'PO-4711' }), holder('PF8', { manufacturer: 'HP', state: 'registered' })]),
    };
    const r = plan([ALL, `SN1,,${h},,`, 'J7K2,,,Dell Inc.,Latitude 5440', 'J7K2,,,LENOVO,21HD', `PF8,,${hash('l')},,`], lookups);
    expect(r.refused).toEqual([
      { line: 2, reason: 'other-batch', message: expect.stringMatching(/^The hardware hash of serial SN1 is already in batch PO-4712 \(scanned by Olga, /) },
      { line: 3, reason: 'serial-elsewhere', message: expect.stringMatching(/^Serial J7K2 \(Dell Inc\.\) is already in this batch \(scanned by Olga, /) },
      { line: 5, reason: 'serial-elsewhere', message: 'Serial PF8 is already registered (batch PO-4712).' },
    ]);
    expect(r.accepted.map((x) => x.line)).toEqual([4]);
  });

  it("against Partner Center's inventory: by PKID, and by serial of the same manufacturer", () => {
    const lookups: DeviceLookups = { ...none, remotePkids: having([remote('3905012345678')]), remoteSerials: having([remote('J7K2', 'Dell Inc.')]) };
    const r = plan([ALL, ',3905012345678,,,', 'J7K2,,,dell inc.,Latitude 5440', 'J7K2,,,LENOVO,21HD'], lookups);
    expect(r.refused).toEqual([
      { line: 2, reason: 'remote-inventory', message: 'PKID 3905012345678 is already registered in Partner Center for Contoso (device batch PO-1): it cannot be registered again. Leave it out, or remove it there first.' },
      { line: 3, reason: 'remote-inventory', message: expect.stringMatching(/^Serial J7K2 \(dell inc\.\) is already registered in Partner Center for Contoso/) },
    ]);
    expect(r.byReason).toEqual({ 'remote-inventory': 2 });
    expect(r.accepted.map((x) => x.line)).toEqual([4]);
  });
});
