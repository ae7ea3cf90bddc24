import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ShiftReport } from '../../../../../shared/contract/reports';
import { ReportsPage } from '../../../../../renderer/src/pages/ReportsPage';
import { rangeFor } from '../../../../../renderer/src/features/reports/range';
import { localHour } from '../../../../../renderer/src/features/reports/range';
import { setLanguage } from '../../../../../renderer/src/i18n';
import { ok, ReviewFake } from '../batches/review-fake';
import { renderSignedIn } from '../batches/render';

afterEach(() => {
  cleanup();
  setLanguage('en');
});

function report(from: number, to: number): ShiftReport {
  const h = (n: number) => localHour(from + n * 3_600_000);
  return {
    from, to, timeZone: 'Europe/Berlin',
    scansPerHour: [
      { hour: h(0), operator: 'Olga', count: 30 },
      { hour: h(0), operator: 'Omar', count: 12 },
      { hour: h(2), operator: 'Olga', count: 25 },
    ],
    batchesByState: [{ state: 'closed', count: 2 }, { state: 'registered', count: 4 }],
    registeredPerDay: [{ day: localHour(from).slice(0, 10), count: 180 }],
    errorCodes: [{ code: '808', text: 'ZtdDeviceAssignedToOtherTenant', count: 3 }, { code: '999', text: 'Something new', count: 1 }],
  };
}

function fake(): ReviewFake {
  const f = new ReviewFake();
  f.station.overrides.set('reports:shift', (input) => ok(report(Number(input.from), Number(input.to))));
  f.station.overrides.set('audit:list', () => ok({ rows: [], nextBefore: null, chain: { ok: true, rows: 12, problem: null, rowId: null } }));
  return f;
}

describe('shift report', () => {
  it('draws scans per hour per operator as stacked bars with axes and a legend', async () => {
    const f = fake();
    renderSignedIn(f.api, <ReportsPage />);
    const chart = await screen.findByTestId('report-scans-chart');
    expect(chart.dataset.total).toBe('67');
    expect(f.calls('reports:shift')[0]).toEqual(rangeFor('shift'));
    const legend = screen.getByTestId('report-scans-chart-legend');
    expect(legend.textContent).toContain('Olga 55');
    expect(legend.textContent).toContain('Omar 12');
    expect(chart.querySelectorAll('g[data-bucket]').length).toBe(8); // every hour of the shift
    expect(chart.querySelectorAll('rect title')[0]?.textContent).toMatch(/^Olga, \d\d:00: 30 scans$/);
    expect(chart.textContent).toContain('Boxes scanned');
    expect(chart.textContent).toContain('Hour (station time)');
    expect(screen.getByTestId('report-batches-closed').textContent).toContain('Ready for review');
    expect(screen.getByTestId('report-registered-chart').dataset.total).toBe('180');
  });

  it('names error codes in plain language, and switches the range', async () => {
    const f = fake();
    renderSignedIn(f.api, <ReportsPage />);
    const e808 = await screen.findByTestId('report-error-808');
    expect(e808.textContent).toContain('ZtdDeviceAssignedToOtherTenant');
    expect(e808.textContent).toContain('registered to another organisation');
    expect(screen.getByTestId('report-error-999').textContent).toContain('Something new');
    fireEvent.click(screen.getByTestId('report-range-week'));
    await waitFor(() => expect(f.calls('reports:shift').at(-1)).toEqual(rangeFor('week')));
    // A week is drawn by day.
    await waitFor(() => expect(screen.getByTestId('report-scans-chart').querySelectorAll('g[data-bucket]').length).toBe(7));
  });

  it('explains a code by the identity its devices were sent with: 812 for a tuple is about spelling and case', async () => {
    const f = fake();
    f.station.overrides.set('reports:shift', (input) =>
      ok({
        ...report(Number(input.from), Number(input.to)),
        errorCodes: [
          { code: '812', text: 'ZtdDeviceNotFound', count: 5 },
          { code: '802', text: 'InvalidZtdHardwareHash', count: 1 },
          { code: '808', text: 'ZtdDeviceAssignedToOtherTenant', count: 2 },
        ],
        errorIdentities: [
          { code: '802', identity: 'hash', count: 1 },
          { code: '808', identity: 'pkid', count: 1 },
          { code: '808', identity: 'tuple', count: 1 },
          { code: '812', identity: 'tuple', count: 3 },
          { code: '812', identity: 'pkid', count: 2 },
        ],
      }),
    );
    renderSignedIn(f.api, <ReportsPage />);
    const e812 = (await screen.findByTestId('report-error-812')).querySelectorAll<HTMLElement>('[data-testid="report-error-explained"]');
    expect(e812).toHaveLength(2);
    expect(e812[0]?.textContent).toContain('sent by Serial + manufacturer + model (3)');
    expect(e812[0]?.textContent).toContain('matched case-sensitively');
    expect(e812[0]?.textContent).toContain('What to do: Check the spelling and case against the firmware');
    expect(e812[1]?.textContent).toContain('sent by PKID (2)');
    expect(e812[1]?.textContent).toContain('the manufacturer may not have filed it');
    const e802 = screen.getByTestId('report-error-802').querySelectorAll('[data-testid="report-error-explained"]');
    expect(e802).toHaveLength(1);
    expect(e802[0]?.textContent).not.toContain('sent by');
    expect(e802[0]?.textContent).toContain('What to do: Collect the hash again on the device with Get-WindowsAutopilotInfo');
    // 808 means the same whatever the identity: one explanation, no breakdown.
    const e808 = screen.getByTestId('report-error-808').querySelectorAll('[data-testid="report-error-explained"]');
    expect(e808).toHaveLength(1);
    expect(e808[0]?.textContent).not.toContain('sent by');
  });

  it('exports the view as CSV', async () => {
    const f = fake();
    f.station.overrides.set('reports:exportCsv', () => ok({ fileName: 'shift-report.csv', csv: 'Section\n' }));
    const create = URL.createObjectURL;
    URL.createObjectURL = () => 'blob:test';
    URL.revokeObjectURL = () => undefined;
    try {
      renderSignedIn(f.api, <ReportsPage />);
      await screen.findByTestId('report-scans-chart');
      fireEvent.click(screen.getByTestId('report-export'));
      expect((await screen.findByTestId('report-notice')).textContent).toContain('shift-report.csv');
      expect(f.calls('reports:exportCsv')[0]).toEqual(rangeFor('shift'));
    } finally {
      URL.createObjectURL = create;
    }
  });
});

describe('shift report in German', () => {
  it('says the figures with German plurals and digit grouping, and the states and ranges in German', async () => {
    const f = new ReviewFake();
    f.station.overrides.set('reports:shift', (input) => ok({ ...report(Number(input.from), Number(input.to)), registeredPerDay: [{ day: localHour(Number(input.from)).slice(0, 10), count: 1234 }] }));
    renderSignedIn(f.api, <ReportsPage />);
    await screen.findByTestId('report-scans-chart');
    act(() => setLanguage('de'));
    const chart = screen.getByTestId('report-scans-chart');
    expect(chart.querySelectorAll('rect title')[0]?.textContent).toMatch(/^Olga, \d\d:00: 30 Scans$/);
    expect(chart.textContent).toContain('Gescannte Kartons');
    expect(screen.getByTestId('report-registered-chart').querySelector('rect title')?.textContent).toMatch(/: 1\.234 Geräte$/);
    expect(screen.getByTestId('report-batches-closed').textContent).toContain('Bereit zur Prüfung');
    expect(screen.getByTestId('report-range-week').textContent).toBe('Letzte 7 Tage');
  });
});
