// The batch being scanned and its box count, big enough to read from two metres.
import type { ReactNode } from 'react';
import { useTranslation } from '../../i18n';
import type { ScanStore } from './scan-store';
import { useScan } from './use-scan-store';

export function ScanHeader({ store }: { store: ScanStore }): ReactNode {
  const { t } = useTranslation('scan');
  const name = useScan(store, (s) => s.batch.name);
  const count = useScan(store, (s) => s.count);
  return (
    <header className="scan-header">
      <div className="scan-batch">
        <span className="scan-batch-label">{t('header.into')}</span>
        <h1 className="scan-batch-name" data-testid="scan-batch-name">
          {name}
        </h1>
      </div>
      <div className="scan-count" aria-live="polite">
        <span className="scan-count-number" data-testid="batch-count">
          {count}
        </span>
        <span className="scan-count-label">{t('header.boxes', { count })}</span>
      </div>
    </header>
  );
}
