import type { ReactNode } from 'react';
import { Trans } from 'react-i18next';
import { useTranslation } from '../../i18n';
import type { ScanStore } from './scan-store';
import { useScan } from './use-scan-store';

// A key's name on every keyboard, not a word.
const NO_PKID_KEY = 'F2';

/** A box being assembled: its serial was scanned first and waits for the PKID, or, when the box has
 * none, for its manufacturer and model (F2 opens the picker). */
export function WaitingSerial({ store, picking, onNoPkid }: { store: ScanStore; picking: boolean; onNoPkid(): void }): ReactNode {
  const { t } = useTranslation('scan');
  const serial = useScan(store, (s) => s.waitingSerial);
  if (serial === null || picking) return null;
  return (
    <div className="waiting-serial" role="status" data-testid="waiting-serial">
      <span className="waiting-serial-badge">{t('waiting.badge')}</span>
      <span>
        <Trans t={t} i18nKey="waiting.text" values={{ serial }} components={{ serial: <strong /> }} />
      </span>
      <button type="button" className="btn waiting-serial-no-pkid" onClick={onNoPkid} data-testid="no-pkid">
        {t('waiting.noPkid')} <kbd>{NO_PKID_KEY}</kbd>
      </button>
    </div>
  );
}
