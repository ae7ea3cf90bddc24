// A batch's lines as a virtualised list: rows have one fixed height, only those in view (and a few
// around) are in the page, and the pages holding them are fetched by position as the list scrolls,
// so a drag of the scrollbar to any line costs one page. 100,000 lines scroll like 100; a million
// squeeze the scroller (fixed-rows.ts). The list takes focus and scrolls with the keyboard.
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import type { ReviewDevice } from '../../../../shared/contract/review';
import { useTranslation } from '../../i18n';
import { rowWindow, scrollTopFor } from './fixed-rows';
import { formatCount } from '../../lib/format';
import { ReviewRow, type LineAction } from './ReviewRow';
import type { ReviewRows } from './use-review-rows';

export const ROW_HEIGHT = 76;
const OVERSCAN = 10;

interface Props {
  rows: ReviewRows;
  editable: boolean;
  onAction(action: LineAction, device: ReviewDevice): void;
}

/** The scroller's position and height, read on scroll and on resize. */
function useScrollView(scroller: RefObject<HTMLDivElement | null>, present: boolean): { top: number; height: number; onScroll(): void } {
  const [view, setView] = useState({ top: 0, height: 0 });
  const read = useCallback(() => {
    const el = scroller.current;
    if (el) setView((v) => (v.top === el.scrollTop && v.height === el.clientHeight ? v : { top: el.scrollTop, height: el.clientHeight }));
  }, [scroller]);
  useLayoutEffect(() => {
    read();
    const el = scroller.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(read);
    observer.observe(el);
    return () => observer.disconnect();
  }, [read, scroller, present]);
  return { ...view, onScroll: read };
}

const keySteps: Record<string, (page: number) => number> = { ArrowDown: () => ROW_HEIGHT, ArrowUp: () => -ROW_HEIGHT, PageDown: (page) => page, PageUp: (page) => -page };

export function ReviewList({ rows, editable, onAction }: Props): ReactNode {
  const { t } = useTranslation('batches');
  const scroller = useRef<HTMLDivElement>(null);
  const empty = rows.loaded && rows.count === 0;
  const view = useScrollView(scroller, !empty);
  const win = rowWindow(rows.count, ROW_HEIGHT, view.height, view.top, OVERSCAN);
  const { first, last } = win;
  const { show } = rows;
  useEffect(() => show(first, Math.max(first, last)), [show, first, last]);

  // A squeezed list moves more than a row per scroller pixel: keys step through the lines themselves.
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = keySteps[e.key];
    const el = scroller.current;
    if (!step || !el || win.ratio === 1) return;
    e.preventDefault();
    el.scrollTop = scrollTopFor(el.scrollTop * win.ratio + step(el.clientHeight - ROW_HEIGHT), win);
  };

  const slots: ReactNode[] = [];
  for (let index = first; index <= last; index++) {
    const device = rows.rowAt(index);
    slots.push(
      <div key={index} className="review-slot" role="row" aria-rowindex={index + 1} style={{ transform: `translateY(${win.offsetOf(index)}px)` }}>
        {device ? (
          <ReviewRow device={device} editable={editable} onAction={onAction} />
        ) : (
          <div className="review-row review-row-loading" aria-busy="true">
            {t('lines.loading', { n: formatCount(index + 1) })}
          </div>
        )}
      </div>,
    );
  }

  return (
    <div className="review-table" role="table" aria-label={t('lines.label', { n: formatCount(rows.count) })} aria-rowcount={rows.count}>
      <div className="review-head" role="row">
        <span role="columnheader">{t('find.ids')}</span>
        <span role="columnheader">{t('lines.makeModel')}</span>
        <span role="columnheader">{t('filter.operator')}</span>
        <span role="columnheader">{t('list.state')}</span>
        <span role="columnheader" className="sr-only">
          {t('lines.actions')}
        </span>
      </div>
      {empty ? (
        <p className="big-text review-empty" data-testid="review-empty">
          {t('lines.empty')}
        </p>
      ) : (
        <div
          className="review-list"
          ref={scroller}
          tabIndex={0}
          role="rowgroup"
          aria-label={t('lines.scroller')}
          data-testid="review-list"
          data-count={rows.count}
          onScroll={view.onScroll}
          onKeyDown={onKeyDown}
        >
          <div className="review-list-inner" style={{ height: win.height }}>
            {slots}
          </div>
        </div>
      )}
    </div>
  );
}
