import { useState, type ReactNode } from 'react';
import { roleAllows } from '../../../../shared/domain/roles';
import { useAppStore } from '../../store/provider';
import { PartnerSettings } from '../partner/PartnerSettings';
import { ScannerTestPage } from '../scanner-test/ScannerTestPage';
import { ChangeMyPin } from './ChangeMyPin';
import { OperatorsPage } from './OperatorsPage';

type Tab = 'operators' | 'pin' | 'scanner' | 'partner';

export function SettingsPage(): ReactNode {
  const isAdmin = useAppStore((s) => (s.operator ? roleAllows(s.operator.role, 'operators:manage') : false));
  const [chosen, setChosen] = useState<Tab>('operators');
  const tab: Tab = isAdmin || chosen === 'scanner' || chosen === 'partner' ? chosen : 'pin';
  return (
    <section className="settings" data-testid="settings">
      <h1>Settings</h1>
      <div className="tabs" role="group" aria-label="Settings sections">
        {isAdmin && (
          <button type="button" className="tab" aria-pressed={tab === 'operators'} onClick={() => setChosen('operators')} data-testid="settings-tab-operators">
            Operators
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
      </div>
      {tab === 'operators' ? <OperatorsPage /> : tab === 'scanner' ? <ScannerTestPage /> : tab === 'partner' ? <PartnerSettings /> : <ChangeMyPin />}
    </section>
  );
}
