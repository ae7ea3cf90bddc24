// Sign-in: pick your name, then type your PIN on the keypad (or the keyboard).
import { useEffect, useState, type ReactNode } from 'react';
import { PIN_MAX } from '../../../../shared/domain/pin';
import { Message } from '../../components/Message';
import { useTranslation } from '../../i18n';
import { useAppStore } from '../../store/provider';
import type { RosterEntry } from '../../store/types';
import { Keypad } from './Keypad';
import { OperatorPicker } from './OperatorPicker';
import { PinDots } from './PinDots';
import { signInErrorText } from './sign-in-error';

export function SignIn(): ReactNode {
  const { t } = useTranslation('signIn');
  const roster = useAppStore((s) => s.roster);
  const rosterStatus = useAppStore((s) => s.rosterStatus);
  const loadRoster = useAppStore((s) => s.loadRoster);
  const signIn = useAppStore((s) => s.signIn);
  const notice = useAppStore((s) => s.sessionNotice);
  const stationName = useAppStore((s) => s.station?.name ?? 'Dockside');
  const [chosen, setChosen] = useState<RosterEntry | null>(null);
  const [lastChosen, setLastChosen] = useState<string | null>(null);
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void loadRoster();
  }, [loadRoster]);

  function pick(operator: RosterEntry): void {
    setChosen(operator);
    setLastChosen(operator.name);
    setPin('');
    setError(null);
  }

  function back(): void {
    setChosen(null);
    setPin('');
    setError(null);
  }

  async function submit(): Promise<void> {
    if (!chosen || pin.length === 0 || busy) return;
    setBusy(true);
    const result = await signIn(chosen.name, pin);
    setBusy(false);
    if (!result.ok) {
      setPin('');
      setError(signInErrorText(result.error, t));
    }
  }

  return (
    <main className="sign-in" data-testid="sign-in">
      <header className="sign-in-header">
        <h1>{stationName}</h1>
        <Message kind="info" testId="session-notice">
          {notice}
        </Message>
      </header>
      {chosen === null ? (
        <section aria-labelledby="who-heading">
          <h2 id="who-heading">{t('whoAreYou')}</h2>
          <p className="hint">{t('pickHint')}</p>
          {rosterStatus === 'loading' ? <p className="big-text">{t('loadingNames')}</p> : <OperatorPicker roster={roster} onPick={pick} focusName={lastChosen} />}
        </section>
      ) : (
        <section className="pin-step" aria-labelledby="pin-heading">
          <h2 id="pin-heading" data-testid="sign-in-as">
            {chosen.name} <span className="role-label">{t(`common:role.${chosen.role}`)}</span>
          </h2>
          <PinDots length={pin.length} />
          <Message kind="error" testId="sign-in-error">
            {error}
          </Message>
          <Keypad
            onDigit={(d) => setPin((p) => (p.length < PIN_MAX ? p + d : p))}
            onBackspace={() => setPin((p) => p.slice(0, -1))}
            onEnter={() => void submit()}
            onEscape={back}
            disabled={busy}
            enterLabel={busy ? t('busy') : t('signIn')}
          />
          <button type="button" className="btn btn-secondary btn-wide" onClick={back} data-testid="sign-in-back">
            {t('notYou', { name: chosen.name })}
          </button>
        </section>
      )}
    </main>
  );
}
