// The four thresholds that tell a scanner from a person, changed by an admin. Each changed value is
// sent with settings:update and the core's own validation message is shown under its field. The
// core checks each value alone; the mean-below-max rule spans two, so it is checked here first.
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import type { EditableSettingKey } from '../../../../shared/domain/settings';
import { Message } from '../../components/Message';
import { useTranslation } from '../../i18n';
import { errorText } from '../../i18n/errors';
import { useApi } from '../../store/provider';
import type { StationSettings } from '../../scanner/use-wedge-settings';

type ScannerKey = Exclude<Extract<EditableSettingKey, `scanner.${string}`>, 'scanner.profiles'>;

/** Each threshold's label and help are scannerTest.threshold.<name>.{label,help}; its unit scannerTest.unit.<unit>. */
export const THRESHOLDS: readonly { readonly key: ScannerKey; readonly name: string; readonly unit: 'characters' | 'ms' | 's' }[] = [
  { key: 'scanner.minLength', name: 'minLength', unit: 'characters' },
  { key: 'scanner.maxMeanGapMs', name: 'maxMeanGapMs', unit: 'ms' },
  { key: 'scanner.slowMeanGapMs', name: 'slowMeanGapMs', unit: 'ms' },
  { key: 'scanner.maxGapMs', name: 'maxGapMs', unit: 'ms' },
  { key: 'scanner.silenceMs', name: 'silenceMs', unit: 'ms' },
  { key: 'scanner.pairWindowSeconds', name: 'pairWindowSeconds', unit: 's' },
];

type Values = Record<ScannerKey, string>;

const valuesOf = (s: StationSettings): Values => Object.fromEntries(THRESHOLDS.map(({ key }) => [key, String(s[key])])) as Values;

export function ThresholdForm({ station, onSaved }: { station: StationSettings; onSaved: () => void }): ReactNode {
  const { t } = useTranslation('scannerTest');
  const api = useApi();
  const [values, setValues] = useState<Values>(() => valuesOf(station));
  const [errors, setErrors] = useState<Partial<Record<ScannerKey, string>>>({});
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => setValues(valuesOf(station)), [station]);

  async function save(event: FormEvent): Promise<void> {
    event.preventDefault();
    setStatus(null);
    const mean = Number(values['scanner.maxMeanGapMs']);
    const max = Number(values['scanner.maxGapMs']);
    if (mean > max) return setErrors({ 'scanner.maxMeanGapMs': t('thresholds.meanAboveMax') });
    const changed = THRESHOLDS.filter(({ key }) => values[key] !== String(station[key]));
    if (changed.length === 0) return setStatus(t('thresholds.nothingChanged'));
    setBusy(true);
    const found: Partial<Record<ScannerKey, string>> = {};
    for (const { key } of changed) {
      const text = values[key].trim();
      const result = await api.call('settings:update', { key, value: text === '' ? Number.NaN : Number(text) });
      if (!result.ok) found[key] = errorText(result.error);
    }
    setBusy(false);
    setErrors(found);
    const saved = changed.length - Object.keys(found).length;
    if (saved > 0) {
      setStatus(t('thresholds.saved', { count: saved }));
      onSaved();
    }
  }

  return (
    <form className="threshold-form" onSubmit={(e) => void save(e)} data-testid="threshold-form">
      <h2>{t('thresholds.title')}</h2>
      <div className="threshold-grid">
        {THRESHOLDS.map(({ key, name, unit }) => (
          <div className="field" key={key}>
            <label htmlFor={`threshold-${key}`}>
              {t('thresholds.label', { label: t(`threshold.${name}.label`), unit: t(`unit.${unit}`) })}
            </label>
            <input
              id={`threshold-${key}`}
              inputMode="numeric"
              value={values[key]}
              onChange={(e) => setValues((v) => ({ ...v, [key]: e.target.value }))}
              aria-describedby={`threshold-${key}-help`}
              aria-invalid={errors[key] !== undefined}
              data-testid={`threshold-${key}`}
            />
            <span id={`threshold-${key}-help`} className="threshold-help">
              {t(`threshold.${name}.help`)}
            </span>
            <Message kind="error" testId={`threshold-error-${key}`}>
              {errors[key]}
            </Message>
          </div>
        ))}
      </div>
      <Message kind="success" testId="threshold-status">
        {status}
      </Message>
      <button type="submit" className="btn btn-primary" disabled={busy} data-testid="threshold-save">
        {t('thresholds.save')}
      </button>
    </form>
  );
}
