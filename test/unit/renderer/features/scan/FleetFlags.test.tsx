// A box accepted at this dock that the fleet hub then gives to another dock turns amber in the recent
// scans while the operator is still at the screen, with where it was first scanned.
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { LineFlagView } from '../../../../../shared/contract/fleet-desk';
import { ScanPage } from '../../../../../renderer/src/features/scan/ScanPage';
import { AppProvider } from '../../../../../renderer/src/store/provider';
import { scan, ScanFake } from './scan-fake';

afterEach(cleanup);

const PKID = '3905012345678';

describe('a line the hub gave to another dock', () => {
  it('turns amber on the scan screen once a round says so, naming the dock, batch, who and when', async () => {
    const fake = new ScanFake();
    let flags: LineFlagView[] = [];
    fake.station.overrides.set('fleet:lineFlags', () => ({ ok: true, value: flags }));
    fake.addBatch('Pallet 7');
    fake.install();
    render(
      <AppProvider api={fake.api}>
        <ScanPage />
      </AppProvider>,
    );
    fireEvent.click(await screen.findByTestId('batch-option-Pallet 7'));
    await screen.findByTestId('scan-view');
    act(() => scan(PKID));
    await waitFor(() => expect(screen.getAllByTestId('recent-scan')[0]?.dataset.verdict).toBe('accepted'));
    const line = screen.getAllByTestId('recent-scan')[0];
    expect(line?.dataset.elsewhere).toBe('false');
    const asked = fake.station.calls.filter((c) => c.channel === 'fleet:lineFlags').at(-1)?.input as { deviceIds: number[] };
    const deviceId = asked.deviceIds[0] ?? -1;
    expect(deviceId).toBeGreaterThan(0);

    const at = new Date();
    at.setHours(7, 42, 0, 0);
    flags = [{ deviceId, stationName: 'Dock 3', batchName: 'PO-B2', operatorName: 'Olga', scannedAt: at.getTime() }];
    act(() => fake.station.emit('db:changed', { tables: ['devices'] }));
    await waitFor(() => expect(screen.getAllByTestId('recent-scan')[0]?.dataset.elsewhere).toBe('true'));
    expect(screen.getAllByTestId('recent-scan')[0]?.className).toContain('recent-elsewhere');
    expect(screen.getByTestId('recent-elsewhere').textContent).toBe("Another dock's box: first scanned at Dock 3, batch PO-B2, by Olga at 07:42. Put it aside for that dock.");
  });
});
