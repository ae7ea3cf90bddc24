// A batch's devices as a virtualised list (@tanstack/react-virtual): only the rows in view are in the
// page, so a pallet of thousands scrolls smoothly. Rows grow when they explain an error or open the
// remove form, so each is measured. The list itself takes focus and scrolls with the arrow keys.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type ReactNode } from 'react';
import type { ReviewDevice } from '../../../../shared/contract/review';
import { useTranslation } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { DeviceRow } from './DeviceRow';

interface Props {
  rows: readonly ReviewDevice[];
  total: number;
  hasMore: boolean;
  loadMore(): void;
  selectable: boolean;
  selected: Pick<ReadonlySet<number>, 'has'>;
  onToggle(id: number): void;
  canRemove: boolean;
}

export function DeviceList({ rows, total, hasMore, loadMore, selectable, selected, onToggle, canRemove }: Props): ReactNode {
  const { t } = useTranslation('upload');
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => (rows[i]?.state === 'failed' ? 190 : 72),
    overscan: 6,
    getItemKey: (i) => rows[i]?.id ?? i,
  });
  const items = virtualizer.getVirtualItems();
  const last = items.at(-1)?.index ?? -1;

  useEffect(() => {
    if (hasMore && last >= rows.length - 20) loadMore();
  }, [hasMore, last, rows.length, loadMore]);

  if (rows.length === 0) return <p className="big-text device-list-empty" data-testid="device-list-empty">{t('list.empty')}</p>;
  return (
    <div className="device-list" ref={scroller} tabIndex={0} role="region" aria-label={t('list.label', { n: formatNumber(total) })} data-testid="device-list" data-count={total}>
      <ul className="device-list-inner" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const device = rows[item.index];
          if (!device) return null;
          return (
            <li key={item.key} ref={virtualizer.measureElement} data-index={item.index} className="device-slot" style={{ transform: `translateY(${item.start}px)` }} aria-setsize={total} aria-posinset={item.index + 1}>
              <DeviceRow device={device} selectable={selectable} checked={selected.has(device.id)} onToggle={onToggle} canRemove={canRemove} />
            </li>
          );
        })}
      </ul>
    </div>
  );
}
