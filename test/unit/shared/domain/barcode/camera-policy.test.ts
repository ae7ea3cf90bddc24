import { describe, expect, it } from 'vitest';
import { SYMBOLOGIES, cameraReadAction } from '../../../../../shared/domain/barcode';

describe('cameraReadAction', () => {
  it.each([
    ['ean13', '4006381333931', 'EAN-13'],
    ['upca', '036000291452', 'UPC-A'],
    ['ean8', '96385074', 'EAN-8'],
    ['upce', '01234565', 'UPC-E'],
  ] as const)('ignores a %s read, saying what it was', (symbology, text, name) => {
    expect(cameraReadAction({ text, symbology })).toEqual({ action: 'ignore', reason: `ignored: retail barcode ${name} ${text}` });
  });

  it('records a Code 128 PKID and a serial with their symbology', () => {
    expect(cameraReadAction({ text: '3905012345678', symbology: 'code128' })).toEqual({ action: 'record', raw: '3905012345678', symbology: 'code128' });
    expect(cameraReadAction({ text: '9ZB4K73', symbology: 'code128' })).toEqual({ action: 'record', raw: '9ZB4K73', symbology: 'code128' });
  });

  it('records a 13-digit value from a non-retail symbology (the core decides, not the camera)', () => {
    expect(cameraReadAction({ text: '4006381333931', symbology: 'datamatrix' }).action).toBe('record');
  });

  it('ignores exactly the four retail symbologies', () => {
    const ignored = SYMBOLOGIES.filter((s) => cameraReadAction({ text: '1', symbology: s }).action === 'ignore');
    expect(ignored.sort()).toEqual(['ean13', 'ean8', 'upca', 'upce']);
  });

  it('shows a hostile read escaped', () => {
    const action = cameraReadAction({ text: '123\u001d456', symbology: 'ean13' });
    expect(action).toEqual({ action: 'ignore', reason: 'ignored: retail barcode EAN-13 123<GS>456' });
  });
});
