// Station admins manage operators here: add, disable/enable, change role, set a new PIN, unlock.
import { useEffect, useState, type ReactNode } from 'react';
import type { OperatorView } from '../../../../shared/contract';
import { Message } from '../../components/Message';
import { useTranslation } from '../../i18n';
import { useApi, useAppStore } from '../../store/provider';
import { AddOperatorForm } from './AddOperatorForm';
import { OperatorRow } from './OperatorRow';
import { SetPinForm } from './SetPinForm';
import { useOperatorAction } from './use-operator-action';

export function OperatorsPage(): ReactNode {
  const { t } = useTranslation('settings');
  const api = useApi();
  const operators = useAppStore((s) => s.operators);
  const status = useAppStore((s) => s.operatorsStatus);
  const loadError = useAppStore((s) => s.operatorsError);
  const loadOperators = useAppStore((s) => s.loadOperators);
  const action = useOperatorAction();
  const [pinFor, setPinFor] = useState<OperatorView | null>(null);

  useEffect(() => {
    void loadOperators();
  }, [loadOperators]);

  return (
    <div className="operators" data-testid="operators-page">
      <h2>{t('operators.title')}</h2>
      <Message kind="error" testId="operators-error">
        {action.error ?? loadError}
      </Message>
      <Message kind="success" testId="operators-status">
        {action.done}
      </Message>
      {status === 'loading' && operators.length === 0 ? (
        <p className="big-text">{t('operators.loading')}</p>
      ) : (
        <table className="table" data-testid="operators-table">
          <thead>
            <tr>
              <th scope="col">{t('operators.name')}</th>
              <th scope="col">{t('operators.role')}</th>
              <th scope="col">{t('operators.status')}</th>
              <th scope="col">{t('operators.lockedUntil')}</th>
              <th scope="col">{t('operators.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {operators.map((o) => (
              <OperatorRow
                key={`${o.id}:${o.role}`}
                operator={o}
                busy={action.busy}
                onSetActive={(active) => void action.run(() => api.call('operators:setActive', { id: o.id, active }), (v) => (v.active ? t('operators.enabled', { name: v.name }) : t('operators.disabledNow', { name: v.name })))}
                onSetRole={(role) => void action.run(() => api.call('operators:setRole', { id: o.id, role }), (v) => t('operators.roleChanged', { name: v.name }))}
                onUnlock={() => void action.run(() => api.call('operators:unlock', { id: o.id }), (v) => t('operators.unlocked', { name: v.name }))}
                onSetPin={() => setPinFor(o)}
              />
            ))}
          </tbody>
        </table>
      )}
      {pinFor && <SetPinForm key={pinFor.id} operator={pinFor} onClose={() => setPinFor(null)} />}
      <AddOperatorForm />
    </div>
  );
}
