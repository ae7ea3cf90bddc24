// Drives @zxing/browser: decoder settings, the aim-box crop, and zxing's per-attempt callback
// flattened into a plain CameraAttempt so the reader (and its tests) never see zxing types.
import { BrowserMultiFormatReader } from '@zxing/browser';
import {
  BinaryBitmap,
  ChecksumException,
  FormatException,
  HybridBinarizer,
  NotFoundException,
  RGBLuminanceSource,
  type Result,
} from '@zxing/library';
import { aimBoxFor, rgbaToGrey, type AimFraction } from './camera-aim';
import { cameraHints, createLabelDecoder, symbologyOf, type CameraSymbology } from './camera-formats';

export type CameraAttempt =
  | { readonly kind: 'read'; readonly text: string; readonly symbology: CameraSymbology }
  /** The frame held no decodable code (zxing keeps trying). */
  | { readonly kind: 'miss' }
  /** zxing stopped its loop on an unexpected error. */
  | { readonly kind: 'failed'; readonly error: unknown };

export type CameraAttemptCallback = (attempt: CameraAttempt) => void;

/** Decodes a playing stream into `video` until the returned stop() is called. */
export type DecodeStream<S> = (stream: S, video: HTMLVideoElement, onAttempt: CameraAttemptCallback) => Promise<{ stop(): void }>;

export interface ZxingSettings {
  /** Pause after a frame with no code. zxing's default 500 ms allows only ~2 attempts/s. */
  readonly attemptDelayMs: number;
  /** Pause after a decoded frame; short, because the confirmer wants the next read soon. */
  readonly successDelayMs: number;
  /** Decode only this centred part of each frame; undefined = the whole frame. */
  readonly aim: AimFraction | undefined;
}

class LabelVideoReader extends BrowserMultiFormatReader {
  readonly #aim: AimFraction | undefined;
  readonly #decode = createLabelDecoder();

  constructor(settings: ZxingSettings) {
    super(cameraHints(), { delayBetweenScanAttempts: settings.attemptDelayMs, delayBetweenScanSuccess: settings.successDelayMs });
    this.#aim = settings.aim;
  }

  // zxing's own HTMLCanvasElementLuminanceSource claims crop support but its crop() throws, so the
  // aim box is cut from the canvas the scan loop has just drawn the frame on.
  override decodeFromCanvas(canvas: HTMLCanvasElement): Result {
    const context = this.#aim === undefined ? null : canvas.getContext('2d');
    if (this.#aim === undefined || context === null) return super.decodeFromCanvas(canvas);
    const box = aimBoxFor(canvas.width, canvas.height, this.#aim);
    const grey = rgbaToGrey(context.getImageData(box.left, box.top, box.width, box.height).data, box.width * box.height);
    return this.decodeBitmap(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(grey, box.width, box.height))));
  }

  override decodeBitmap(bitmap: BinaryBitmap): Result {
    return this.#decode(bitmap);
  }
}

export function zxingDecodeStream(settings: ZxingSettings): DecodeStream<MediaStream> {
  const reader = new LabelVideoReader(settings);
  return (stream, video, onAttempt) =>
    reader.decodeFromStream(stream, video, (result, error) => {
      if (result !== undefined) {
        const symbology = symbologyOf(result.getBarcodeFormat());
        // Cannot happen with these readers, but an unknown format must never be passed on.
        onAttempt(symbology === undefined ? { kind: 'miss' } : { kind: 'read', text: result.getText(), symbology });
      } else if (isRetriedByZxing(error)) {
        onAttempt({ kind: 'miss' });
      } else {
        onAttempt({ kind: 'failed', error });
      }
    });
}

// Mirrors BrowserCodeReader.scan(): these three make it try the next frame, anything else ends the loop.
function isRetriedByZxing(error: unknown): boolean {
  return error instanceof NotFoundException || error instanceof ChecksumException || error instanceof FormatException;
}
