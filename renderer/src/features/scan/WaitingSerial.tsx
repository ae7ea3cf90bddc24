import type { ReactNode } from 'react';
import type { ScanStore } from './scan-store';
import { useScan } from './use-scan-store';

/** A box being assembled: its serial was scanned first and waits for the PKID, or, when the box has
 * none, for its manufacturer and model (F2 opens the picker). */
export function WaitingSerial({ store, picking, onNoPkid }: { store: ScanStore; picking: boolean; onNoPkid(): void }): ReactNode {
  const serial = useScan(store, (s) => s.waitingSerial);
  if (serial === null || picking) return null;
  return (
    <div className="waiting-serial" role="status" data-testid="waiting-serial">
      <span className="waiting-serial-badge">Box open</span>
      <span>
        Serial <strong>{serial}</strong> waiting for its PKID: scan the PKID of the same box next.
      </span>
      <button type="button" className="btn waiting-serial-no-pkid" onClick={onNoPkid} data-testid="no-pkid">
        No PKID on this box <kbd>F2</kbd>
      </button>
    </div>
  );
}
