// The full-width answer to the last scan: colour, symbol and the core's words, large. Only the
// core's verdict lands here; the instant hint and the queue show underneath, small.
import type { ReactNode } from 'react';
import { useTranslation } from '../../i18n';
import { ConfirmPrompt } from './ConfirmPrompt';
import type { ScanKeyAction } from './scan-keys';
import type { BannerKind, ScanStore } from './scan-store';
import { useScan } from './use-scan-store';

// The verdict words are in the catalogs (scan.verdict.<kind>), kept short enough for two metres.
const SYMBOLS: Readonly<Record<BannerKind, string>> = { idle: '▶', accepted: '✔', duplicate: '⚠', invalid: '✖', confirm: '?', undo: '↶', dropped: '–' };

export function VerdictBanner({ store, onAction }: { store: ScanStore; onAction: (action: ScanKeyAction) => void }): ReactNode {
  const banner = useScan(store, (s) => s.banner);
  const hint = useScan(store, (s) => s.hint);
  const queued = useScan(store, (s) => s.queued);
  const offline = useScan(store, (s) => s.offline);
  const confirmPending = useScan(store, (s) => s.confirm !== null);
  const { t } = useTranslation('scan');
  const symbol = SYMBOLS[banner.kind];
  const title = t(`verdict.${banner.kind}`);
  return (
    <>
      <div
        key={banner.seq}
        className={`verdict verdict-${banner.kind}`}
        role={banner.kind === 'idle' ? 'status' : 'alert'}
        data-testid="scan-verdict"
        data-verdict={banner.kind}
        data-seq={banner.seq}
      >
        <span className="verdict-symbol" aria-hidden="true">
          {symbol}
        </span>
        <div className="verdict-text">
          <span className="verdict-title">{title}</span>
          <span className="verdict-message" data-testid="scan-verdict-message">
            {banner.message}
          </span>
          {banner.kind === 'confirm' && confirmPending && <ConfirmPrompt onAction={onAction} />}
        </div>
      </div>
      <div className="verdict-under">
        {offline !== null ? (
          <span className="verdict-offline" role="alert" data-testid="scan-offline">
            {offline}
          </span>
        ) : (
          <span className="verdict-hint" data-testid="scan-hint">
            {hint ?? ''}
          </span>
        )}
        {queued > 1 && <span data-testid="scan-queued">{t('queued', { count: queued })}</span>}
      </div>
    </>
  );
}
