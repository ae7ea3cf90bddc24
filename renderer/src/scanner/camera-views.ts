// The parts of one camera frame the reader decodes, one per attempt (see camera-schedule for the
// order). Pure: a frame is a luminance buffer, so the Node tests and the browser decode the very
// same pixels.
//
// Why several views: the aim box alone (the centred 70% x 60%) loses every code whose ends lie
// outside it, which is most codes held close enough to fill the frame; plain ZXing, decoding the
// whole frame, reads those. The whole frame alone loses codes next to other codes (zxing's row
// decoder trips over the partial neighbours and cardboard; see camera-aim). Halving the frame
// averages sensor noise and blur away, turns 2 px bars into 1 px (fine) and lets a try-harder
// pass look at every row for a quarter of the cost. Inverted and rotated views catch the white-on-black
// Code 128 serials some OEMs print and labels turned a quarter turn.
import { RGBLuminanceSource, type LuminanceSource } from '@zxing/library';
import { aimBoxFor, type AimFraction } from './camera-aim';

export const CAMERA_VIEWS = ['aim', 'whole', 'reduced', 'inverted', 'rotated'] as const;
export type CameraView = (typeof CAMERA_VIEWS)[number];

export interface GreyFrame {
  readonly width: number;
  readonly height: number;
  /** One byte per pixel, row-major; the same conversion zxing's canvas source makes. */
  readonly lum: Uint8ClampedArray;
}

/** A frame with its derived buffers computed at most once, whatever views are asked of it. */
export interface FrameViews {
  source(view: CameraView): LuminanceSource;
}

export const REDUCED_WIDTH = 640;
export const ROTATED_MAX_WIDTH = 1280;

export function frameViews(frame: GreyFrame, aim: AimFraction): FrameViews {
  let reduced: GreyFrame | undefined;
  let rotated: GreyFrame | undefined;
  return {
    source(view) {
      switch (view) {
        case 'aim': {
          const box = aimBoxFor(frame.width, frame.height, aim);
          // A crop of the same buffer: RGBLuminanceSource takes the full size and an offset.
          return new RGBLuminanceSource(frame.lum, box.width, box.height, frame.width, frame.height, box.left, box.top);
        }
        case 'whole':
          return sourceOf(frame);
        case 'reduced':
          reduced ??= shrinkFrame(frame, Math.max(2, Math.round(frame.width / REDUCED_WIDTH)));
          return sourceOf(reduced);
        case 'inverted':
          return sourceOf(frame).invert();
        case 'rotated':
          rotated ??= rotateQuarter(shrinkFrame(frame, Math.ceil(frame.width / ROTATED_MAX_WIDTH)));
          return sourceOf(rotated);
      }
    },
  };
}

function sourceOf(frame: GreyFrame): LuminanceSource {
  return new RGBLuminanceSource(frame.lum, frame.width, frame.height);
}

/** Each output pixel is the rounded mean of a factor x factor block; a partial last block is dropped. */
export function shrinkFrame(frame: GreyFrame, factor: number): GreyFrame {
  const f = Math.max(1, Math.floor(factor));
  if (f === 1) return frame;
  const width = Math.max(1, Math.floor(frame.width / f));
  const height = Math.max(1, Math.floor(frame.height / f));
  const lum = new Uint8ClampedArray(width * height);
  const sums = new Uint32Array(width);
  const src = frame.lum;
  const area = f * f;
  for (let y = 0; y < height; y++) {
    sums.fill(0);
    for (let dy = 0; dy < f; dy++) {
      const row = (y * f + dy) * frame.width;
      for (let x = 0, from = row; x < width; x++) {
        let sum = 0;
        for (let dx = 0; dx < f; dx++, from++) sum += src[from] ?? 0;
        sums[x] = (sums[x] ?? 0) + sum;
      }
    }
    const to = y * width;
    // Uint8ClampedArray rounds to the nearest integer on store.
    for (let x = 0; x < width; x++) lum[to + x] = (sums[x] ?? 0) / area;
  }
  return { width, height, lum };
}

/** 90° clockwise: a code whose bars run across the frame gets bars running down it, which zxing's 1D rows need. */
export function rotateQuarter(frame: GreyFrame): GreyFrame {
  const { width, height } = frame;
  const lum = new Uint8ClampedArray(width * height);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) lum[x * height + (height - 1 - y)] = frame.lum[row + x] ?? 0;
  }
  return { width: height, height: width, lum };
}

/** RGBA pixels (canvas ImageData) to luminance exactly as @zxing/browser's canvas source does it
 * (BT.601 in integers, rounded; fully transparent = white), so the whole-frame view sees what plain
 * zxing sees. */
export function rgbaToFrame(rgba: Uint8ClampedArray, width: number, height: number): GreyFrame {
  const count = width * height;
  const lum = new Uint8ClampedArray(count);
  for (let i = 0, p = 0; i < count; i++, p += 4) {
    lum[i] = rgba[p + 3] === 0 ? 0xff : ((rgba[p] ?? 0) * 306 + (rgba[p + 1] ?? 0) * 601 + (rgba[p + 2] ?? 0) * 117 + 0x200) >> 10;
  }
  return { width, height, lum };
}
