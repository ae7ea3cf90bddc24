// Everything but scanning, each on a big button and a key: undo first (the one used mid-pallet),
// then the camera, switching batch and finishing it.
import type { ReactNode } from 'react';
import type { ScanKeyAction } from './scan-keys';
import type { ScanStore } from './scan-store';
import { useScan } from './use-scan-store';

export function ScanActions({ store, cameraOn, onAction }: { store: ScanStore; cameraOn: boolean; onAction: (action: ScanKeyAction) => void }): ReactNode {
  const count = useScan(store, (s) => s.count);
  return (
    <div className="scan-actions">
      <button type="button" className="btn undo-button" onClick={() => onAction('undo')} disabled={count === 0} aria-keyshortcuts="Control+Z" data-testid="undo-scan">
        <span aria-hidden="true">↶</span> Undo last scan <kbd>Ctrl+Z</kbd>
      </button>
      <button type="button" className="btn btn-secondary" onClick={() => onAction('camera')} aria-pressed={cameraOn} aria-keyshortcuts="Alt+C" data-testid="camera-toggle">
        {cameraOn ? 'Camera off' : 'Camera on'} <kbd>Alt+C</kbd>
      </button>
      <button type="button" className="btn btn-secondary" onClick={() => onAction('switch')} aria-keyshortcuts="Alt+B" data-testid="switch-batch">
        Switch batch <kbd>Alt+B</kbd>
      </button>
      <button type="button" className="btn btn-secondary" onClick={() => onAction('close')} aria-keyshortcuts="Alt+F" data-testid="close-batch">
        Finish batch <kbd>Alt+F</kbd>
      </button>
    </div>
  );
}
