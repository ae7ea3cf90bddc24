// The Reports page (shift leads, admins): the shift view, and the audit trail with its chain check.
import { useState, type ReactNode } from 'react';
import { roleAllows } from '../../../shared/domain/roles';
import { useTranslation } from '../i18n';
import { useAppStore } from '../store/provider';
import { AuditViewer } from '../features/audit/AuditViewer';
import { ShiftReportView } from '../features/reports/ShiftReportView';
import '../features/reports/reports.css';

type Tab = 'shift' | 'audit';

export function ReportsPage(): ReactNode {
  const { t } = useTranslation('reports');
  const role = useAppStore((s) => s.operator?.role ?? 'operator');
  const [tab, setTab] = useState<Tab>('shift');
  const canAudit = roleAllows(role, 'audit:read');
  return (
    <section className="reports-page" data-testid="reports-page">
      <h1>{t('title')}</h1>
      <div className="tabs" role="group" aria-label={t('sections')}>
        <button type="button" className="tab" aria-pressed={tab === 'shift'} onClick={() => setTab('shift')} data-testid="reports-tab-shift">
          {t('tab.shift')}
        </button>
        {canAudit && (
          <button type="button" className="tab" aria-pressed={tab === 'audit'} onClick={() => setTab('audit')} data-testid="reports-tab-audit">
            {t('tab.audit')}
          </button>
        )}
      </div>
      {tab === 'audit' && canAudit ? <AuditViewer /> : <ShiftReportView />}
    </section>
  );
}
