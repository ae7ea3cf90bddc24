// Settings → Maintenance: "Create support bundle", one zip of logs, versions, settings (no secrets),
// the verify output and database statistics, written in the data folder; its path is shown to pass on.
import { useState, type ReactNode } from 'react';
import type { SupportBundle } from '../../../../shared/contract/support';
import { Message } from '../../components/Message';
import { useTranslation } from '../../i18n';
import { errorText } from '../../i18n/errors';
import { useApi } from '../../store/provider';
import { formatBytes } from './maintenance-format';

export function MaintenanceSupport(): ReactNode {
  const { t } = useTranslation('settings');
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [bundle, setBundle] = useState<SupportBundle | null>(null);
  const [failed, setFailed] = useState<string | null>(null);

  async function create(): Promise<void> {
    setBusy(true);
    setFailed(null);
    setBundle(null);
    try {
      const result = await api.call('support:createBundle', {});
      if (result.ok) setBundle(result.value);
      else setFailed(t('support.failed', { reason: errorText(result.error) }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="maintenance-card" aria-labelledby="maintenance-support-title" data-testid="maintenance-support">
      <h2 id="maintenance-support-title">{t('support.title')}</h2>
      <p className="hint">{t('support.what')}</p>
      <div className="inline-form">
        <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void create()} data-testid="support-create">
          {busy ? t('support.creating') : t('support.create')}
        </button>
      </div>
      {bundle && (
        <div className="message message-success" role="status" data-testid="support-done">
          <p>
            {t('support.ready', { size: formatBytes(bundle.bytes), count: bundle.entries.length })}
          </p>
          <p>
            <code className="maintenance-path" data-testid="support-path">
              {bundle.path}
            </code>
          </p>
        </div>
      )}
      <Message kind="error" testId="support-failed">
        {failed}
      </Message>
    </section>
  );
}
