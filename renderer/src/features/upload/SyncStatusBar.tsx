// The status bar at the foot of every screen: what the upload engine is doing (state colour, its
// message, the running batch's progress) and which Partner Center account the station uses.
import { useEffect, type ReactNode } from 'react';
import type { TFunction } from 'i18next';
import type { PartnerStatus } from '../../../../shared/contract/partner';
import { useTranslation } from '../../i18n';
import { useAppStore } from '../../store/provider';
import { ProgressBar } from './ProgressBar';
import { counted, syncLabel, syncMessage } from '../../lib/sync-view';
import { roleAllows } from '../../../../shared/domain/roles';
import './status-bar.css';

function accountText(partner: PartnerStatus | null, t: TFunction<'upload'>): string {
  if (partner === null) return t('bar.accountAsking');
  if (!partner.configured) return t('bar.accountNotSetUp');
  if (!partner.signedIn) return t('bar.accountSignedOut');
  return partner.account ? t('bar.accountSignedIn', { account: partner.account }) : t('bar.accountSignedInAnonymous');
}

export function SyncStatusBar(): ReactNode {
  const { t } = useTranslation('upload');
  const status = useAppStore((s) => s.syncStatus);
  const partner = useAppStore((s) => s.partner);
  const loadSync = useAppStore((s) => s.loadSync);
  const loadPartner = useAppStore((s) => s.loadPartner);
  // Operators have no Upload page: they are told who can act, not where they cannot go.
  const mayUpload = useAppStore((s) => (s.operator ? roleAllows(s.operator.role, 'batches:approve') : false));
  useEffect(() => {
    void loadSync();
    void loadPartner();
  }, [loadSync, loadPartner]);

  const state = status?.state ?? 'unknown';
  return (
    <footer className={`status-bar sync-${status && status.state === 'idle' && status.attentionDevices > 0 ? 'needs-attention' : state}`} data-testid="sync-status" data-state={state} aria-label={t('bar.label')}>
      <span className="sync-state" aria-live="polite">
        <span className="sync-dot" aria-hidden="true" />
        {status ? syncLabel(status, t) : t('bar.unknown')}
      </span>
      <span className="sync-message" data-testid="sync-message" title={status ? syncMessage(status, t) : undefined}>
        {status ? syncMessage(status, t) : t('bar.asking')}
      </span>
      {status?.active && (
        <span className="sync-active">
          <span className="sync-batch" data-testid="sync-batch">
            {status.active.batchName}
          </span>
          <ProgressBar done={status.active.done} total={status.active.total} label={t('uploadOf', { name: status.active.batchName })} testId="sync-progress" tone="dark" />
        </span>
      )}
      {status && status.attentionDevices > 0 && (
        <span className="sync-attention" data-testid="sync-attention">
          {t(mayUpload ? 'bar.attentionLead' : 'bar.attentionOperator', counted(status.attentionDevices))}
        </span>
      )}
      <span className={`partner-account${partner?.signedIn ? '' : ' partner-account-missing'}`} data-testid="partner-account">
        {accountText(partner, t)}
      </span>
    </footer>
  );
}
