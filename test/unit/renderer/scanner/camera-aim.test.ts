import { describe, expect, it } from 'vitest';
import { AIM_FRACTION, aimBoxFor } from '../../../../renderer/src/scanner/camera-aim';

describe('aim box', () => {
  it('is the centred 70% x 60% of the frame by default', () => {
    expect(AIM_FRACTION).toEqual({ width: 0.7, height: 0.6 });
    expect(aimBoxFor(640, 480)).toEqual({ left: 96, top: 96, width: 448, height: 288 });
    expect(aimBoxFor(1280, 720)).toEqual({ left: 192, top: 144, width: 896, height: 432 });
  });

  it('stays inside the frame for any fraction', () => {
    expect(aimBoxFor(640, 480, { width: 1.5, height: -1 })).toEqual({ left: 0, top: 239, width: 640, height: 1 });
    expect(aimBoxFor(641, 481, { width: 0.5, height: 0.5 })).toEqual({ left: 160, top: 120, width: 321, height: 241 });
  });
});
