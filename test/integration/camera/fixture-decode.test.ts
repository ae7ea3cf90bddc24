// The label fixture, decoded in Node with @zxing/library and the reader's own format list and aim
// box: every printed code must be readable from the frames Chromium will play, and nothing else.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BinaryBitmap, HybridBinarizer, RGBLuminanceSource } from '@zxing/library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aimBoxFor, type AimFraction } from '../../../renderer/src/scanner/camera-aim';
import { createLabelDecoder, symbologyOf } from '../../../renderer/src/scanner/camera-formats';
import { LABEL_CODES, writeLabelVideo, type LabelCode, type LabelVideo } from '../../fixtures/camera/make-label-video';
import { decodePngToGrey, type GreyImage } from '../../fixtures/camera/png';
import { readY4mFrames } from '../../fixtures/camera/y4m';

const decodeBitmap = createLabelDecoder();

function decode(frame: GreyImage, aim: AimFraction | undefined): string | undefined {
  const box = aim === undefined ? { left: 0, top: 0, width: frame.width, height: frame.height } : aimBoxFor(frame.width, frame.height, aim);
  const grey = new Uint8ClampedArray(box.width * box.height);
  for (let y = 0; y < box.height; y++) {
    const from = (box.top + y) * frame.width + box.left;
    grey.set(frame.lum.subarray(from, from + box.width), y * box.width);
  }
  try {
    const result = decodeBitmap(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(grey, box.width, box.height))));
    return `${symbologyOf(result.getBarcodeFormat()) ?? 'other'}:${result.getText()}`;
  } catch {
    return undefined;
  }
}

const expected = (code: LabelCode): string => `${code.symbology}:${code.value}`;

describe('label video fixture', () => {
  let dir: string;
  let video: LabelVideo;
  let generationMs: number;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dockside-label-'));
    const started = performance.now();
    video = await writeLabelVideo(join(dir, 'label.y4m'));
    generationMs = performance.now() - started;
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('is generated quickly and byte-for-byte the same every time', async () => {
    expect(generationMs).toBeLessThan(2_000);
    const again = await writeLabelVideo(join(dir, 'again.y4m'), { writePngs: false });
    const hash = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');
    expect(again.frameCount).toBe(video.frameCount);
    expect(hash(again.path)).toBe(hash(video.path));
  });

  it('has a key-frame PNG per code that decodes to that code inside the aim box', () => {
    expect(video.keyFrames.map((k) => k.code.field)).toEqual(['pkid', 'serial', 'gtin']);
    for (const key of video.keyFrames) {
      if (key.pngPath === undefined) throw new Error('key-frame PNG not written');
      expect(decode(decodePngToGrey(readFileSync(key.pngPath)), { width: 0.7, height: 0.6 })).toBe(expected(key.code));
    }
  });

  it('reads each code in most frames of the video, and nothing that is not printed', () => {
    const frames = readY4mFrames(video.path);
    expect(frames).toHaveLength(video.frameCount);
    const reads = frames.map((frame) => decode(frame, { width: 0.7, height: 0.6 }));
    const counts = new Map<string, number>();
    for (const read of reads) if (read !== undefined) counts.set(read, (counts.get(read) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual(LABEL_CODES.map(expected).sort());
    // Each code is held centred for 18 of the 66 frames; the aim box must read it in nearly all.
    for (const code of LABEL_CODES) expect(counts.get(expected(code))).toBeGreaterThanOrEqual(15);
    // What the aim box buys, for the record: whole frames lose the Code 128s to the neighbours.
    const whole = new Map<string, number>();
    for (const frame of frames) {
      const read = decode(frame, undefined);
      if (read !== undefined) whole.set(read, (whole.get(read) ?? 0) + 1);
    }
    console.log(`[camera fixture] ${video.frameCount} frames in ${Math.round(generationMs)} ms; aim box reads`, Object.fromEntries(counts), 'whole frame reads', Object.fromEntries(whole));
  });
});
