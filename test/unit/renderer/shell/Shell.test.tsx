import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Role } from '../../../../shared/domain/roles';
import { FakeStation } from '../helpers/fake-transport';
import { renderApp } from '../helpers/render-app';

afterEach(cleanup);

async function signedInAs(role: Role, practiceMode = false): Promise<FakeStation> {
  const station = new FakeStation();
  station.practiceMode = practiceMode;
  station.addOperator('Ada', 'admin', '246813');
  station.addOperator('Pat', role, '975318');
  renderApp(station);
  fireEvent.click(await screen.findByTestId('operator-Pat'));
  for (const key of '975318') fireEvent.keyDown(window, { key });
  fireEvent.keyDown(window, { key: 'Enter' });
  await screen.findByTestId('shell');
  return station;
}

const navIds = () => screen.getAllByRole('button').flatMap((b) => (b.dataset.testid?.startsWith('nav-') ? [b.dataset.testid] : []));

describe('shell', () => {
  it('shows the station name, the operator badge, online state and sign-out', async () => {
    await signedInAs('lead');
    expect(screen.getByTestId('station-name').textContent).toBe('Dock 3');
    expect(screen.getByTestId('operator-badge').textContent).toBe('PatShift lead');
    expect(screen.getByTestId('online-indicator').dataset.state).toBe('online');
    fireEvent(window, new Event('offline'));
    expect(screen.getByTestId('online-indicator').dataset.state).toBe('offline');
    expect(screen.getByTestId('sign-out')).toBeTruthy();
    expect(screen.queryByTestId('practice-banner')).toBeNull();
  });

  it('shows only the pages the role may use', async () => {
    await signedInAs('operator');
    expect(navIds()).toEqual(['nav-scan', 'nav-batches', 'nav-settings']);
    cleanup();
    await signedInAs('lead');
    expect(navIds()).toEqual(['nav-scan', 'nav-batches', 'nav-upload', 'nav-reports', 'nav-settings']);
  });

  it('Alt+digit opens a page the role may use and ignores the others', async () => {
    await signedInAs('operator');
    expect(screen.getByTestId('page-scan')).toBeTruthy();
    expect(screen.queryByTestId('page-batches')).toBeNull();
    fireEvent.keyDown(window, { key: '2', code: 'Digit2', altKey: true });
    expect(screen.getByTestId('page-batches')).toBeTruthy();
    fireEvent.keyDown(window, { key: '3', code: 'Digit3', altKey: true });
    expect(screen.getByTestId('page-batches')).toBeTruthy();
    fireEvent.click(screen.getByTestId('nav-settings'));
    expect(screen.getByTestId('change-my-pin')).toBeTruthy();
    expect(screen.queryByTestId('settings-tab-operators')).toBeNull();
  });

  it('shows the practice banner in practice mode', async () => {
    await signedInAs('operator', true);
    expect(screen.getByTestId('practice-banner').textContent).toBe('Practice mode: nothing leaves this machine');
  });
});
