// Station rules for admins: the two-person rule for approvals. Turning it off is the way out on a
// station with one shift lead; the change goes through settings:update, so the core audits it and the
// approve dialog shows the rule's state.
import { useEffect, useState, type ReactNode } from 'react';
import { Trans } from 'react-i18next';
import { Message } from '../../components/Message';
import { useTranslation } from '../../i18n';
import { errorText } from '../../i18n/errors';
import { useApi } from '../../store/provider';

export function StationRules(): ReactNode {
  const { t } = useTranslation('settings');
  const api = useApi();
  const [enabled, setEnabled] = useState<boolean | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void api.call('settings:get', {}).then((r) => {
      if (!live) return;
      if (r.ok) setEnabled(r.value['batches.twoPersonRule']);
      else setError(errorText(r.error));
    });
    return () => {
      live = false;
    };
  }, [api]);

  async function turn(next: boolean): Promise<void> {
    setBusy(true);
    setError(null);
    setStatus(null);
    const r = await api.call('settings:update', { key: 'batches.twoPersonRule', value: next });
    setBusy(false);
    if (!r.ok) return setError(errorText(r.error));
    setEnabled(r.value['batches.twoPersonRule']);
    setStatus(next ? t('rules.turnedOn') : t('rules.turnedOff'));
  }

  return (
    <section className="station-rules" data-testid="station-rules">
      <h2>{t('rules.title')}</h2>
      <p>{t('rules.why')}</p>
      {enabled !== null && (
        <p className="big-text" data-testid="two-person-state" data-enabled={enabled}>
          <Trans t={t} i18nKey={enabled ? 'rules.stateOn' : 'rules.stateOff'} components={{ state: <strong /> }} />
        </p>
      )}
      {enabled !== null && (
        <button type="button" className={enabled ? 'btn' : 'btn btn-primary'} disabled={busy} onClick={() => void turn(!enabled)} data-testid="two-person-toggle">
          {enabled ? t('rules.turnOff') : t('rules.turnOn')}
        </button>
      )}
      <Message kind="success" testId="two-person-status">
        {status}
      </Message>
      <Message kind="error" testId="two-person-error">
        {error}
      </Message>
    </section>
  );
}
