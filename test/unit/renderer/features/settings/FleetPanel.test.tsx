// Settings > Fleet: a lead sees the dock's link to the hub in words (unreachable, waiting lines,
// another dock's boxes, leases) and can run a round at once; operators have no such tab.
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { FleetStatus } from '../../../../../shared/contract/fleet';
import { setLanguage } from '../../../../../renderer/src/i18n';
import { FakeStation } from '../../helpers/fake-transport';
import { renderApp } from '../../helpers/render-app';

afterEach(() => {
  cleanup();
  setLanguage('en');
});

const inFleet: FleetStatus = {
  member: true,
  hub: 'postgres://dock_3@hub.example:5432/dockside_fleet',
  stationName: 'Dock 3',
  reachable: false,
  problem: 'The fleet hub (postgres://dock_3@hub.example:5432/dockside_fleet) cannot be reached.',
  lastPushAt: null,
  lastPullAt: null,
  waitingForConfirmation: 1,
  duplicates: 2,
  password: 'saved',
  uploadLeases: [],
  otherBatches: [],
  auditMismatches: [],
};

async function signInAndOpenSettings(station: FakeStation, name: string, role: 'lead' | 'operator'): Promise<void> {
  station.addOperator(name, role, '246813');
  renderApp(station);
  fireEvent.click(await screen.findByTestId(`operator-${name}`));
  for (const key of '246813') fireEvent.keyDown(window, { key });
  fireEvent.keyDown(window, { key: 'Enter' });
  await screen.findByTestId('shell');
  fireEvent.keyDown(window, { key: '5', code: 'Digit5', altKey: true });
  await screen.findByTestId('settings');
}

describe('Settings > Fleet', () => {
  it('tells a lead the hub is down, what waits and what belongs to another dock, and runs a round on Sync now', async () => {
    const station = new FakeStation();
    let status = inFleet;
    station.overrides.set('fleet:status', () => ({ ok: true, value: status }));
    station.overrides.set('fleet:syncNow', () => {
      status = { ...inFleet, reachable: true, problem: null, waitingForConfirmation: 0, duplicates: 1, lastPushAt: new Date().toISOString(), lastPullAt: new Date().toISOString(), uploadLeases: [{ customerTenantId: 'contoso-tenant', stationName: 'Dock 1', expiresAt: new Date().toISOString() }], otherBatches: [{ stationName: 'Dock 1', batchName: 'PO-A', state: 'open', devices: 1, updatedAt: new Date().toISOString() }, { stationName: 'Dock 1', batchName: 'PO-C', state: 'approved', devices: 240, updatedAt: new Date().toISOString() }] };
      return { ok: true, value: { pushed: 1, pulled: 40, flagged: 0, released: 0, reclaimed: 1 } };
    });
    await signInAndOpenSettings(station, 'Lee', 'lead');
    fireEvent.click(screen.getByTestId('settings-tab-fleet'));
    expect((await screen.findByTestId('fleet-station')).textContent).toBe('Dock 3');
    expect(screen.getByTestId('fleet-reachable').textContent).toMatch(/^No: The fleet hub .* cannot be reached\. Scanning goes on; approval waits for the hub\.$/);
    expect(screen.getByTestId('fleet-waiting').textContent).toBe('1 line: their batches can be approved once the hub confirms them.');
    expect(screen.getByTestId('fleet-duplicates').textContent).toBe('2 lines scanned first at another dock: remove them in Review.');
    fireEvent.click(screen.getByTestId('fleet-sync-now'));
    expect((await screen.findByTestId('fleet-sync-done')).textContent).toBe('Sent 1 identity, received 40 identities from the other docks. 1 line got its box back from another dock.');
    expect((await screen.findByTestId('fleet-reachable')).dataset.reachable).toBe('true');
    expect(screen.getByTestId('fleet-waiting').textContent).toBe('No line waits.');
    expect(screen.getByTestId('fleet-leases').textContent).toMatch(/^Dock 1 uploads for contoso-tenant \(until \d\d:\d\d\)$/);
    expect(screen.getByTestId('fleet-other-batches').textContent).toBe('Dock 1: PO-A (open, 1 device), PO-C (approved, 240 devices)');
  }, 20_000);

  it("says which dock's audit chain does not match its anchor in the hub", async () => {
    const station = new FakeStation();
    const message = 'audit chain of station Dock 1 does not match its anchor: its row 12 is not the row the hub anchored (another hash).';
    station.overrides.set('fleet:status', () => ({ ok: true, value: { ...inFleet, reachable: true, problem: null, auditMismatches: [{ stationName: 'Dock 1', message }] } }));
    await signInAndOpenSettings(station, 'Lee', 'lead');
    fireEvent.click(screen.getByTestId('settings-tab-fleet'));
    const anchors = await screen.findByTestId('fleet-audit-anchors');
    expect(anchors.textContent).toBe(message);
    expect(anchors.dataset.mismatches).toBe('1');
  }, 20_000);

  it('says the hub refused a round in its own words', async () => {
    const station = new FakeStation();
    station.overrides.set('fleet:status', () => ({ ok: true, value: inFleet }));
    station.overrides.set('fleet:syncNow', () => ({ ok: false, error: { code: 'OFFLINE', message: 'The fleet hub cannot be reached. The station keeps working on its own.' } }));
    await signInAndOpenSettings(station, 'Lee', 'lead');
    fireEvent.click(screen.getByTestId('settings-tab-fleet'));
    fireEvent.click(await screen.findByTestId('fleet-sync-now'));
    expect((await screen.findByTestId('fleet-error')).textContent).toBe('The fleet hub cannot be reached. The station keeps working on its own.');
  }, 20_000);

  it('says a station on its own is not in a fleet, and how to join one', async () => {
    const station = new FakeStation();
    station.overrides.set('fleet:status', () => ({ ok: true, value: { ...inFleet, member: false, hub: null, stationName: null, reachable: null, problem: null, waitingForConfirmation: 0, duplicates: 0, password: 'missing' } }));
    await signInAndOpenSettings(station, 'Lee', 'lead');
    fireEvent.click(screen.getByTestId('settings-tab-fleet'));
    expect((await screen.findByTestId('fleet-panel')).dataset.member).toBe('false');
    expect(screen.getByTestId('fleet-panel').textContent).toMatch(/not in a fleet.*dockside fleet join/);
    expect(screen.queryByTestId('fleet-sync-now')).toBeNull();
  }, 20_000);

  it('is not offered to an operator', async () => {
    const station = new FakeStation();
    await signInAndOpenSettings(station, 'Olga', 'operator');
    expect(screen.queryByTestId('settings-tab-fleet')).toBeNull();
  }, 20_000);
});

describe('Settings > Fleet in other languages', () => {
  it('says the counts with Polish plural forms and German digit grouping', async () => {
    const station = new FakeStation();
    const status: FleetStatus = { ...inFleet, reachable: true, problem: null, waitingForConfirmation: 3, duplicates: 5, otherBatches: [{ stationName: 'Dock 1', batchName: 'PO-C', state: 'approved', devices: 1240, updatedAt: new Date().toISOString() }] };
    station.overrides.set('fleet:status', () => ({ ok: true, value: status }));
    await signInAndOpenSettings(station, 'Lee', 'lead');
    fireEvent.click(screen.getByTestId('settings-tab-fleet'));
    await screen.findByTestId('fleet-station');
    act(() => setLanguage('pl'));
    expect(screen.getByTestId('fleet-waiting').textContent).toBe('3 wiersze: ich partie będzie można zatwierdzić, gdy hub je potwierdzi.');
    expect(screen.getByTestId('fleet-duplicates').textContent).toBe('5 wierszy zeskanowanych najpierw na innej rampie: usuń je w przeglądzie.');
    act(() => setLanguage('de'));
    expect(screen.getByTestId('fleet-other-batches').textContent).toBe('Dock 1: PO-C (freigegeben, 1.240 Geräte)');
    expect(screen.getByTestId('fleet-sync-now').textContent).toBe('Jetzt abgleichen');
  }, 20_000);
});
