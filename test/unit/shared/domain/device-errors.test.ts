import { describe, expect, it } from 'vitest';
import { explainDeviceError, knownDeviceErrorCodes } from '../../../../shared/domain/device-errors';

describe('explainDeviceError', () => {
  it('explains every documented code with a meaning and an action', () => {
    expect(knownDeviceErrorCodes).toEqual(expect.arrayContaining(['801', '802', '803', '806', '808', '809', '812', '813']));
    for (const code of knownDeviceErrorCodes) {
      const e = explainDeviceError(code);
      expect(e.code).toBe(code);
      expect(e.meaning.length).toBeGreaterThan(20);
      expect(e.action.length).toBeGreaterThan(10);
    }
  });

  it('counts 806 as registered, 812 as retry-later and 808 as needing action with proof of ownership', () => {
    expect(explainDeviceError('806').outcome).toBe('registered');
    expect(explainDeviceError(' 812 ').outcome).toBe('retry-later');
    expect(explainDeviceError('808')).toMatchObject({ outcome: 'needs-action', action: expect.stringMatching(/proof of ownership/) });
  });

  it('keeps the service description for unknown codes', () => {
    expect(explainDeviceError('999', 'SomethingNew')).toMatchObject({ code: '999', outcome: 'needs-action', meaning: expect.stringMatching(/SomethingNew/) });
    expect(explainDeviceError(null).code).toBe('unknown');
  });

  it('explains 812 for a tuple as a spelling/case mismatch with the firmware, and keeps the PKID text otherwise', () => {
    const tuple = explainDeviceError('812', 'ZtdDeviceNotFound', 'tuple');
    expect(tuple).toMatchObject({ code: '812', outcome: 'needs-action' });
    expect(tuple.meaning).toMatch(/serial \+ manufacturer \+ model/);
    expect(tuple.meaning).toMatch(/case-sensitively/);
    expect(tuple.action).toMatch(/Win32_ComputerSystemProduct/);
    expect(tuple.action).toMatch(/wmic csproduct get vendor,name/);
    expect(explainDeviceError('812', 'ZtdDeviceNotFound', 'pkid')).toEqual(explainDeviceError('812', 'ZtdDeviceNotFound'));
    expect(explainDeviceError('812').meaning).toMatch(/PKID/);
  });

  it('tells to collect the hash again for 802, and names the tuple in 803', () => {
    expect(explainDeviceError('802', null, 'hash').action).toMatch(/Get-WindowsAutopilotInfo/);
    expect(explainDeviceError('802').meaning).toMatch(/4K/);
    expect(explainDeviceError('803').meaning).toMatch(/tuple/);
  });

  it('falls back to the general explanation for codes an identity does not change', () => {
    expect(explainDeviceError('808', null, 'tuple')).toEqual(explainDeviceError('808'));
  });

  it('names the catalog entry each explanation is said by on screen (the advice namespace)', () => {
    expect(explainDeviceError('812').key).toBe('812');
    expect(explainDeviceError(' 812 ', null, 'pkid').key).toBe('812');
    expect(explainDeviceError('812', null, 'tuple').key).toBe('tuple.812');
    expect(explainDeviceError('812', null, 'hash').key).toBe('hash.812');
    expect(explainDeviceError('999')).toMatchObject({ key: 'unknown.plain' });
    expect(explainDeviceError('999', 'ZtdNew')).toMatchObject({ key: 'unknown.described', params: { description: 'ZtdNew' } });
  });
});
