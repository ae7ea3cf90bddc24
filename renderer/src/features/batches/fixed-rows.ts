// Which rows of a fixed-row-height list are in view, for any number of rows. A browser cannot lay out
// an element taller than about 33 million pixels (Chromium; Firefox stops near 17.9 million), and a
// million lines of 76 px are 76 million: past that height the list is squeezed, so the scrollbar
// spans all rows (scrollTop maps linearly onto the content) while rows near the view are still drawn
// at their true height, relative to where the view is.

/** The tallest scroller the list makes (below every browser's limit). 100,000 lines of 76 px fit unsqueezed. */
export const MAX_SCROLL_PX = 10_000_000;

export interface RowWindow {
  /** Height to give the scroller's content. */
  height: number;
  /** Content pixels per scroller pixel (1 unless the list is squeezed). */
  ratio: number;
  first: number;
  last: number;
  /** Where row `index` goes inside the scroller's content (translateY). */
  offsetOf(index: number): number;
}

export function rowWindow(count: number, rowHeight: number, viewHeight: number, scrollTop: number, overscan: number, maxPx = MAX_SCROLL_PX): RowWindow {
  const content = count * rowHeight;
  const height = Math.min(content, maxPx);
  const scrollRange = Math.max(0, height - viewHeight);
  const contentRange = Math.max(0, content - viewHeight);
  const ratio = scrollRange > 0 ? contentRange / scrollRange : 1;
  const clamped = Math.min(Math.max(0, scrollTop), scrollRange);
  const top = clamped * ratio;
  const first = count === 0 ? 0 : Math.max(0, Math.floor(top / rowHeight) - overscan);
  const last = count === 0 ? -1 : Math.min(count - 1, Math.ceil((top + viewHeight) / rowHeight) - 1 + overscan);
  return { height, ratio, first, last, offsetOf: (index) => clamped + index * rowHeight - top };
}

/** The scrollTop that shows content pixel `contentTop` at the top of the view. */
export function scrollTopFor(contentTop: number, win: Pick<RowWindow, 'ratio'>): number {
  return contentTop / win.ratio;
}
