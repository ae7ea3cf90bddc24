// Station rules for admins: the two-person rule for approvals. Turning it off is the way out on a
// station with one shift lead; the change goes through settings:update, so the core audits it and the
// approve dialog shows the rule's state.
import { useEffect, useState, type ReactNode } from 'react';
import { Message } from '../../components/Message';
import { useApi } from '../../store/provider';

export function StationRules(): ReactNode {
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
      else setError(r.error.message);
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
    if (!r.ok) return setError(r.error.message);
    setEnabled(r.value['batches.twoPersonRule']);
    setStatus(next ? 'The two-person rule is on: whoever changed a batch may not approve it alone.' : 'The two-person rule is off: any shift lead or admin may approve alone. This change is in the audit trail.');
  }

  return (
    <section className="station-rules" data-testid="station-rules">
      <h2>Two-person rule</h2>
      <p>
        When it is on, whoever scanned, imported, fixed or restored lines of a batch may not approve that batch alone: another shift lead or admin approves it, or
        confirms the approval with their PIN on the approve dialog. Turn it off only on a station with a single lead.
      </p>
      {enabled !== null && (
        <p className="big-text" data-testid="two-person-state" data-enabled={enabled}>
          The two-person rule is <strong>{enabled ? 'on' : 'off'}</strong>.
        </p>
      )}
      {enabled !== null && (
        <button type="button" className={enabled ? 'btn' : 'btn btn-primary'} disabled={busy} onClick={() => void turn(!enabled)} data-testid="two-person-toggle">
          {enabled ? 'Turn the two-person rule off' : 'Turn the two-person rule on'}
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
