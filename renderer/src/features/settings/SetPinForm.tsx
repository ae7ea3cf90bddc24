import { useState, type FormEvent, type ReactNode } from 'react';
import type { OperatorView } from '../../../../shared/contract';
import { pinProblemText } from '../../i18n/domain-text';
import { Message } from '../../components/Message';
import { useTranslation } from '../../i18n';
import { PinInput } from '../../components/PinInput';
import { PinRules } from '../../components/PinRules';
import { useApi } from '../../store/provider';
import { useOperatorAction } from './use-operator-action';

/** An admin sets a new PIN for someone (which also lifts a lock-out and signs them out). */
export function SetPinForm({ operator, onClose }: { operator: OperatorView; onClose: () => void }): ReactNode {
  const { t } = useTranslation('settings');
  const api = useApi();
  const action = useOperatorAction();
  const [pin, setPin] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    const problem = pinProblemText(pin);
    setLocalError(problem);
    if (problem) return;
    if (await action.run(() => api.call('operators:setPin', { id: operator.id, pin }), (o) => t('setPin.done', { name: o.name }))) setPin('');
  }

  return (
    <form className="panel form" onSubmit={(e) => void submit(e)} noValidate data-testid="set-pin-form">
      <h2>{t('setPin.title', { name: operator.name })}</h2>
      <PinInput id="set-pin" label={t('myPin.new')} value={pin} onChange={setPin} testId="set-pin-input" describedBy="set-pin-rules" autoFocus />
      <PinRules pin={pin} id="set-pin-rules" />
      <Message kind="error" testId="set-pin-error">
        {localError ?? action.error}
      </Message>
      <Message kind="success" testId="set-pin-status">
        {action.done}
      </Message>
      <div className="inline-form">
        <button type="submit" className="btn btn-primary" disabled={action.busy} data-testid="set-pin-submit">
          {t('setPin.save')}
        </button>
        <button type="button" className="btn btn-secondary" onClick={onClose} data-testid="set-pin-close">
          {t('setPin.close')}
        </button>
      </div>
    </form>
  );
}
