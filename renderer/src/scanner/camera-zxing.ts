// Drives @zxing/browser: its scan loop plays the stream into the video and draws each frame on a
// canvas; every attempt then decodes one view of that frame (camera-views, in the order of
// camera-schedule), and zxing's per-attempt callback is flattened into a plain CameraAttempt so the
// reader (and its tests) never see zxing types.
import { BrowserMultiFormatReader } from '@zxing/browser';
import { BarcodeFormat, ChecksumException, FormatException, NotFoundException, Result } from '@zxing/library';
import { aimBoxFor, type AimFraction } from './camera-aim';
import type { CameraReadDecision } from './camera-confirm';
import { cameraHints, type CameraSymbology } from './camera-formats';
import { createFrameDecoder, type FrameRead } from './camera-frame-decoder';
import { createViewSchedule, DEFAULT_CYCLE, type ViewSchedule } from './camera-schedule';
import { rgbaToFrame, type CameraView } from './camera-views';

export type CameraAttempt =
  | { readonly kind: 'read'; readonly text: string; readonly symbology: CameraSymbology; readonly view: CameraView; readonly decodeMs: number }
  /** The view held no decodable code (zxing keeps trying). */
  | { readonly kind: 'miss'; readonly view?: CameraView; readonly decodeMs?: number }
  /** zxing stopped its loop on an unexpected error. */
  | { readonly kind: 'failed'; readonly error: unknown };

/** Returns what the confirmer made of a read, so the schedule can look at that view again. */
export type CameraAttemptCallback = (attempt: CameraAttempt) => CameraReadDecision | void;

/** Decodes a playing stream into `video` until the returned stop() is called. */
export type DecodeStream<S> = (stream: S, video: HTMLVideoElement, onAttempt: CameraAttemptCallback) => Promise<{ stop(): void }>;

export interface ZxingSettings {
  /** Pause after a frame with no code. zxing's default 500 ms allows only ~2 attempts/s. */
  readonly attemptDelayMs: number;
  /** Pause after a decoded frame; short, because the confirmer wants the next read soon. */
  readonly successDelayMs: number;
  /** The aim box; undefined = no aim-box view (whole-frame views only). */
  readonly aim: AimFraction | undefined;
}

interface LastAttempt {
  readonly view: CameraView;
  readonly read: FrameRead | undefined;
  readonly decodeMs: number;
}

const WHOLE_FRAME: AimFraction = { width: 1, height: 1 };

/** One attempt on the frame drawn on a canvas: reads only the pixels the view needs (the aim box
 * alone is 42% of the frame), converts them as zxing would, decodes that one view. */
export type CanvasAttempt = (context: CanvasRenderingContext2D, width: number, height: number, view: CameraView) => FrameRead | undefined;

export function createCanvasAttempt(aim: AimFraction | undefined): CanvasAttempt {
  const frames = createFrameDecoder(WHOLE_FRAME);
  return (context, width, height, view) => {
    // The aim box cut out is decoded as the 'aim' view of a frame that is only the box: the same
    // pixels, converted the same way, as cropping the converted whole frame.
    const box = view === 'aim' && aim !== undefined ? aimBoxFor(width, height, aim) : { left: 0, top: 0, width, height };
    const frame = rgbaToFrame(context.getImageData(box.left, box.top, box.width, box.height).data, box.width, box.height);
    return frames.decode(frames.views(frame), view);
  };
}

class LabelVideoReader extends BrowserMultiFormatReader {
  readonly #attempt: CanvasAttempt;
  readonly schedule: ViewSchedule;
  /** The attempt decodeFromCanvas just made; zxing calls our callback synchronously after it. */
  last: LastAttempt | undefined;

  constructor(settings: ZxingSettings) {
    super(cameraHints(), { delayBetweenScanAttempts: settings.attemptDelayMs, delayBetweenScanSuccess: settings.successDelayMs });
    this.#attempt = createCanvasAttempt(settings.aim);
    this.schedule = createViewSchedule(settings.aim === undefined ? DEFAULT_CYCLE.filter((view) => view !== 'aim') : DEFAULT_CYCLE);
  }

  // zxing's own HTMLCanvasElementLuminanceSource claims crop support but its crop() throws, so the
  // views are cut from the pixels of the canvas the scan loop has just drawn the frame on.
  override decodeFromCanvas(canvas: HTMLCanvasElement): Result {
    const started = performance.now();
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (context === null) throw new Error('the camera frame canvas has no 2D context');
    const view = this.schedule.next();
    const read = this.#attempt(context, canvas.width, canvas.height, view);
    this.last = { view, read, decodeMs: performance.now() - started };
    if (read === undefined) throw new NotFoundException();
    // Only 'a code was found' matters to zxing's loop; the read itself is taken from `last`.
    return new Result(read.text, new Uint8Array(0), 0, [], BarcodeFormat.CODE_128, Date.now());
  }
}

export function zxingDecodeStream(settings: ZxingSettings): DecodeStream<MediaStream> {
  const reader = new LabelVideoReader(settings);
  return (stream, video, onAttempt) => {
    reader.schedule.reset();
    return reader.decodeFromStream(stream, video, (result, error) => {
      const last = reader.last;
      reader.last = undefined;
      if (result !== undefined && last?.read !== undefined) {
        const { text, symbology, view } = last.read;
        const decision = onAttempt({ kind: 'read', text, symbology, view, decodeMs: last.decodeMs });
        reader.schedule.report(view, decision === 'pending' ? 'pending' : 'done');
      } else if (result !== undefined || isRetriedByZxing(error)) {
        onAttempt(last === undefined ? { kind: 'miss' } : { kind: 'miss', view: last.view, decodeMs: last.decodeMs });
        if (last !== undefined) reader.schedule.report(last.view, 'miss');
      } else {
        onAttempt({ kind: 'failed', error });
      }
    });
  };
}

// Mirrors BrowserCodeReader.scan(): these three make it try the next frame, anything else ends the loop.
function isRetriedByZxing(error: unknown): boolean {
  return error instanceof NotFoundException || error instanceof ChecksumException || error instanceof FormatException;
}
