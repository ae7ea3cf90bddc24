import type { ReactNode } from 'react';
import { useTranslation } from '../i18n';
import { useAppStore } from '../store/provider';

export function OperatorBadge(): ReactNode {
  const { t } = useTranslation('shell');
  const name = useAppStore((s) => s.operator?.name ?? '');
  const role = useAppStore((s) => s.operator?.role ?? 'operator');
  return (
    <span className="operator-badge" data-testid="operator-badge">
      <span className="badge-name">{name}</span>
      <span className="badge-role">{t(`common:role.${role}`)}</span>
    </span>
  );
}
