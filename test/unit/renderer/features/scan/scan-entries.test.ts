import { describe, expect, it } from 'vitest';
import { entryFromDevice, entryFromVerdict, hintFor } from '../../../../../renderer/src/features/scan/scan-entries';

const device = { id: 7, batchId: 1, pkid: '3905012345678', serial: '9ZB4K73', manufacturer: 'Dell Inc.', model: null, source: 'camera' as const, scannedBy: 'Ada', scannedAt: 1, state: 'scanned', identity: { kind: 'pkid' as const, label: 'PKID 3905012345678' } };

describe('scan entries', () => {
  it('an attached serial shows the whole box', () => {
    const entry = entryFromVerdict({ raw: '9ZB4K73', source: 'camera', symbology: 'code128' }, { verdict: 'accepted', effect: 'serial-attached', message: 'Serial 9ZB4K73 (Dell Inc.) added to box 3905012345678.', device, count: 1 }, 5);
    expect(entry).toMatchObject({ kind: 'accepted', value: '9ZB4K73', pkid: '3905012345678', serial: '9ZB4K73', deviceId: 7, source: 'camera' });
  });

  it('a waiting serial has no device yet', () => {
    const entry = entryFromVerdict({ raw: '9ZB4K73', source: 'wedge' }, { verdict: 'accepted', effect: 'serial-waiting', message: 'Serial 9ZB4K73 noted.', device: null, count: 0 }, 5);
    expect(entry).toMatchObject({ pkid: null, serial: '9ZB4K73', deviceId: null });
  });

  it('a refused read keeps what was read, escaped', () => {
    const entry = entryFromVerdict({ raw: 'x\u001dy', source: 'wedge' }, { verdict: 'invalid', message: 'GS1 data', raw: 'x<GS>y', count: 0 }, 5);
    expect(entry.value).toBe('x<GS>y');
  });

  it('a stored device from scans:recent', () => {
    expect(entryFromDevice(device)).toMatchObject({ kind: 'accepted', value: '3905012345678', message: 'PKID 3905012345678 with serial 9ZB4K73.' });
  });

  it('hints say what the read looks like, never a verdict', () => {
    expect(hintFor({ raw: '3905012345678', source: 'wedge' })).toBe('Checking PKID 3905012345678…');
    expect(hintFor({ raw: '9ZB4K73', source: 'wedge' })).toBe('Checking serial 9ZB4K73…');
    expect(hintFor({ raw: '123456789012', source: 'wedge' })).toBe('Checking 123456789012 (looks like a retail barcode)…');
  });
});
