import type { ReactNode } from 'react';
import { useTranslation } from '../../i18n';
import type { ScanKeyAction } from './scan-keys';

/** The two answers to "PKID or retail barcode?", on the banner itself. */
export function ConfirmPrompt({ onAction }: { onAction: (action: ScanKeyAction) => void }): ReactNode {
  const { t } = useTranslation('scan');
  return (
    <span className="confirm-actions">
      <button type="button" className="btn confirm-keep" onClick={() => onAction('keep')} aria-keyshortcuts="Enter" data-testid="confirm-keep">
        {t('confirm.keep')} <kbd>{t('key.enter')}</kbd>
      </button>
      <button type="button" className="btn confirm-drop" onClick={() => onAction('drop')} aria-keyshortcuts="Escape" data-testid="confirm-drop">
        {t('confirm.drop')} <kbd>{t('key.esc')}</kbd>
      </button>
    </span>
  );
}
