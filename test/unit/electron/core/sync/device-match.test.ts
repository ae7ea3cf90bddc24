import { describe, expect, it } from 'vitest';
import { localKeys, matchRemote, toDeviceInput, type MatchFields } from '../../../../../electron/core/sync/device-match';

const none: MatchFields = { pkid: null, serial: null, manufacturer: null, model: null, hardwareHash: null };
const hash = 'A'.repeat(4096);
const dev = (fields: Partial<MatchFields>): MatchFields => ({ ...none, ...fields });

describe('toDeviceInput', () => {
  it('sends a PKID alone, even when the box also has a serial', () => {
    expect(toDeviceInput(dev({ pkid: '3327805504064', serial: '5CG1', manufacturer: 'HP', model: 'X' }))).toEqual({ productKey: '3327805504064' });
  });

  it('sends a tuple exactly as stored, never case-changed', () => {
    expect(toDeviceInput(dev({ serial: '9ZB4K73', manufacturer: 'DELL INC.', model: 'Latitude 5440' }))).toEqual({ serialNumber: '9ZB4K73', oemManufacturerName: 'DELL INC.', modelName: 'Latitude 5440' });
  });

  it('sends a hash with the serial and PKID when known, whitespace removed, and no tuple fields', () => {
    expect(toDeviceInput(dev({ hardwareHash: `${hash.slice(0, 10)}\n ${hash.slice(10)}`, serial: 'S1', pkid: '3327805504064', manufacturer: 'HP', model: 'X' }))).toEqual({ hardwareHash: hash, serialNumber: 'S1', productKey: '3327805504064' });
    expect(toDeviceInput(dev({ hardwareHash: hash }))).toEqual({ hardwareHash: hash });
  });

  it('sends nothing for a record without an identity', () => {
    expect(toDeviceInput(dev({ serial: '5CG1', manufacturer: 'HP' }))).toBeNull();
    expect(localKeys(dev({ serial: '5CG1' }))).toEqual([]);
  });
});

describe('matchRemote', () => {
  it('tells apart two devices sharing a serial by manufacturer and model in a device listing', () => {
    const hp = dev({ serial: 'SAME1', manufacturer: 'HP', model: 'EliteBook' });
    const dell = dev({ serial: 'SAME1', manufacturer: 'Dell Inc.', model: 'Latitude 5440' });
    const listed = [
      { id: 'r-dell', serialNumber: 'SAME1', oemManufacturerName: 'Dell Inc.', modelName: 'Latitude 5440' },
      { id: 'r-hp', serialNumber: 'SAME1', oemManufacturerName: 'HP', modelName: 'EliteBook' },
    ];
    const m = matchRemote([hp, dell], listed);
    expect(m.get(hp)?.id).toBe('r-hp');
    expect(m.get(dell)?.id).toBe('r-dell');
  });

  it('gives each of two same-serial devices its own job status, in the order sent', () => {
    const hp = dev({ serial: 'SAME1', manufacturer: 'HP', model: 'EliteBook' });
    const dell = dev({ serial: 'SAME1', manufacturer: 'Dell Inc.', model: 'Latitude 5440' });
    const statuses = [{ serialNumber: 'SAME1', errorCode: null }, { serialNumber: 'SAME1', errorCode: '812' }];
    const m = matchRemote([hp, dell], statuses);
    expect(m.get(hp)).toBe(statuses[0]);
    expect(m.get(dell)).toBe(statuses[1]);
  });

  it('matches the exact key before a weaker one, whatever the order of devices', () => {
    const bySerialOnly = dev({ hardwareHash: hash, serial: 'S9' });
    const tuple = dev({ serial: 'S9', manufacturer: 'HP', model: 'M' });
    const listed = [{ id: 'tuple', serialNumber: 'S9', oemManufacturerName: 'HP', modelName: 'M' }, { id: 'hash', serialNumber: 'S9', hardwareHash: hash }];
    const m = matchRemote([bySerialOnly, tuple], listed);
    expect(m.get(bySerialOnly)?.id).toBe('hash');
    expect(m.get(tuple)?.id).toBe('tuple');
  });

  it('matches PKID devices by PKID only, never by a serial the status echoes', () => {
    const pk = dev({ pkid: '3327805504064', serial: 'S1' });
    expect(matchRemote([pk], [{ serialNumber: 'S1', productKey: null }]).size).toBe(0);
    expect(matchRemote([pk], [{ serialNumber: 'S1', productKey: '3327805504064' }]).size).toBe(1);
  });

  it('gives a hash sent alone the statuses that name no device, in order, and nothing else', () => {
    const a = dev({ hardwareHash: hash });
    const b = dev({ hardwareHash: 'B'.repeat(4096) });
    const tuple = dev({ serial: 'T1', manufacturer: 'HP', model: 'M' });
    const statuses = [{ serialNumber: 'T1', deviceId: 't' }, { deviceId: 'first' }, { deviceId: 'second' }];
    const m = matchRemote([a, tuple, b], statuses);
    expect(m.get(a)?.deviceId).toBe('first');
    expect(m.get(b)?.deviceId).toBe('second');
    expect(m.get(tuple)?.deviceId).toBe('t');
  });

  it('leaves a device unmatched when no record names it', () => {
    const tuple = dev({ serial: 'T1', manufacturer: 'HP', model: 'M' });
    expect(matchRemote([tuple], [{ serialNumber: 'OTHER' }, { deviceId: 'x' }]).has(tuple)).toBe(false);
  });
});
