import type { ReactNode } from 'react';
import { roleLabels } from '../../../../shared/domain/roles';
import { useAppStore } from '../../store/provider';

export function OperatorBadge(): ReactNode {
  const name = useAppStore((s) => s.operator?.name ?? '');
  const role = useAppStore((s) => s.operator?.role ?? 'operator');
  return (
    <span className="operator-badge" data-testid="operator-badge">
      <span className="badge-name">{name}</span>
      <span className="badge-role">{roleLabels[role]}</span>
    </span>
  );
}
