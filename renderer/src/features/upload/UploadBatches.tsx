// Batches on their way to Windows Autopilot, grouped by state, beside the chosen batch's results.
import { useEffect, useState, type ReactNode } from 'react';
import type { BatchSummary } from '../../../../shared/contract/batches';
import { Message } from '../../components/Message';
import { useTranslation } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { useAppStore } from '../../store/provider';
import { BatchResults } from './BatchResults';
import { ProgressBar } from './ProgressBar';
import { counted } from '../../lib/sync-view';
import { UPLOAD_STATES, useUploadBatches } from './use-upload-batches';

export function UploadBatches(): ReactNode {
  const { t } = useTranslation('upload');
  const { batches, customerNames, error } = useUploadBatches();
  const active = useAppStore((s) => s.syncStatus?.active ?? null);
  const [chosen, setChosen] = useState<number | null>(null);
  const selected = batches === null ? undefined : (batches.find((b) => b.id === chosen) ?? pickDefault(batches));
  // The batch on screen stays on screen: a default is pinned once shown, so a retry that moves it from
  // "needs attention" to "uploading" does not swap in another batch under the lead's hands.
  const selectedId = selected?.id ?? null;
  useEffect(() => {
    if (selectedId !== null && selectedId !== chosen) setChosen(selectedId);
  }, [selectedId, chosen]);

  if (batches === null) return error ? <Message kind="error" testId="upload-batches-error">{error}</Message> : <p className="big-text">{t('batches.loading')}</p>;

  return (
    <div className="upload-layout">
      <nav className="upload-batches" aria-label={t('batches.label')} data-testid="upload-batches">
        <Message kind="error" testId="upload-batches-error">
          {error}
        </Message>
        {batches.length === 0 && (
          <p className="big-text" data-testid="upload-batches-empty">
            {t('batches.empty')}
          </p>
        )}
        {UPLOAD_STATES.map((state) => {
          const group = batches.filter((b) => b.state === state);
          if (group.length === 0) return null;
          return (
            <div key={state} className="batch-group" data-testid={`batch-group-${state}`}>
              <h2 className="batch-group-title">
                {t('batches.group', { title: t(`batches.groupTitle.${state}`), n: formatNumber(group.length) })}
              </h2>
              <ul>
                {group.map((b) => (
                  <li key={b.id}>
                    <button
                      type="button"
                      className={`upload-batch state-${b.state}`}
                      aria-current={selected?.id === b.id ? 'true' : undefined}
                      onClick={() => setChosen(b.id)}
                      data-testid={`upload-batch-${b.name}`}
                      data-state={b.state}
                    >
                      <span className="upload-batch-name">{b.name}</span>
                      <span className="upload-batch-meta">
                        {t('batches.meta', { devices: t('devices', counted(b.deviceCount)), state: t(`batchState.${b.state}`) })}
                      </span>
                      {active?.batchId === b.id && <ProgressBar done={active.done} total={active.total} label={t('uploadOf', { name: b.name })} testId={`upload-batch-progress-${b.name}`} />}
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
      </nav>
      {selected && <BatchResults key={selected.id} batch={selected} customerName={selected.customerTenantId ? (customerNames.get(selected.customerTenantId) ?? selected.customerTenantId) : null} />}
    </div>
  );
}

/** The batch a lead most likely wants: one needing attention, else the one uploading, else the newest. */
function pickDefault(batches: readonly BatchSummary[]): BatchSummary | undefined {
  for (const state of UPLOAD_STATES) {
    const found = batches.find((b) => b.state === state);
    if (found) return found;
  }
  return undefined;
}
