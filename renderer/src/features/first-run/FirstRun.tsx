// First run: nobody can sign in yet, so the first station admin is created here (name + PIN twice).
import type { TFunction } from 'i18next';
import { useState, type FormEvent, type ReactNode } from 'react';
import { nameLooksLikePin, operatorNamePattern, PIN_LIKE_NAME } from '../../../../shared/domain/names';
import { pinProblemText } from '../../i18n/domain-text';
import { Message } from '../../components/Message';
import { PinInput } from '../../components/PinInput';
import { PinRules } from '../../components/PinRules';
import { useTranslation } from '../../i18n';
import { useApi, useAppStore } from '../../store/provider';

function problemOf(name: string, pin: string, again: string, t: TFunction<'firstRun'>): string | null {
  if (!operatorNamePattern.test(name.trim())) return t('badName');
  if (nameLooksLikePin(name.trim())) return PIN_LIKE_NAME;
  const pinIssue = pinProblemText(pin);
  if (pinIssue) return pinIssue;
  if (pin !== again) return t('pinsDiffer');
  return null;
}

export function FirstRun(): ReactNode {
  const { t } = useTranslation('firstRun');
  const api = useApi();
  const stationName = useAppStore((s) => s.station?.name ?? 'Dockside');
  const loadStation = useAppStore((s) => s.loadStation);
  const [name, setName] = useState('');
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    const problem = problemOf(name, pin, again, t);
    if (problem) return setError(problem);
    setBusy(true);
    const result = await api.call('station:setupFirstAdmin', { name: name.trim(), pin });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    await loadStation();
  }

  return (
    <main className="center-screen" data-testid="first-run">
      <form className="panel form" onSubmit={(e) => void submit(e)} noValidate>
        <h1>{t('welcome', { station: stationName })}</h1>
        <p className="big-text">{t('intro')}</p>
        <div className="field">
          <label htmlFor="first-name">{t('name')}</label>
          <input id="first-name" value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" maxLength={40} data-testid="first-run-name" autoFocus />
        </div>
        <PinInput id="first-pin" label={t('pin')} value={pin} onChange={setPin} testId="first-run-pin" describedBy="first-pin-rules" />
        <PinRules pin={pin} id="first-pin-rules" />
        <PinInput id="first-pin-again" label={t('pinAgain')} value={again} onChange={setAgain} testId="first-run-pin-again" />
        <Message kind="error" testId="first-run-error">
          {error}
        </Message>
        <button type="submit" className="btn btn-primary btn-wide" disabled={busy} data-testid="first-run-submit">
          {busy ? t('creating') : t('create')}
        </button>
      </form>
    </main>
  );
}
