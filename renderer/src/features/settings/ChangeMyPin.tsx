import { useState, type FormEvent, type ReactNode } from 'react';
import { pinProblemText } from '../../i18n/domain-text';
import { Message } from '../../components/Message';
import { useTranslation } from '../../i18n';
import { errorText } from '../../i18n/errors';
import { PinInput } from '../../components/PinInput';
import { PinRules } from '../../components/PinRules';
import { useApi } from '../../store/provider';

export function ChangeMyPin(): ReactNode {
  const { t } = useTranslation('settings');
  const api = useApi();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    setDone(null);
    const problem = current === '' ? t('myPin.noCurrent') : (pinProblemText(next) ?? (next !== again ? t('myPin.differ') : null));
    setError(problem);
    if (problem) return;
    setBusy(true);
    const result = await api.call('session:changePin', { currentPin: current, newPin: next });
    setBusy(false);
    if (!result.ok) return setError(errorText(result.error));
    setCurrent('');
    setNext('');
    setAgain('');
    setDone(t('myPin.done'));
  }

  return (
    <form className="panel form" onSubmit={(e) => void submit(e)} noValidate data-testid="change-my-pin">
      <h2>{t('myPin.title')}</h2>
      <PinInput id="my-current-pin" label={t('myPin.current')} value={current} onChange={setCurrent} testId="my-current-pin" />
      <PinInput id="my-new-pin" label={t('myPin.new')} value={next} onChange={setNext} testId="my-new-pin" describedBy="my-pin-rules" />
      <PinRules pin={next} id="my-pin-rules" />
      <PinInput id="my-new-pin-again" label={t('myPin.again')} value={again} onChange={setAgain} testId="my-new-pin-again" />
      <Message kind="error" testId="change-pin-error">
        {error}
      </Message>
      <Message kind="success" testId="change-pin-status">
        {done}
      </Message>
      <button type="submit" className="btn btn-primary" disabled={busy} data-testid="change-pin-submit">
        {busy ? t('saving') : t('myPin.title')}
      </button>
    </form>
  );
}
