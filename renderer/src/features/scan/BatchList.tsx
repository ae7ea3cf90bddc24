// Open batches as big buttons. Up/Down (and Home/End) move between them, Enter resumes one; the
// newest is focused on arrival so Enter alone resumes it.
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import type { BatchSummary } from '../../../../shared/contract/batches';
import { useTranslation } from '../../i18n';
import { formatDayTime } from '../../i18n/format';

export function BatchList({ batches, onOpen }: { batches: readonly BatchSummary[]; onOpen: (batch: BatchSummary) => void }): ReactNode {
  const { t } = useTranslation('scan');
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => {
    if (document.activeElement === null || document.activeElement === document.body) list.current?.querySelector<HTMLButtonElement>('button')?.focus();
  }, []);

  function onKeyDown(event: KeyboardEvent<HTMLUListElement>): void {
    const buttons = [...(list.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
    const at = buttons.findIndex((b) => b === document.activeElement);
    const target = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: buttons.length - 1 }[event.key];
    if (target === undefined) return;
    event.preventDefault();
    buttons[Math.max(0, Math.min(buttons.length - 1, target))]?.focus();
  }

  return (
    <ul className="batch-list" ref={list} onKeyDown={onKeyDown} data-testid="open-batches">
      {batches.map((batch) => (
        <li key={batch.id}>
          <button type="button" className="batch-option" onClick={() => onOpen(batch)} data-testid={`batch-option-${batch.name}`}>
            <span className="batch-option-name">{batch.name}</span>
            <span className="batch-option-count" data-testid="batch-option-count">
              {t('picker.boxes', { count: batch.deviceCount })}
            </span>
            <span className="batch-option-meta">
              {t('picker.startedBy', { name: batch.createdBy, when: formatDayTime(batch.createdAt) })}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
