// Settings > Station: the admin's switch for the two-person rule goes through settings:update and
// shows the core's answer (and its refusal, in words).
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { settingDefaults } from '../../../../../shared/domain/settings';
import { FakeStation } from '../../helpers/fake-transport';
import { renderApp } from '../../helpers/render-app';

afterEach(cleanup);

async function adminOnStationTab(station: FakeStation): Promise<void> {
  let twoPersonRule = true;
  station.overrides.set('settings:get', () => ({ ok: true, value: { ...settingDefaults, 'batches.twoPersonRule': twoPersonRule } }));
  station.overrides.set('settings:update', (input) => {
    if (input.key !== 'batches.twoPersonRule') return { ok: false, error: { code: 'INVALID_INPUT', message: 'unexpected key' } };
    if (station.calls.filter((c) => c.channel === 'settings:update').length > 2) return { ok: false, error: { code: 'FORBIDDEN', message: 'A lead may not do this (Change one station setting).' } };
    twoPersonRule = input.value === true;
    return { ok: true, value: { ...settingDefaults, 'batches.twoPersonRule': twoPersonRule } };
  });
  station.addOperator('Ada', 'admin', '246813');
  renderApp(station);
  fireEvent.click(await screen.findByTestId('operator-Ada'));
  for (const key of '246813') fireEvent.keyDown(window, { key });
  fireEvent.keyDown(window, { key: 'Enter' });
  await screen.findByTestId('shell');
  fireEvent.keyDown(window, { key: '5', code: 'Digit5', altKey: true });
  fireEvent.click(await screen.findByTestId('settings-tab-station'));
}

describe('Settings > Station: two-person rule', () => {
  it('shows the rule, turns it off and on through settings:update, and shows a refusal in words', async () => {
    const station = new FakeStation();
    await adminOnStationTab(station);
    expect((await screen.findByTestId('two-person-state')).dataset.enabled).toBe('true');
    expect(screen.getByTestId('two-person-toggle').textContent).toBe('Turn the two-person rule off');
    fireEvent.click(screen.getByTestId('two-person-toggle'));
    expect((await screen.findByTestId('two-person-status')).textContent).toMatch(/off: any shift lead or admin may approve alone.*audit trail/);
    expect(screen.getByTestId('two-person-state').dataset.enabled).toBe('false');
    fireEvent.click(screen.getByTestId('two-person-toggle'));
    expect((await screen.findByTestId('two-person-status')).textContent).toMatch(/is on/);
    expect(station.calls.filter((c) => c.channel === 'settings:update').map((c) => c.input)).toEqual([
      { key: 'batches.twoPersonRule', value: false },
      { key: 'batches.twoPersonRule', value: true },
    ]);
    fireEvent.click(screen.getByTestId('two-person-toggle'));
    expect((await screen.findByTestId('two-person-error')).textContent).toContain('may not do this');
    expect(screen.getByTestId('two-person-state').dataset.enabled).toBe('true');
  }, 20_000);

  it('is not offered to a lead', async () => {
    const station = new FakeStation();
    station.addOperator('Lee', 'lead', '246813');
    renderApp(station);
    fireEvent.click(await screen.findByTestId('operator-Lee'));
    for (const key of '246813') fireEvent.keyDown(window, { key });
    fireEvent.keyDown(window, { key: 'Enter' });
    await screen.findByTestId('shell');
    fireEvent.keyDown(window, { key: '5', code: 'Digit5', altKey: true });
    await screen.findByTestId('settings');
    expect(screen.queryByTestId('settings-tab-station')).toBeNull();
  });
});
