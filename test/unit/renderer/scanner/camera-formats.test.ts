import { BarcodeFormat } from '@zxing/library';
import { describe, expect, it } from 'vitest';
import { CAMERA_FORMATS, CAMERA_SYMBOLOGIES, symbologyOf } from '../../../../renderer/src/scanner/camera-formats';

describe('camera formats', () => {
  it('decodes only the symbologies labels carry', () => {
    expect(CAMERA_FORMATS.map(symbologyOf)).toEqual(['code128', 'code39', 'ean13', 'upca', 'datamatrix', 'qr']);
    expect(CAMERA_FORMATS.map(symbologyOf)).toEqual([...CAMERA_SYMBOLOGIES]);
    expect(CAMERA_FORMATS).not.toContain(BarcodeFormat.EAN_8);
    expect(CAMERA_FORMATS).not.toContain(BarcodeFormat.UPC_E);
    expect(symbologyOf(BarcodeFormat.EAN_8)).toBeUndefined();
  });
});
