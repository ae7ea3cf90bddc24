// The batch being scanned and its box count, big enough to read from two metres.
import type { ReactNode } from 'react';
import type { ScanStore } from './scan-store';
import { useScan } from './use-scan-store';

export function ScanHeader({ store }: { store: ScanStore }): ReactNode {
  const name = useScan(store, (s) => s.batch.name);
  const count = useScan(store, (s) => s.count);
  return (
    <header className="scan-header">
      <div className="scan-batch">
        <span className="scan-batch-label">Scanning into batch</span>
        <h1 className="scan-batch-name" data-testid="scan-batch-name">
          {name}
        </h1>
      </div>
      <div className="scan-count" aria-live="polite">
        <span className="scan-count-number" data-testid="batch-count">
          {count}
        </span>
        <span className="scan-count-label">{count === 1 ? 'box' : 'boxes'}</span>
      </div>
    </header>
  );
}
