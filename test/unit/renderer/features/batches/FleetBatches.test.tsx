// The lead's desk across docks on the Batches page: every dock's batches with the dock's name and a
// station filter, another dock's rows marked and read-only, "as of" the last pull, a plain line when the
// hub is down; a request to the owning dock and its answer; and "where is this box?" at other docks.
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeskBatch, DeskView, SentRequest } from '../../../../../shared/contract/fleet-desk';
import { BatchesPage } from '../../../../../renderer/src/features/batches/BatchesPage';
import { AT, ok, ReviewFake } from './review-fake';
import { renderSignedIn } from './render';

afterEach(cleanup);

const today = (h: number, m: number): number => {
  const d = new Date();
  d.setHours(h, m, 0, 0);
  return d.getTime();
};

const own: DeskBatch = { stationName: 'Dock 1', batchName: 'PO-4711', state: 'closed', devices: 3, createdBy: 'Olga', createdAt: AT, own: true, batchId: 1, heldElsewhere: 2, request: null };
const atDock3: DeskBatch = { stationName: 'Dock 3', batchName: 'PO-B1', state: 'closed', devices: 240, createdBy: 'Olga', createdAt: today(6, 15), own: false, batchId: null, heldElsewhere: 0, request: null };
const atDock5: DeskBatch = { stationName: 'Dock 5', batchName: 'PO-C7', state: 'open', devices: 1, createdBy: 'Piotr', createdAt: today(7, 0), own: false, batchId: null, heldElsewhere: 0, request: null };

function desk(extra: Partial<DeskView> = {}): DeskView {
  return { member: true, stationName: 'Dock 1', asOf: today(7, 42), problem: null, otherStations: ['Dock 3', 'Dock 5'], batches: [own, atDock3, atDock5], ...extra };
}

function fleetFake(view: () => DeskView): ReviewFake {
  const fake = new ReviewFake();
  fake.station.overrides.set('fleet:batches', () => ok(view()));
  fake.station.overrides.set('fleet:findBox', () => ok({ matches: [], truncated: false }));
  return fake;
}

const rowIds = (): (string | null)[] => [...document.querySelectorAll('[data-testid^="fleet-row-"][data-own]')].map((r) => r.getAttribute('data-testid'));

describe("every dock's batches", () => {
  it('lists every dock with its name, marks the others read-only, says as of when, and filters by station', async () => {
    const fake = fleetFake(() => desk());
    renderSignedIn(fake.api, <BatchesPage />);
    const section = await screen.findByTestId('fleet-desk');
    expect(screen.getByTestId('fleet-desk-as-of').textContent).toBe('As of 07:42 (the last pull from the fleet hub): 2 batches at other docks.');
    expect(rowIds()).toEqual(['fleet-row-Dock-1-PO-4711', 'fleet-row-Dock-3-PO-B1', 'fleet-row-Dock-5-PO-C7']);
    const other = screen.getByTestId('fleet-row-Dock-3-PO-B1');
    expect(within(other).getByTestId('fleet-row-Dock-3-PO-B1-elsewhere').textContent).toBe("Another dock's");
    expect(other.textContent).toContain('Ready for review');
    expect(other.textContent).toContain('240');
    expect(other.textContent).toContain('Olga, 06:15');
    // Read-only here: no review, only a request to its dock.
    expect(within(other).queryByTestId('fleet-row-Dock-3-PO-B1-open')).toBeNull();
    expect(within(other).getByTestId('fleet-row-Dock-3-PO-B1-ask-approve')).toBeTruthy();
    // An open batch elsewhere cannot be approved: nothing to ask.
    expect(within(screen.getByTestId('fleet-row-Dock-5-PO-C7')).queryByTestId('fleet-row-Dock-5-PO-C7-ask-approve')).toBeNull();

    const filter = within(section).getByTestId('fleet-desk-filter') as HTMLSelectElement;
    expect([...filter.options].map((o) => o.textContent)).toEqual(['All docks', 'This station (Dock 1)', 'Dock 3', 'Dock 5']);
    fireEvent.change(filter, { target: { value: 'Dock 3' } });
    expect(rowIds()).toEqual(['fleet-row-Dock-3-PO-B1']);
    fireEvent.change(filter, { target: { value: filter.options[1]?.value } });
    expect(rowIds()).toEqual(['fleet-row-Dock-1-PO-4711']);
    // The lead's desk says which of this station's batches hold boxes the hub gave to another dock.
    expect(screen.getByTestId('fleet-row-Dock-1-PO-4711-held-elsewhere').textContent).toBe("2 lines are another dock's boxes: remove them in Review");
    fireEvent.click(screen.getByTestId('fleet-row-Dock-1-PO-4711-open'));
    expect(await screen.findByTestId('batch-review')).toBeTruthy();
  });

  it('says plainly when the hub cannot be reached, when nothing was pulled yet, and when a station has no batches', async () => {
    const fake = fleetFake(() => desk({ asOf: null, problem: 'The fleet hub (postgres://dock_1@hub:5432/dockside_fleet) cannot be reached (connect ECONNREFUSED).', batches: [atDock3], otherStations: ['Dock 3'] }));
    renderSignedIn(fake.api, <BatchesPage />);
    expect((await screen.findByTestId('fleet-desk-as-of')).textContent).toBe("Not pulled from the fleet hub yet: the other docks' batches appear after the first round.");
    expect(screen.getByTestId('fleet-desk-offline').textContent).toMatch(/^The fleet hub cannot be reached: the other docks' batches are as of the last pull, and requests go out when the hub is back\. The fleet hub \(.*\) cannot be reached/);
    const filter = screen.getByTestId('fleet-desk-filter') as HTMLSelectElement;
    fireEvent.change(filter, { target: { value: filter.options[1]?.value } });
    expect(screen.getByTestId('fleet-desk-empty').textContent).toBe('No batches at this station yet.');
  });

  it('is not there on a station on its own, nor for an operator', async () => {
    const alone = fleetFake(() => ({ member: false, stationName: null, asOf: null, problem: null, otherStations: [], batches: [] }));
    renderSignedIn(alone.api, <BatchesPage />);
    await screen.findByTestId('batch-row-PO-4711');
    await waitFor(() => expect(alone.calls('fleet:batches')).toHaveLength(1));
    expect(screen.queryByTestId('fleet-desk')).toBeNull();
    cleanup();
    const operator = new ReviewFake('operator');
    operator.station.overrides.set('fleet:batches', () => ok(desk()));
    renderSignedIn(operator.api, <BatchesPage />);
    await screen.findByTestId('batch-row-PO-4711');
    expect(screen.queryByTestId('fleet-desk')).toBeNull();
    expect(operator.calls('fleet:batches')).toEqual([]);
  });
});

describe('a request to the owning dock', () => {
  it('asks Dock 3 to approve for a chosen customer, then shows that it waits, and the refusal with its reason', async () => {
    let request: SentRequest | null = null;
    const fake = fleetFake(() => desk({ batches: [own, { ...atDock3, request }] }));
    fake.station.overrides.set('fleet:requestBatch', (input) => {
      request = { seq: 1, action: input.action as 'approve', requestedBy: 'Liam', requestedAt: today(7, 50), sent: true, outcome: null, reason: null, answeredAt: null };
      return ok(request);
    });
    renderSignedIn(fake.api, <BatchesPage />);
    fireEvent.click(await screen.findByTestId('fleet-row-Dock-3-PO-B1-ask-approve'));
    expect(screen.getByTestId('fleet-row-Dock-3-PO-B1-approve-form').textContent).toContain('Dock 3 approves it under its own rules on its next round, for the customer chosen here.');
    fireEvent.click(screen.getByTestId('fleet-row-Dock-3-PO-B1-send'));
    expect(screen.getByTestId('fleet-row-Dock-3-PO-B1-request-error').textContent).toBe('Choose the customer first.');
    expect(fake.calls('fleet:requestBatch')).toEqual([]);
    fireEvent.click(await screen.findByTestId('approve-customer-tenant-contoso'));
    fireEvent.click(screen.getByTestId('fleet-row-Dock-3-PO-B1-send'));
    const status = await screen.findByTestId('fleet-row-Dock-3-PO-B1-request');
    expect(fake.calls('fleet:requestBatch')).toEqual([{ stationName: 'Dock 3', batchName: 'PO-B1', action: 'approve', customerTenantId: 'tenant-contoso' }]);
    expect(status.textContent).toBe('Approval asked by Liam at 07:50: Dock 3 decides on its next round.');
    // No second request while the first waits.
    expect(screen.queryByTestId('fleet-row-Dock-3-PO-B1-ask-approve')).toBeNull();

    request = { ...(request as unknown as SentRequest), outcome: 'refused', reason: '1 line of batch PO-B1 is a box another dock scanned first.', answeredAt: today(7, 52) };
    act(() => fake.station.emit('db:changed', { tables: ['batches'] }));
    await waitFor(() => expect(screen.getByTestId('fleet-row-Dock-3-PO-B1-request').dataset.outcome).toBe('refused'));
    expect(screen.getByTestId('fleet-row-Dock-3-PO-B1-request').textContent).toBe('Dock 3 refused to approve it: 1 line of batch PO-B1 is a box another dock scanned first.');
    // Refused: the lead may ask again once the dock fixed it.
    expect(screen.getByTestId('fleet-row-Dock-3-PO-B1-ask-approve')).toBeTruthy();
  });

  it('asks Dock 3 to reopen, and says the core refused in its words', async () => {
    const fake = fleetFake(() => desk());
    fake.station.overrides.set('fleet:requestBatch', () => ({ ok: false, error: { code: 'CONFLICT', message: 'Lena already asked Dock 3 to approve batch PO-B1: wait for its answer.' } }));
    renderSignedIn(fake.api, <BatchesPage />);
    fireEvent.click(await screen.findByTestId('fleet-row-Dock-3-PO-B1-ask-reopen'));
    expect((await screen.findByTestId('fleet-row-Dock-3-PO-B1-request-error')).textContent).toBe('Lena already asked Dock 3 to approve batch PO-B1: wait for its answer.');
    expect(fake.calls('fleet:requestBatch')).toEqual([{ stationName: 'Dock 3', batchName: 'PO-B1', action: 'reopen' }]);
  });

  it('shows a done answer with the time it came', async () => {
    const done: SentRequest = { seq: 2, action: 'reopen', requestedBy: 'Liam', requestedAt: today(7, 0), sent: true, outcome: 'done', reason: null, answeredAt: today(7, 5) };
    const fake = fleetFake(() => desk({ batches: [{ ...atDock3, state: 'open', request: done }] }));
    renderSignedIn(fake.api, <BatchesPage />);
    expect((await screen.findByTestId('fleet-row-Dock-3-PO-B1-request')).textContent).toBe('Dock 3 reopened it (07:05).');
  });
});

describe('where is this box, across the fleet', () => {
  it("answers from the other docks' copy when this station has no such box", async () => {
    const fake = fleetFake(() => desk());
    fake.station.overrides.set('fleet:findBox', (input) =>
      ok(input.query === '3811111111112' ? { matches: [{ pkid: '3811111111112', serial: null, manufacturer: null, model: null, stationName: 'Dock 3', batchName: 'PO-B1', operatorName: 'Olga', scannedAt: today(7, 42) }], truncated: false } : { matches: [], truncated: false }),
    );
    renderSignedIn(fake.api, <BatchesPage />);
    fireEvent.change(await screen.findByTestId('find-query'), { target: { value: '3811111111112' } });
    fireEvent.click(screen.getByTestId('find-submit'));
    expect((await screen.findByTestId('find-fleet-3811111111112')).textContent).toBe('3811111111112 at Dock 3, batch PO-B1, scanned by Olga at 07:42');
    expect(screen.getByTestId('find-results').textContent).toContain('on this station');
  });
});
