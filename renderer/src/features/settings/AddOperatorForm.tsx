import { useState, type FormEvent, type ReactNode } from 'react';
import { pinProblem } from '../../../../shared/domain/pin';
import { roleLabels, roles, type Role } from '../../../../shared/domain/roles';
import { Message } from '../../components/Message';
import { PinInput } from '../../components/PinInput';
import { PinRules } from '../../components/PinRules';
import { useApi } from '../../store/provider';
import { useOperatorAction } from './use-operator-action';

export function AddOperatorForm(): ReactNode {
  const api = useApi();
  const action = useOperatorAction();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('operator');
  const [pin, setPin] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    const problem = name.trim() === '' ? 'Type the new operator\'s name.' : pinProblem(pin);
    setLocalError(problem);
    if (problem) return;
    const added = await action.run(() => api.call('operators:add', { name: name.trim(), role, pin }), (o) => `${o.name} was added as ${roleLabels[o.role]}.`);
    if (added) {
      setName('');
      setPin('');
      setRole('operator');
    }
  }

  return (
    <form className="panel form form-row" onSubmit={(e) => void submit(e)} noValidate data-testid="add-operator">
      <h2>Add an operator</h2>
      <div className="field">
        <label htmlFor="add-name">Name</label>
        <input id="add-name" value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" maxLength={40} data-testid="add-operator-name" />
      </div>
      <div className="field">
        <label htmlFor="add-role">Role</label>
        <select id="add-role" value={role} onChange={(e) => setRole(e.target.value as Role)} data-testid="add-operator-role">
          {roles.map((r) => (
            <option key={r} value={r}>
              {roleLabels[r]}
            </option>
          ))}
        </select>
      </div>
      <PinInput id="add-pin" label="PIN" value={pin} onChange={setPin} testId="add-operator-pin" describedBy="add-pin-rules" />
      <PinRules pin={pin} id="add-pin-rules" />
      <Message kind="error" testId="add-operator-error">
        {localError ?? action.error}
      </Message>
      <Message kind="success" testId="add-operator-status">
        {action.done}
      </Message>
      <button type="submit" className="btn btn-primary" disabled={action.busy} data-testid="add-operator-submit">
        Add operator
      </button>
    </form>
  );
}
