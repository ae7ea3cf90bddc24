// The four thresholds that tell a scanner from a person, changed by an admin. Each changed value is
// sent with settings:update and the core's own validation message is shown under its field. The
// core checks each value alone; the mean-below-max rule spans two, so it is checked here first.
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import type { EditableSettingKey } from '../../../../shared/domain/settings';
import { Message } from '../../components/Message';
import { useApi } from '../../store/provider';
import type { StationSettings } from '../scan/use-wedge-settings';

type ScannerKey = Exclude<Extract<EditableSettingKey, `scanner.${string}`>, 'scanner.profiles'>;

export const THRESHOLDS: readonly { readonly key: ScannerKey; readonly label: string; readonly unit: string; readonly help: string }[] = [
  { key: 'scanner.minLength', label: 'Shortest scan', unit: 'characters', help: 'Fewer characters than this is never a scan.' },
  { key: 'scanner.maxMeanGapMs', label: 'Mean gap at most', unit: 'ms', help: 'Average time between keys of a scan (stalls left out).' },
  { key: 'scanner.slowMeanGapMs', label: 'Slow scanner mean gap at most', unit: 'ms', help: 'Bluetooth scanners: taken up to this pace when the scan ends with Enter or Tab and its gaps are even.' },
  { key: 'scanner.maxGapMs', label: 'Longest gap at most', unit: 'ms', help: 'Any single pause longer than this means a person.' },
  { key: 'scanner.silenceMs', label: 'Pause that ends a scan', unit: 'ms', help: 'For scanners that send no Enter or Tab.' },
  { key: 'scanner.pairWindowSeconds', label: 'Serial joins its box within', unit: 's', help: 'A serial scanned this soon after a PKID, with nothing in between, joins that box; later, the station asks.' },
];

type Values = Record<ScannerKey, string>;

const valuesOf = (s: StationSettings): Values => Object.fromEntries(THRESHOLDS.map(({ key }) => [key, String(s[key])])) as Values;

export function ThresholdForm({ station, onSaved }: { station: StationSettings; onSaved: () => void }): ReactNode {
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
    if (mean > max) return setErrors({ 'scanner.maxMeanGapMs': 'The mean gap limit cannot be above the longest-gap limit.' });
    const changed = THRESHOLDS.filter(({ key }) => values[key] !== String(station[key]));
    if (changed.length === 0) return setStatus('Nothing changed.');
    setBusy(true);
    const found: Partial<Record<ScannerKey, string>> = {};
    for (const { key } of changed) {
      const text = values[key].trim();
      const result = await api.call('settings:update', { key, value: text === '' ? Number.NaN : Number(text) });
      if (!result.ok) found[key] = result.error.message;
    }
    setBusy(false);
    setErrors(found);
    const saved = changed.length - Object.keys(found).length;
    if (saved > 0) {
      setStatus(`Saved ${saved} setting${saved === 1 ? '' : 's'}. The scanner uses them from now on.`);
      onSaved();
    }
  }

  return (
    <form className="threshold-form" onSubmit={(e) => void save(e)} data-testid="threshold-form">
      <h2>Thresholds</h2>
      <div className="threshold-grid">
        {THRESHOLDS.map(({ key, label, unit, help }) => (
          <div className="field" key={key}>
            <label htmlFor={`threshold-${key}`}>
              {label} ({unit})
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
              {help}
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
        Save thresholds
      </button>
    </form>
  );
}
