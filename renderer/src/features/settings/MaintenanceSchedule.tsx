// The backup schedule, for station admins: hours between scheduled backups (0 = off) and how many to
// keep. Each value goes through settings:update, so the core's own limits and messages apply. The
// fields start from the saved schedule and then hold what the admin typed (a refused value stays, next
// to the core's message), compared against the saved values the parent passes in.
import { useState, type FormEvent, type ReactNode } from 'react';
import { Message } from '../../components/Message';
import { useTranslation } from '../../i18n';
import { errorText } from '../../i18n/errors';
import { useApi } from '../../store/provider';

type Key = 'backup.intervalHours' | 'backup.keep';
const INTERVAL: Key = 'backup.intervalHours';
const KEEP: Key = 'backup.keep';

export function MaintenanceSchedule({ intervalHours, keep, onSaved }: { intervalHours: number; keep: number; onSaved: () => void }): ReactNode {
  const { t } = useTranslation('settings');
  const api = useApi();
  const [values, setValues] = useState<Record<Key, string>>({ 'backup.intervalHours': String(intervalHours), 'backup.keep': String(keep) });
  const [errors, setErrors] = useState<Partial<Record<Key, string>>>({});
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function save(event: FormEvent): Promise<void> {
    event.preventDefault();
    setStatus(null);
    const saved: Record<Key, number> = { 'backup.intervalHours': intervalHours, 'backup.keep': keep };
    const changed = (Object.keys(values) as Key[]).filter((k) => values[k].trim() !== String(saved[k]));
    if (changed.length === 0) return setStatus(t('schedule.nothingChanged'));
    setBusy(true);
    const found: Partial<Record<Key, string>> = {};
    for (const key of changed) {
      const text = values[key].trim();
      const result = await api.call('settings:update', { key, value: text === '' ? Number.NaN : Number(text) });
      if (!result.ok) found[key] = errorText(result.error);
    }
    setBusy(false);
    setErrors(found);
    if (Object.keys(found).length < changed.length) {
      setStatus(t('schedule.saved'));
      onSaved();
    }
  }

  const field = (key: Key, label: string, help: string): ReactNode => (
    <div className="field">
      <label htmlFor={`schedule-${key}`}>{label}</label>
      <input
        id={`schedule-${key}`}
        type="number"
        inputMode="numeric"
        min={key === 'backup.keep' ? 1 : 0}
        value={values[key]}
        onChange={(e) => setValues((v) => ({ ...v, [key]: e.target.value }))}
        aria-describedby={`schedule-${key}-help`}
        data-testid={`schedule-${key}`}
      />
      <span id={`schedule-${key}-help`} className="field-help">
        {help}
      </span>
      <Message kind="error" testId={`schedule-${key}-error`}>
        {errors[key]}
      </Message>
    </div>
  );

  // noValidate: the core checks the values and its message is shown by the field, not the browser's tooltip.
  return (
    <form className="maintenance-schedule" noValidate onSubmit={(e) => void save(e)} data-testid="backup-schedule-form">
      <h3>{t('schedule.title')}</h3>
      {field(INTERVAL, t('schedule.interval'), t('schedule.intervalHelp'))}
      {field(KEEP, t('schedule.keep'), t('schedule.keepHelp'))}
      <button type="submit" className="btn" disabled={busy} data-testid="schedule-save">
        {t('schedule.save')}
      </button>
      <Message kind="success" testId="schedule-status">
        {status}
      </Message>
    </form>
  );
}
