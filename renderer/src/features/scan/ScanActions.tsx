// Everything but scanning, each on a big button and a key: undo first (the one used mid-pallet),
// then the camera, switching batch and finishing it.
import type { ReactNode } from 'react';
import { useTranslation } from '../../i18n';
import type { ScanKeyAction } from './scan-keys';
import type { ScanStore } from './scan-store';
import { useScan } from './use-scan-store';

// A symbol, not a word: the same in every language.
const UNDO_SYMBOL = '↶';

export function ScanActions({ store, cameraOn, onAction }: { store: ScanStore; cameraOn: boolean; onAction: (action: ScanKeyAction) => void }): ReactNode {
  const { t } = useTranslation('scan');
  const count = useScan(store, (s) => s.count);
  return (
    <div className="scan-actions">
      <button type="button" className="btn undo-button" onClick={() => onAction('undo')} disabled={count === 0} aria-keyshortcuts="Control+Z" data-testid="undo-scan">
        <span aria-hidden="true">{UNDO_SYMBOL}</span> {t('actions.undo')} <kbd>{t('key.ctrl', { key: 'Z' })}</kbd>
      </button>
      <button type="button" className="btn btn-secondary" onClick={() => onAction('camera')} aria-pressed={cameraOn} aria-keyshortcuts="Alt+C" data-testid="camera-toggle">
        {cameraOn ? t('actions.cameraOff') : t('actions.cameraOn')} <kbd>{t('key.alt', { key: 'C' })}</kbd>
      </button>
      <button type="button" className="btn btn-secondary" onClick={() => onAction('switch')} aria-keyshortcuts="Alt+B" data-testid="switch-batch">
        {t('actions.switch')} <kbd>{t('key.alt', { key: 'B' })}</kbd>
      </button>
      <button type="button" className="btn btn-secondary" onClick={() => onAction('close')} aria-keyshortcuts="Alt+F" data-testid="close-batch">
        {t('actions.finish')} <kbd>{t('key.alt', { key: 'F' })}</kbd>
      </button>
    </div>
  );
}
