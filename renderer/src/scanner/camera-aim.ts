// The aim box: the centre of the frame, decoded every other attempt (camera-schedule), and drawn
// over the video so the operator can put one code in it when several sit side by side.
//
// Measured on the label fixture (PKID, serial and EAN-13 side by side, the neighbours cut off at
// the frame edges; test/integration/camera): decoding whole 640x480 frames read the EAN-13 in 20
// of 66 frames but the Code 128 PKID in 1 and the serial in 2 (most likely because zxing's 1D row decoder
// trips over the partial neighbour codes and the cardboard around the label); in Chromium the PKID
// was never accepted in 5 s. Decoding the centred 70% x 60% read each code in 19-20 frames, at a
// quarter of the decode time; in Chromium the first accepted read came 130-200 ms after start.
// A wider box (75%) already lost a third of the PKID reads to the neighbours.
//
// But the box alone lost every code held close enough to fill the frame (its ends fall outside),
// which plain zxing on the whole frame reads: so the box is now one view among several
// (camera-views), not the only one.

export interface AimFraction {
  /** Share of the frame width decoded, 0–1. */
  readonly width: number;
  /** Share of the frame height decoded, 0–1. */
  readonly height: number;
}

export interface AimBox {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

export const AIM_FRACTION: AimFraction = { width: 0.7, height: 0.6 };

/** The centred rectangle to decode, in whole pixels of a frameWidth x frameHeight frame. */
export function aimBoxFor(frameWidth: number, frameHeight: number, fraction: AimFraction = AIM_FRACTION): AimBox {
  const width = Math.max(1, Math.round(frameWidth * clamp01(fraction.width)));
  const height = Math.max(1, Math.round(frameHeight * clamp01(fraction.height)));
  return { left: Math.floor((frameWidth - width) / 2), top: Math.floor((frameHeight - height) / 2), width, height };
}

function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}
