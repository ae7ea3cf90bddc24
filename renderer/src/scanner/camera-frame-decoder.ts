// One decode attempt over one view of a frame, with the decoder settings of that view. No DOM:
// the browser reader and the Node tests decode frames with exactly this.
import { BinaryBitmap, HybridBinarizer } from '@zxing/library';
import type { AimFraction } from './camera-aim';
import { createLabelDecoder, symbologyOf, type CameraSymbology } from './camera-formats';
import { CAMERA_VIEWS, frameViews, type CameraView, type FrameViews, type GreyFrame } from './camera-views';

export interface FrameRead {
  readonly text: string;
  readonly symbology: CameraSymbology;
  readonly view: CameraView;
}

export interface FrameDecoder {
  /** The views of one frame, each derived buffer computed once however many views are decoded. */
  views(frame: GreyFrame): FrameViews;
  /** undefined when the view holds no code of our formats (zxing's NotFound/Checksum/Format). */
  decode(views: FrameViews, view: CameraView): FrameRead | undefined;
}

export function createFrameDecoder(aim: AimFraction): FrameDecoder {
  const decoders = new Map(CAMERA_VIEWS.map((view) => [view, createLabelDecoder(view)] as const));
  return {
    views: (frame) => frameViews(frame, aim),
    decode(views, view) {
      const decoder = decoders.get(view);
      if (decoder === undefined) return undefined;
      let result;
      try {
        result = decoder(new BinaryBitmap(new HybridBinarizer(views.source(view))));
      } catch {
        // createLabelDecoder already swallows every reader's failure: this is NotFound.
        return undefined;
      }
      const symbology = symbologyOf(result.getBarcodeFormat());
      // Cannot happen with these readers, but an unknown format must never be passed on.
      return symbology === undefined ? undefined : { text: result.getText(), symbology, view };
    },
  };
}
