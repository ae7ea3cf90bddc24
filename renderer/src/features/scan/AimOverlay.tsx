// The aim box over the video, at exactly the pixels the reader decodes (aimBoxFor on the same frame
// size), as percentages of the frame. The frame box has the video's aspect ratio and the video is
// not cropped (no object-fit: cover), so frame percentages are screen percentages.
import type { ReactNode } from 'react';
import { aimBoxFor } from '../../scanner/camera-aim';

export function AimOverlay({ width, height }: { width: number; height: number }): ReactNode {
  const box = aimBoxFor(width, height);
  const pct = (n: number, of: number): string => `${(n / of) * 100}%`;
  return (
    <div
      className="aim-box"
      aria-hidden="true"
      data-testid="camera-aim"
      style={{ left: pct(box.left, width), top: pct(box.top, height), width: pct(box.width, width), height: pct(box.height, height) }}
    />
  );
}
