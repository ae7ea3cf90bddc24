import { describe, expect, it } from 'vitest';
import { frameViews, rgbaToFrame, rotateQuarter, shrinkFrame, type GreyFrame } from '../../../../renderer/src/scanner/camera-views';

const frame = (width: number, height: number, values: number[]): GreyFrame => ({ width, height, lum: Uint8ClampedArray.from(values) });

describe('camera views', () => {
  it('converts RGBA exactly as @zxing/browser does (rounded BT.601, transparent = white)', () => {
    const rgba = new Uint8ClampedArray([255, 255, 255, 255, 0, 0, 0, 255, 255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 0, 0]);
    // Reference values from HTMLCanvasElementLuminanceSource.toGrayscaleBuffer's formula.
    const zxing = (r: number, g: number, b: number): number => (306 * r + 601 * g + 117 * b + 0x200) >> 10;
    expect([...rgbaToFrame(rgba, 5, 1).lum]).toEqual([zxing(255, 255, 255), 0, zxing(255, 0, 0), zxing(0, 255, 0), 255]);
  });

  it('shrinks by averaging whole blocks and drops a partial last block', () => {
    const f = frame(5, 3, [0, 10, 20, 30, 99, 40, 50, 60, 70, 99, 99, 99, 99, 99, 99]);
    expect(shrinkFrame(f, 2)).toEqual({ width: 2, height: 1, lum: Uint8ClampedArray.from([25, 45]) });
    expect(shrinkFrame(f, 1)).toBe(f);
    // A frame smaller than the factor still gives one pixel, never an empty buffer.
    expect(shrinkFrame(frame(1, 1, [7]), 3).lum.length).toBe(1);
  });

  it('turns a quarter clockwise, so a vertical code runs along the rows', () => {
    // 3 x 2:  a b c / d e f  ->  2 x 3:  d a / e b / f c
    expect(rotateQuarter(frame(3, 2, [1, 2, 3, 4, 5, 6]))).toEqual({ width: 2, height: 3, lum: Uint8ClampedArray.from([4, 1, 5, 2, 6, 3]) });
  });

  it('gives each view its own pixels: the aim crop, the whole frame, reduced, inverted, rotated', () => {
    const width = 1280;
    const height = 720;
    const lum = new Uint8ClampedArray(width * height);
    for (let i = 0; i < lum.length; i++) lum[i] = (i % width) % 256;
    const views = frameViews({ width, height, lum }, { width: 0.5, height: 0.5 });
    const aim = views.source('aim');
    expect([aim.getWidth(), aim.getHeight()]).toEqual([640, 360]);
    expect(aim.getRow(0, new Uint8ClampedArray(640))[0]).toBe(320 % 256);
    expect([views.source('whole').getWidth(), views.source('whole').getHeight()]).toEqual([1280, 720]);
    expect([views.source('reduced').getWidth(), views.source('reduced').getHeight()]).toEqual([640, 360]);
    expect(views.source('inverted').getRow(0, new Uint8ClampedArray(width))[10]).toBe(255 - 10);
    expect([views.source('rotated').getWidth(), views.source('rotated').getHeight()]).toEqual([720, 1280]);
    // A 1920 frame is reduced by 3 (about 640 wide) and halved before the quarter turn.
    const big = frameViews({ width: 1920, height: 1080, lum: new Uint8ClampedArray(1920 * 1080) }, { width: 0.7, height: 0.6 });
    expect(big.source('reduced').getWidth()).toBe(640);
    expect([big.source('rotated').getWidth(), big.source('rotated').getHeight()]).toEqual([540, 960]);
  });
});
