import type { ReactNode } from 'react';
import type { ScanKeyAction } from './scan-keys';

/** The two answers to "PKID or retail barcode?", on the banner itself. */
export function ConfirmPrompt({ onAction }: { onAction: (action: ScanKeyAction) => void }): ReactNode {
  return (
    <span className="confirm-actions">
      <button type="button" className="btn confirm-keep" onClick={() => onAction('keep')} aria-keyshortcuts="Enter" data-testid="confirm-keep">
        Keep as PKID <kbd>Enter</kbd>
      </button>
      <button type="button" className="btn confirm-drop" onClick={() => onAction('drop')} aria-keyshortcuts="Escape" data-testid="confirm-drop">
        Drop it <kbd>Esc</kbd>
      </button>
    </span>
  );
}
