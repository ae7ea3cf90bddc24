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

/** POSSIBLE_FORMATS only. TRY_HARDER stays off: it raises Code 128 false positives (ZXing.Net.Mobile
 * #760) and is needed only for rotated 1D codes, which the operator fixes by turning the box. */
export function cameraHints(): Map<DecodeHintType, unknown> {
  return new Map<DecodeHintType, unknown>([[DecodeHintType.POSSIBLE_FORMATS, [...CAMERA_FORMATS]]]);
}

/**
 * One decode attempt over a frame: the readers MultiFormatReader would pick for CAMERA_FORMATS, in
 * its order, tried in turn. Not MultiFormatReader itself: @zxing/library 0.23.0 console.warns
 * every NotFoundException it sees (zxing-js/library #648, fix in PR #655), i.e. several warnings
 * per empty frame, a dozen times a second. Throws NotFoundException when nothing is found, which
 * @zxing/browser's scan loop treats as "try the next frame".
 */
export function createLabelDecoder(): (bitmap: BinaryBitmap) => Result {
  const hints = cameraHints();
  const readers: readonly Reader[] = [new MultiFormatOneDReader(hints), new QRCodeReader(), new DataMatrixReader()];
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
