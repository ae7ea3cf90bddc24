import { useState, type ReactNode } from 'react';
import { roleAllows } from '../../../shared/domain/roles';
import { useTranslation } from '../i18n';
import { useAppStore } from '../store/provider';
import { PartnerSettings } from '../features/partner/PartnerSettings';
import { ScannerTestPage } from '../features/scanner-test/ScannerTestPage';
import { ChangeMyPin } from '../features/settings/ChangeMyPin';
import { FleetPanel } from '../features/settings/FleetPanel';
import { MaintenancePage } from '../features/settings/MaintenancePage';
import { OperatorsPage } from '../features/settings/OperatorsPage';
import { StationRules } from '../features/settings/StationRules';

type Tab = 'operators' | 'station' | 'pin' | 'scanner' | 'partner' | 'fleet' | 'maintenance';

export function SettingsPage(): ReactNode {
  const { t } = useTranslation('settings');
  const isAdmin = useAppStore((s) => (s.operator ? roleAllows(s.operator.role, 'operators:manage') : false));
  const mayMaintain = useAppStore((s) => (s.operator ? roleAllows(s.operator.role, 'station:maintain') : false));
  const mayReview = useAppStore((s) => (s.operator ? roleAllows(s.operator.role, 'batches:review') : false));
  const [chosen, setChosen] = useState<Tab>('operators');
  const tab: Tab = ((chosen === 'operators' || chosen === 'station') && !isAdmin) || (chosen === 'maintenance' && !mayMaintain) || (chosen === 'fleet' && !mayReview) ? 'pin' : chosen;
  return (
    <section className="settings" data-testid="settings">
      <h1>{t('title')}</h1>
      <div className="tabs" role="group" aria-label={t('sections')}>
        {isAdmin && (
          <button type="button" className="tab" aria-pressed={tab === 'operators'} onClick={() => setChosen('operators')} data-testid="settings-tab-operators">
            {t('tab.operators')}
          </button>
        )}
        {isAdmin && (
          <button type="button" className="tab" aria-pressed={tab === 'station'} onClick={() => setChosen('station')} data-testid="settings-tab-station">
            {t('tab.station')}
          </button>
        )}
        <button type="button" className="tab" aria-pressed={tab === 'pin'} onClick={() => setChosen('pin')} data-testid="settings-tab-pin">
          {t('tab.pin')}
        </button>
        <button type="button" className="tab" aria-pressed={tab === 'scanner'} onClick={() => setChosen('scanner')} data-testid="settings-tab-scanner">
          {t('tab.scanner')}
        </button>
        <button type="button" className="tab" aria-pressed={tab === 'partner'} onClick={() => setChosen('partner')} data-testid="settings-tab-partner">
          {t('tab.partner')}
        </button>
        {mayReview && (
          <button type="button" className="tab" aria-pressed={tab === 'fleet'} onClick={() => setChosen('fleet')} data-testid="settings-tab-fleet">
            {t('tab.fleet')}
          </button>
        )}
        {mayMaintain && (
          <button type="button" className="tab" aria-pressed={tab === 'maintenance'} onClick={() => setChosen('maintenance')} data-testid="settings-tab-maintenance">
            {t('tab.maintenance')}
          </button>
        )}
      </div>
      {tab === 'operators' ? <OperatorsPage /> : tab === 'station' ? <StationRules /> : tab === 'maintenance' ? <MaintenancePage /> : tab === 'scanner' ? <ScannerTestPage /> : tab === 'partner' ? <PartnerSettings /> : tab === 'fleet' ? <FleetPanel /> : <ChangeMyPin />}
    </section>
  );
}
