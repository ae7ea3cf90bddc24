// Settings → Maintenance (shift leads and station admins): backups and the support bundle.
import type { ReactNode } from 'react';
import { roleAllows } from '../../../../shared/domain/roles';
import { useAppStore } from '../../store/provider';
import { MaintenanceBackups } from './MaintenanceBackups';
import { MaintenanceSupport } from './MaintenanceSupport';
import './maintenance.css';

export function MaintenancePage(): ReactNode {
  const isAdmin = useAppStore((s) => (s.operator ? roleAllows(s.operator.role, 'settings:manage') : false));
  return (
    <div className="maintenance" data-testid="maintenance">
      <MaintenanceBackups isAdmin={isAdmin} />
      <MaintenanceSupport />
    </div>
  );
}
