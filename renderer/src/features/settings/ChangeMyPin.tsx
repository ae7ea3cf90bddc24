import { useState, type FormEvent, type ReactNode } from 'react';
import { pinProblem } from '../../../../shared/domain/pin';
import { Message } from '../../components/Message';
import { PinInput } from '../../components/PinInput';
import { PinRules } from '../../components/PinRules';
import { useApi } from '../../store/provider';

export function ChangeMyPin(): ReactNode {
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
    const problem = current === '' ? 'Type your current PIN.' : (pinProblem(next) ?? (next !== again ? 'The two new PINs are not the same.' : null));
    setError(problem);
    if (problem) return;
    setBusy(true);
    const result = await api.call('session:changePin', { currentPin: current, newPin: next });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    setCurrent('');
    setNext('');
    setAgain('');
    setDone('Your PIN is changed. Use the new one next time you sign in.');
  }

  return (
    <form className="panel form" onSubmit={(e) => void submit(e)} noValidate data-testid="change-my-pin">
      <h2>Change my PIN</h2>
      <PinInput id="my-current-pin" label="Current PIN" value={current} onChange={setCurrent} testId="my-current-pin" />
      <PinInput id="my-new-pin" label="New PIN" value={next} onChange={setNext} testId="my-new-pin" describedBy="my-pin-rules" />
      <PinRules pin={next} id="my-pin-rules" />
      <PinInput id="my-new-pin-again" label="New PIN again" value={again} onChange={setAgain} testId="my-new-pin-again" />
      <Message kind="error" testId="change-pin-error">
        {error}
      </Message>
      <Message kind="success" testId="change-pin-status">
        {done}
      </Message>
      <button type="submit" className="btn btn-primary" disabled={busy} data-testid="change-pin-submit">
        {busy ? 'Saving…' : 'Change my PIN'}
      </button>
    </form>
  );
}
