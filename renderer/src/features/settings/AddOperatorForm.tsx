import { useState, type FormEvent, type ReactNode } from 'react';
import { pinProblemText } from '../../i18n/domain-text';
import { roles, type Role } from '../../../../shared/domain/roles';
import { Message } from '../../components/Message';
import { useTranslation } from '../../i18n';
import { PinInput } from '../../components/PinInput';
import { PinRules } from '../../components/PinRules';
import { useApi } from '../../store/provider';
import { useOperatorAction } from './use-operator-action';

export function AddOperatorForm(): ReactNode {
  const { t } = useTranslation('settings');
  const api = useApi();
  const action = useOperatorAction();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('operator');
  const [pin, setPin] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    const problem = name.trim() === '' ? t('add.noName') : pinProblemText(pin);
    setLocalError(problem);
    if (problem) return;
    const added = await action.run(() => api.call('operators:add', { name: name.trim(), role, pin }), (o) => t('add.done', { name: o.name, role: t(`role.${o.role}`, { ns: 'common' }) }));
    if (added) {
      setName('');
      setPin('');
      setRole('operator');
    }
  }

  return (
    <form className="panel form form-row" onSubmit={(e) => void submit(e)} noValidate data-testid="add-operator">
      <h2>{t('add.title')}</h2>
      <div className="field">
        <label htmlFor="add-name">{t('add.name')}</label>
        <input id="add-name" value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" maxLength={40} data-testid="add-operator-name" />
      </div>
      <div className="field">
        <label htmlFor="add-role">{t('add.role')}</label>
        <select id="add-role" value={role} onChange={(e) => setRole(e.target.value as Role)} data-testid="add-operator-role">
          {roles.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`, { ns: 'common' })}
            </option>
          ))}
        </select>
      </div>
      <PinInput id="add-pin" label={t('add.pin')} value={pin} onChange={setPin} testId="add-operator-pin" describedBy="add-pin-rules" />
      <PinRules pin={pin} id="add-pin-rules" />
      <Message kind="error" testId="add-operator-error">
        {localError ?? action.error}
      </Message>
      <Message kind="success" testId="add-operator-status">
        {action.done}
      </Message>
      <button type="submit" className="btn btn-primary" disabled={action.busy} data-testid="add-operator-submit">
        {t('add.submit')}
      </button>
    </form>
  );
}
