import { useState, type ReactNode } from 'react';
import type { OperatorView } from '../../../../shared/contract';
import { roles, type Role } from '../../../../shared/domain/roles';
import { useTranslation } from '../../i18n';
import { formatTime } from '../../i18n/format';

interface OperatorRowProps {
  operator: OperatorView;
  busy: boolean;
  onSetActive: (active: boolean) => void;
  onSetRole: (role: Role) => void;
  onUnlock: () => void;
  onSetPin: () => void;
}

function lockedText(lockedUntil: number | null): string | null {
  if (lockedUntil === null || lockedUntil <= Date.now()) return null;
  return formatTime(lockedUntil, true);
}

export function OperatorRow({ operator: o, busy, onSetActive, onSetRole, onUnlock, onSetPin }: OperatorRowProps): ReactNode {
  // The role is chosen first and applied with a button: arrow keys on a closed select must not demote anyone.
  const { t } = useTranslation('settings');
  const [role, setRole] = useState<Role>(o.role);
  const locked = lockedText(o.lockedUntil);
  return (
    <tr data-testid={`operator-row-${o.name}`} className={o.active ? undefined : 'row-disabled'}>
      <th scope="row">{o.name}</th>
      <td>
        <div className="inline-form">
          <select aria-label={t('operators.roleOf', { name: o.name })} value={role} onChange={(e) => setRole(e.target.value as Role)} data-testid={`role-${o.name}`}>
            {roles.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`, { ns: 'common' })}
              </option>
            ))}
          </select>
          {role !== o.role && (
            <button type="button" className="btn btn-small btn-primary" disabled={busy} onClick={() => onSetRole(role)} data-testid={`apply-role-${o.name}`}>
              {t('operators.apply')}
            </button>
          )}
        </div>
      </td>
      <td data-testid={`active-${o.name}`}>{o.active ? t('operators.active') : t('operators.disabled')}</td>
      <td data-testid={`locked-${o.name}`}>{locked ?? '—'}</td>
      <td>
        <div className="inline-form">
          <button type="button" className="btn btn-small" disabled={busy} onClick={() => onSetActive(!o.active)} data-testid={`toggle-active-${o.name}`}>
            {o.active ? t('operators.disable') : t('operators.enable')}
          </button>
          <button type="button" className="btn btn-small" disabled={busy} onClick={onSetPin} data-testid={`set-pin-${o.name}`}>
            {t('operators.setPin')}
          </button>
          {locked && (
            <button type="button" className="btn btn-small btn-primary" disabled={busy} onClick={onUnlock} data-testid={`unlock-${o.name}`}>
              {t('operators.unlock')}
            </button>
          )}
        </div>
      </td>
    </tr>
  );
}
