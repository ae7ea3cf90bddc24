import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { AuditViewer } from '../../../../../renderer/src/features/audit/AuditViewer';
import { ReportsPage } from '../../../../../renderer/src/pages/ReportsPage';
import { setLanguage } from '../../../../../renderer/src/i18n';
import { AT, ok, ReviewFake } from '../batches/review-fake';
import { renderSignedIn } from '../batches/render';

afterEach(() => {
  cleanup();
  setLanguage('en');
});

const entry = (id: number, action = 'review:removeDevice', result = 'ok') => ({
  id, at: AT + id, station: 'Dock 3', operatorId: 1, operatorName: 'Liam', action, objectType: 'device', objectId: String(id), result, detail: JSON.stringify({ batchId: 1, reason: 'Box damaged' }),
  // As the core words it (shared/domain/audit-words.ts).
  summary: `Liam removed PKID ${3_000_000_000_000 + id} from batch PO-4711: Box damaged`, objectName: `PKID ${3_000_000_000_000 + id}`,
});

function fake(chainOk: boolean | 'unchecked' = true): ReviewFake {
  const f = new ReviewFake();
  f.station.overrides.set('audit:list', (input) => {
    const before = typeof input.before === 'number' ? input.before : 251;
    const ids = Array.from({ length: 100 }, (_, i) => before - 1 - i).filter((id) => id >= 1);
    return ok({
      rows: ids.map((id) => entry(id, id === 249 ? 'approval:approve' : undefined, id === 249 ? 'denied' : 'ok')),
      nextBefore: (ids.at(-1) ?? 1) > 1 ? (ids.at(-1) ?? null) : null,
      chain: input.verify
        ? chainOk === 'unchecked'
          ? { ok: false, rows: 250, problem: null, rowId: null, unkeyedRows: 40, warnings: ["the station's audit key is not available here"] }
          : chainOk
            ? { ok: true, rows: 250, problem: null, rowId: null, unkeyedRows: 0, warnings: [] }
            : { ok: false, rows: 250, problem: 'the hash does not match', rowId: 17, unkeyedRows: 0, warnings: [] }
        : null,
    });
  });
  return f;
}

describe('audit viewer', () => {
  it('shows the chain verdict prominently and the newest entries, then older ones by keyset', async () => {
    const f = fake();
    renderSignedIn(f.api, <AuditViewer />);
    const chain = await screen.findByTestId('audit-chain');
    await waitFor(() => expect(chain.dataset.ok).toBe('true'));
    expect(chain.textContent).toContain('250 entries checked');
    expect(screen.getByTestId('audit-row-250').textContent).toContain('review:removeDevice');
    expect(screen.getByTestId('audit-row-250').textContent).toContain('reason: Box damaged');
    expect(screen.getByTestId('audit-row-249').textContent).toContain('denied');
    fireEvent.click(screen.getByTestId('audit-more'));
    await screen.findByTestId('audit-row-150');
    expect(f.calls('audit:list')[1]).toMatchObject({ before: 151, verify: false });
    fireEvent.click(screen.getByTestId('audit-more'));
    await screen.findByTestId('audit-row-1');
    expect(screen.queryByTestId('audit-more')).toBeNull();
  });

  it('says what happened in words with names, the object by name, and keeps the code small beside it', async () => {
    renderSignedIn(fake().api, <AuditViewer />);
    const summary = await screen.findByTestId('audit-summary-250');
    expect(summary.textContent).toBe('Liam removed PKID 3000000000250 from batch PO-4711: Box damaged' + 'review:removeDevice');
    expect(summary.querySelector('.review-sub code')?.textContent).toBe('review:removeDevice');
    const row = screen.getByTestId('audit-row-250');
    expect(within(row).getByText('PKID 3000000000250')).toBeTruthy();
    expect(row.textContent).not.toContain('device 250');
  });

  it('says loudly when the chain is broken, and where', async () => {
    renderSignedIn(fake(false).api, <AuditViewer />);
    const chain = await screen.findByTestId('audit-chain');
    await waitFor(() => expect(chain.dataset.ok).toBe('false'));
    expect(chain.getAttribute('role')).toBe('alert');
    expect(chain.textContent).toContain('entry #17');
    expect(chain.textContent).toContain('the hash does not match');
  });

  it('says what it could not check, without a green tick and without an alarm', async () => {
    renderSignedIn(fake('unchecked').api, <AuditViewer />);
    const chain = await screen.findByTestId('audit-chain');
    await waitFor(() => expect(chain.dataset.ok).toBe('unchecked'));
    expect(chain.getAttribute('role')).toBe('status');
    expect(chain.textContent).toContain("the station's audit key is not available here");
    expect(chain.textContent).toContain('first 40 entries were written before the trail was sealed');
  });

  it('filters by operator, action, batch and time, checking the chain again', async () => {
    const f = fake();
    renderSignedIn(f.api, <AuditViewer />);
    await screen.findByTestId('audit-row-250');
    await waitFor(() => expect(screen.getByTestId('audit-filter-operator').querySelectorAll('option').length).toBe(2));
    fireEvent.change(screen.getByTestId('audit-filter-operator'), { target: { value: '1' } });
    await waitFor(() => expect(f.calls('audit:list').at(-1)).toMatchObject({ operatorId: 1, verify: true }));
    fireEvent.change(screen.getByTestId('audit-filter-action'), { target: { value: 'approval:approve' } });
    await waitFor(() => expect(f.calls('audit:list').at(-1)).toMatchObject({ action: 'approval:approve' }));
    await waitFor(() => expect(screen.getByTestId('audit-filter-batch').querySelectorAll('option').length).toBe(4));
    fireEvent.change(screen.getByTestId('audit-filter-batch'), { target: { value: '1' } });
    await waitFor(() => expect(f.calls('audit:list').at(-1)).toMatchObject({ batchId: 1 }));
    fireEvent.change(screen.getByTestId('audit-filter-from'), { target: { value: '2026-11-23T08:00' } });
    await waitFor(() => expect(f.calls('audit:list').at(-1)).toMatchObject({ from: new Date('2026-11-23T08:00').getTime() }));
  });

  it('is a tab of the Reports page for leads', async () => {
    const f = fake();
    f.station.overrides.set('reports:shift', (input) => ok({ from: Number(input.from), to: Number(input.to), timeZone: 'UTC', scansPerHour: [], batchesByState: [], registeredPerDay: [], errorCodes: [] }));
    renderSignedIn(f.api, <ReportsPage />);
    await screen.findByTestId('report-no-scans');
    fireEvent.click(screen.getByTestId('reports-tab-audit'));
    await screen.findByTestId('audit-viewer');
  });
});

describe('audit viewer in other languages', () => {
  it('says the chain verdict with German digit grouping and Polish plural forms', async () => {
    const f = new ReviewFake();
    f.station.overrides.set('audit:list', () => ok({ rows: [entry(1)], nextBefore: null, chain: { ok: false, rows: 12345, problem: null, rowId: null, unkeyedRows: 22, warnings: ['no key'] } }));
    renderSignedIn(f.api, <AuditViewer />);
    const chain = await screen.findByTestId('audit-chain');
    await waitFor(() => expect(chain.dataset.ok).toBe('unchecked'));
    act(() => setLanguage('de'));
    expect(screen.getByTestId('audit-chain').textContent).toContain('Prüfprotokoll nicht vollständig geprüft (12.345 Einträge): no key.');
    act(() => setLanguage('pl'));
    expect(screen.getByTestId('audit-chain').textContent).toContain('Pierwsze 22 wpisy zapisano');
    expect(screen.getByTestId('audit-row-1').textContent).toContain('ok');
  });
});
