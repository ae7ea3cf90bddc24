// A batch's lines as a virtualised list (@tanstack/react-virtual): rows have one fixed height, only
// those in view (and a few around) are in the page, and the pages holding them are fetched as the
// list scrolls. 100,000 lines scroll like 100. The list takes focus and scrolls with the keyboard.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type ReactNode } from 'react';
import type { ReviewDevice } from '../../../../shared/contract/review';
import { formatCount } from './format';
import { ReviewRow, type LineAction } from './ReviewRow';
import type { ReviewRows } from './use-review-rows';

export const ROW_HEIGHT = 76;

interface Props {
  rows: ReviewRows;
  editable: boolean;
  onAction(action: LineAction, device: ReviewDevice): void;
}

export function ReviewList({ rows, editable, onAction }: Props): ReactNode {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.count,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  const { show } = rows;
  useEffect(() => show(first, last), [show, first, last]);

  return (
    <div className="review-table" role="table" aria-label={`Lines: ${formatCount(rows.count)}`} aria-rowcount={rows.count}>
      <div className="review-head" role="row">
        <span role="columnheader">PKID / serial</span>
        <span role="columnheader">Make / model</span>
        <span role="columnheader">Scanned by</span>
        <span role="columnheader">State</span>
        <span role="columnheader" className="sr-only">
          Actions
        </span>
      </div>
      {rows.loaded && rows.count === 0 ? (
        <p className="big-text review-empty" data-testid="review-empty">
          No lines match these filters.
        </p>
      ) : (
        <div className="review-list" ref={scroller} tabIndex={0} role="rowgroup" aria-label="Batch lines (scroll with the arrow keys)" data-testid="review-list" data-count={rows.count}>
          <div className="review-list-inner" style={{ height: virtualizer.getTotalSize() }}>
            {items.map((item) => {
              const device = rows.rowAt(item.index);
              return (
                <div key={item.key} className="review-slot" role="row" aria-rowindex={item.index + 1} style={{ transform: `translateY(${item.start}px)` }}>
                  {device ? (
                    <ReviewRow device={device} editable={editable} onAction={onAction} />
                  ) : (
                    <div className="review-row review-row-loading" aria-busy="true">
                      Loading line {formatCount(item.index + 1)}…
                    </div>
                  )}
                </div>
              );
            })}
          </div>
        </div>
      )}
    </div>
  );
}
