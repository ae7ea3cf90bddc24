// The status bar at the foot of every screen: what the upload engine is doing (state colour, its
// message, the running batch's progress) and which Partner Center account the station uses.
import { useEffect, type ReactNode } from 'react';
import { useAppStore } from '../../store/provider';
import { ProgressBar } from './ProgressBar';
import { plural, syncLabel, syncMessage } from './sync-view';
import { roleAllows } from '../../../../shared/domain/roles';
import './status-bar.css';

export function SyncStatusBar(): ReactNode {
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
  const account = partner === null ? 'Partner Center: …' : !partner.configured ? 'Partner Center: not set up' : partner.signedIn ? `Partner Center: ${partner.account ?? 'signed in'}` : 'Partner Center: not signed in';
  return (
    <footer className={`status-bar sync-${status && status.state === 'idle' && status.attentionDevices > 0 ? 'needs-attention' : state}`} data-testid="sync-status" data-state={state} aria-label="Upload status">
      <span className="sync-state" aria-live="polite">
        <span className="sync-dot" aria-hidden="true" />
        {status ? syncLabel(status) : 'Upload status unknown'}
      </span>
      <span className="sync-message" data-testid="sync-message" title={status ? syncMessage(status) : undefined}>
        {status ? syncMessage(status) : 'Asking the station…'}
      </span>
      {status?.active && (
        <span className="sync-active">
          <span className="sync-batch" data-testid="sync-batch">
            {status.active.batchName}
          </span>
          <ProgressBar done={status.active.done} total={status.active.total} label={`Upload of batch ${status.active.batchName}`} testId="sync-progress" tone="dark" />
        </span>
      )}
      {status && status.attentionDevices > 0 && (
        <span className="sync-attention" data-testid="sync-attention">
          {plural(status.attentionDevices, 'device')} {status.attentionDevices === 1 ? 'needs' : 'need'} attention{mayUpload ? ' (Upload page)' : ': tell a shift lead'}
        </span>
      )}
      <span className={`partner-account${partner?.signedIn ? '' : ' partner-account-missing'}`} data-testid="partner-account">
        {account}
      </span>
    </footer>
  );
}
