import type { ReactNode } from 'react';
import type { ScanStore } from './scan-store';
import { useScan } from './use-scan-store';

/** A box being assembled: its serial was scanned first and waits for the PKID. */
export function WaitingSerial({ store }: { store: ScanStore }): ReactNode {
  const serial = useScan(store, (s) => s.waitingSerial);
  if (serial === null) return null;
  return (
    <p className="waiting-serial" role="status" data-testid="waiting-serial">
      <span className="waiting-serial-badge">Box open</span>
      <span>
        Serial <strong>{serial}</strong> waiting for its PKID: scan the PKID of the same box next.
      </span>
    </p>
  );
}
