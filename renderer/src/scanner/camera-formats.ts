// What the camera decodes and how, with no DOM, so the Node-side fixture test decodes frames with
// exactly the decoder the station uses.
import {
  BarcodeFormat,
  DataMatrixReader,
  DecodeHintType,
  MultiFormatOneDReader,
  NotFoundException,
  QRCodeReader,
  type BinaryBitmap,
  type Reader,
  type Result,
} from '@zxing/library';
import type { Symbology } from '../../../shared/domain/barcode/symbology';
import type { CameraView } from './camera-views';

// Named as the shared classifier names them, so a camera read's symbology needs no translation.
export const CAMERA_SYMBOLOGIES = ['code128', 'code39', 'ean13', 'upca', 'datamatrix', 'qr'] as const satisfies readonly Symbology[];
export type CameraSymbology = (typeof CAMERA_SYMBOLOGIES)[number];

// Only what box labels carry. EAN-8 and UPC-E stay off: their short patterns "appear" inside
// longer codes (zxing #497, #1698), which would turn one label into phantom reads.
const SYMBOLOGY_BY_FORMAT = new Map<BarcodeFormat, CameraSymbology>([
  [BarcodeFormat.CODE_128, 'code128'],
  [BarcodeFormat.CODE_39, 'code39'],
  [BarcodeFormat.EAN_13, 'ean13'],
  [BarcodeFormat.UPC_A, 'upca'],
  [BarcodeFormat.DATA_MATRIX, 'datamatrix'],
  [BarcodeFormat.QR_CODE, 'qr'],
]);

export const CAMERA_FORMATS: readonly BarcodeFormat[] = [...SYMBOLOGY_BY_FORMAT.keys()];

export function symbologyOf(format: BarcodeFormat): CameraSymbology | undefined {
  return SYMBOLOGY_BY_FORMAT.get(format);
}

/** POSSIBLE_FORMATS only: what the aim box and the whole frame are decoded with. TRY_HARDER raises
 * Code 128 false positives (ZXing.Net.Mobile #760), so it is kept to the reduced view (see
 * VIEW_SETTINGS), where the two-agreeing-reads rule stands between it and a wrong value. */
export function cameraHints(): Map<DecodeHintType, unknown> {
  return new Map<DecodeHintType, unknown>([[DecodeHintType.POSSIBLE_FORMATS, [...CAMERA_FORMATS]]]);
}

const ONE_D_FORMATS: readonly BarcodeFormat[] = [BarcodeFormat.CODE_128, BarcodeFormat.CODE_39, BarcodeFormat.EAN_13, BarcodeFormat.UPC_A];

interface ViewSettings {
  readonly formats: readonly BarcodeFormat[];
  readonly tryHarder: boolean;
}

/**
 * What each view is decoded with. 'whole' is plain zxing's pass restricted to our formats: same
 * pixels, same rows, same reader order, so it reads every label code plain zxing would.
 * 'reduced' looks at every row (TRY_HARDER), affordable at about 640 px wide. 'inverted' is
 * Code 128 only: white-on-black is how OEMs print serials, never retail codes. 'rotated' is the
 * 1D codes only: the 2D readers find any orientation anyway.
 */
export const VIEW_SETTINGS = {
  aim: { formats: CAMERA_FORMATS, tryHarder: false },
  whole: { formats: CAMERA_FORMATS, tryHarder: false },
  reduced: { formats: CAMERA_FORMATS, tryHarder: false },
  inverted: { formats: [BarcodeFormat.CODE_128], tryHarder: false },
  rotated: { formats: ONE_D_FORMATS, tryHarder: false },
} as const satisfies Record<CameraView, ViewSettings>;

export function viewHints(view: CameraView): Map<DecodeHintType, unknown> {
  const settings: ViewSettings = VIEW_SETTINGS[view];
  const hints = new Map<DecodeHintType, unknown>([[DecodeHintType.POSSIBLE_FORMATS, [...settings.formats]]]);
  if (settings.tryHarder) hints.set(DecodeHintType.TRY_HARDER, true);
  return hints;
}

/**
 * One decode attempt over a frame: the readers MultiFormatReader would pick for the view's formats,
 * in its order, tried in turn. Not MultiFormatReader itself: @zxing/library 0.23.0 console.warns
 * every NotFoundException it sees (zxing-js/library #648, fix in PR #655), i.e. several warnings
 * per empty frame, a dozen times a second. Throws NotFoundException when nothing is found, which
 * @zxing/browser's scan loop treats as "try the next frame".
 */
export function createLabelDecoder(view: CameraView = 'whole'): (bitmap: BinaryBitmap) => Result {
  const hints = viewHints(view);
  const formats: readonly BarcodeFormat[] = VIEW_SETTINGS[view].formats;
  const readers: Reader[] = [new MultiFormatOneDReader(hints)];
  if (formats.includes(BarcodeFormat.QR_CODE)) readers.push(new QRCodeReader());
  if (formats.includes(BarcodeFormat.DATA_MATRIX)) readers.push(new DataMatrixReader());
  return (bitmap) => {
    for (const reader of readers) {
      try {
        return reader.decode(bitmap, hints);
      } catch {
        // Like MultiFormatReader: a reader that fails, for whatever reason, hands over to the next.
      } finally {
        reader.reset();
      }
    }
    throw new NotFoundException();
  };
}
