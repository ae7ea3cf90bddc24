import { useState, type ReactNode } from 'react';
import { roleAllows } from '../../../../shared/domain/roles';
import { useAppStore } from '../../store/provider';
import { PartnerSettings } from '../partner/PartnerSettings';
import { ScannerTestPage } from '../scanner-test/ScannerTestPage';
import { ChangeMyPin } from './ChangeMyPin';
import { FleetPanel } from './FleetPanel';
import { MaintenancePage } from './MaintenancePage';
import { OperatorsPage } from './OperatorsPage';
import { StationRules } from './StationRules';

type Tab = 'operators' | 'station' | 'pin' | 'scanner' | 'partner' | 'fleet' | 'maintenance';

export function SettingsPage(): ReactNode {
  const isAdmin = useAppStore((s) => (s.operator ? roleAllows(s.operator.role, 'operators:manage') : false));
  const mayMaintain = useAppStore((s) => (s.operator ? roleAllows(s.operator.role, 'station:maintain') : false));
  const mayReview = useAppStore((s) => (s.operator ? roleAllows(s.operator.role, 'batches:review') : false));
  const [chosen, setChosen] = useState<Tab>('operators');
  const tab: Tab = ((chosen === 'operators' || chosen === 'station') && !isAdmin) || (chosen === 'maintenance' && !mayMaintain) || (chosen === 'fleet' && !mayReview) ? 'pin' : chosen;
  return (
    <section className="settings" data-testid="settings">
      <h1>Settings</h1>
      <div className="tabs" role="group" aria-label="Settings sections">
        {isAdmin && (
          <button type="button" className="tab" aria-pressed={tab === 'operators'} onClick={() => setChosen('operators')} data-testid="settings-tab-operators">
            Operators
          </button>
        )}
        {isAdmin && (
          <button type="button" className="tab" aria-pressed={tab === 'station'} onClick={() => setChosen('station')} data-testid="settings-tab-station">
            Station
          </button>
        )}
        <button type="button" className="tab" aria-pressed={tab === 'pin'} onClick={() => setChosen('pin')} data-testid="settings-tab-pin">
          Change my PIN
        </button>
        <button type="button" className="tab" aria-pressed={tab === 'scanner'} onClick={() => setChosen('scanner')} data-testid="settings-tab-scanner">
          Scanner test
        </button>
        <button type="button" className="tab" aria-pressed={tab === 'partner'} onClick={() => setChosen('partner')} data-testid="settings-tab-partner">
          Partner Center
        </button>
        {mayReview && (
          <button type="button" className="tab" aria-pressed={tab === 'fleet'} onClick={() => setChosen('fleet')} data-testid="settings-tab-fleet">
            Fleet
          </button>
        )}
        {mayMaintain && (
          <button type="button" className="tab" aria-pressed={tab === 'maintenance'} onClick={() => setChosen('maintenance')} data-testid="settings-tab-maintenance">
            Maintenance
          </button>
        )}
      </div>
      {tab === 'operators' ? <OperatorsPage /> : tab === 'station' ? <StationRules /> : tab === 'maintenance' ? <MaintenancePage /> : tab === 'scanner' ? <ScannerTestPage /> : tab === 'partner' ? <PartnerSettings /> : tab === 'fleet' ? <FleetPanel /> : <ChangeMyPin />}
    </section>
  );
}
