import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { BackupListing, BackupResult } from '../../../../../shared/contract/backup';
import type { Result } from '../../../../../shared/contract';
import type { Role } from '../../../../../shared/domain/roles';
import { setLanguage } from '../../../../../renderer/src/i18n';
import { FakeStation } from '../../helpers/fake-transport';
import { renderApp } from '../../helpers/render-app';

afterEach(() => {
  cleanup();
  setLanguage('en');
});

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 5, 7, 0);

function listing(extra: Partial<BackupListing> = {}): BackupListing {
  return {
    dir: '/data/dockside/backups',
    backups: [
      { fileName: `manual-${NOW}.sqlite`, path: `/data/dockside/backups/manual-${NOW}.sqlite`, kind: 'on-demand', bytes: 3_355_443, at: NOW },
      { fileName: `scheduled-${NOW - DAY}.sqlite`, path: `/data/dockside/backups/scheduled-${NOW - DAY}.sqlite`, kind: 'scheduled', bytes: 3_145_728, at: NOW - DAY },
      { fileName: `before-0002-${NOW - 2 * DAY}.sqlite`, path: '/data/dockside/backups/before.sqlite', kind: 'before-migration', bytes: 2048, at: NOW - 2 * DAY },
    ],
    intervalHours: 24,
    keep: 14,
    running: false,
    ...extra,
  };
}

const ok = <T,>(value: T): Result<T> => ({ ok: true, value });

/** Signs in as `role` and opens Settings → Maintenance with the keyboard (Alt+5), then its tab. */
async function openMaintenance(role: Role, station = new FakeStation(), start: Partial<BackupListing> = {}): Promise<FakeStation> {
  station.addOperator('Ada', 'admin', '246813');
  station.addOperator('Lee', 'lead', '739154');
  station.addOperator('Olga', 'operator', '602817');
  const pins: Record<Role, [string, string]> = { admin: ['Ada', '246813'], lead: ['Lee', '739154'], operator: ['Olga', '602817'] };
  const [name, pin] = pins[role];
  let current = listing(start);
  station.overrides.set('backup:list', () => ok(current));
  station.overrides.set('settings:update', (input) => {
    if (input.key === 'backup.keep' && Number(input.value) < 1) return { ok: false, error: { code: 'INVALID_INPUT', message: 'backup.keep: keep at least 1 backup.' } };
    if (input.key === 'backup.intervalHours') current = { ...current, intervalHours: Number(input.value) };
    if (input.key === 'backup.keep') current = { ...current, keep: Number(input.value) };
    return ok({});
  });
  renderApp(station);
  fireEvent.click(await screen.findByTestId(`operator-${name}`));
  for (const key of pin) fireEvent.keyDown(window, { key });
  fireEvent.keyDown(window, { key: 'Enter' });
  await screen.findByTestId('shell');
  fireEvent.keyDown(window, { key: '5', code: 'Digit5', altKey: true });
  await screen.findByTestId('settings');
  if (role !== 'operator') {
    fireEvent.click(screen.getByTestId('settings-tab-maintenance'));
    await screen.findByTestId('backups-table');
  }
  return station;
}

describe('Settings → Maintenance', () => {
  it('is there for a shift lead: backups newest first with kind, size and time, and the schedule in words', async () => {
    await openMaintenance('lead');
    const rows = screen.getAllByTestId('backup-row').map((r) => within(r).getAllByRole('cell').map((c) => c.textContent));
    // Times are the station's local time, as the clock on the wall shows it.
    const local = (at: number) => new Date(at).toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
    expect(rows).toEqual([
      [local(NOW), 'Manual', '3.2 MB', `manual-${NOW}.sqlite`],
      [local(NOW - DAY), 'Scheduled', '3.0 MB', `scheduled-${NOW - DAY}.sqlite`],
      [local(NOW - 2 * DAY), 'Before an update', '2.0 KB', `before-0002-${NOW - 2 * DAY}.sqlite`],
    ]);
    expect(rows[0]![0]).toMatch(/Dec 2026, \d\d:\d\d$/);
    expect(screen.getByTestId('backup-schedule').textContent).toBe('Every day; the newest 14 scheduled and manual backups are kept.');
    // A lead sees the schedule but does not change it.
    expect(screen.queryByTestId('backup-schedule-form')).toBeNull();
  });

  it('is not offered to an operator', async () => {
    await openMaintenance('operator');
    expect(screen.queryByTestId('settings-tab-maintenance')).toBeNull();
    expect(screen.queryByTestId('maintenance')).toBeNull();
  });

  it('"Back up now" says it is running while the station keeps working, then what was written', async () => {
    const station = new FakeStation();
    let finish: (r: Result<BackupResult>) => void = () => {};
    // The fake awaits whatever the handler returns, so a pending promise keeps the backup running.
    station.overrides.set('backup:run', () => new Promise<Result<BackupResult>>((resolve) => (finish = resolve)) as never);
    await openMaintenance('lead', station);
    fireEvent.click(screen.getByTestId('backup-now'));
    expect((await screen.findByTestId('backup-running')).textContent).toMatch(/running.*keeps working.*scans are stored/);
    expect((screen.getByTestId('backup-now') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId('backup-now').textContent).toBe('Backing up…');
    finish(ok({ path: '/data/dockside/backups/manual-1.sqlite', fileName: 'manual-1.sqlite', bytes: 1_572_864, pages: 384, tookMs: 120 }));
    expect((await screen.findByTestId('backup-done')).textContent).toBe('Backed up: manual-1.sqlite (1.5 MB) was written and checked.');
    expect(screen.queryByTestId('backup-running')).toBeNull();
    expect((screen.getByTestId('backup-now') as HTMLButtonElement).disabled).toBe(false);
  });

  it('shows how far its own backup has copied, from the backup:progress events', async () => {
    const station = new FakeStation();
    let finish: (r: Result<BackupResult>) => void = () => {};
    station.overrides.set('backup:run', () => new Promise<Result<BackupResult>>((resolve) => (finish = resolve)) as never);
    await openMaintenance('lead', station);
    fireEvent.click(screen.getByTestId('backup-now'));
    // Before the first event the bar says it is starting, with no amount.
    expect((await screen.findByTestId('backup-percent')).textContent).toBe('Backup: starting…');
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBeNull();

    act(() => station.emit('backup:progress', { running: true, kind: 'on-demand', copiedPages: 0, totalPages: 3000, outcome: null }));
    expect(screen.getByTestId('backup-percent').textContent).toBe('Manual backup: 0 % copied');
    act(() => station.emit('backup:progress', { running: true, kind: 'on-demand', copiedPages: 1280, totalPages: 3000, outcome: null }));
    expect(screen.getByTestId('backup-percent').textContent).toBe('Manual backup: 42 % copied');
    const bar = screen.getByRole('progressbar', { name: 'Manual backup progress' });
    expect([bar.getAttribute('aria-valuenow'), bar.getAttribute('aria-valuetext')]).toEqual(['42', '42 percent copied']);
    // 2,999 of 3,000 pages is not yet 100 %.
    act(() => station.emit('backup:progress', { running: true, kind: 'on-demand', copiedPages: 2999, totalPages: 3000, outcome: null }));
    expect(screen.getByTestId('backup-percent').textContent).toBe('Manual backup: 99 % copied');

    act(() => station.emit('backup:progress', { running: false, kind: 'on-demand', copiedPages: 3000, totalPages: 3000, outcome: 'ok' }));
    finish(ok({ path: '/data/dockside/backups/manual-1.sqlite', fileName: 'manual-1.sqlite', bytes: 12_288_000, pages: 3000, tookMs: 900 }));
    expect((await screen.findByTestId('backup-done')).textContent).toBe('Backed up: manual-1.sqlite (11.7 MB) was written and checked.');
    expect(screen.queryByTestId('backup-progress')).toBeNull();
    expect(screen.queryByTestId('backup-failed')).toBeNull();
  });

  it('shows a backup the schedule is taking while the screen is open, and the new copy when it ends', async () => {
    const station = new FakeStation();
    await openMaintenance('lead', station);
    expect(screen.queryByTestId('backup-progress')).toBeNull();
    act(() => station.emit('backup:progress', { running: true, kind: 'scheduled', copiedPages: 512, totalPages: 2048, outcome: null }));
    expect(screen.getByTestId('backup-percent').textContent).toBe('Scheduled backup: 25 % copied');
    expect(screen.getByTestId('backup-running').textContent).toMatch(/A backup is running/);
    expect((screen.getByTestId('backup-now') as HTMLButtonElement).disabled).toBe(true);

    const later = listing();
    later.backups.unshift({ fileName: `scheduled-${NOW + DAY}.sqlite`, path: `/data/dockside/backups/scheduled-${NOW + DAY}.sqlite`, kind: 'scheduled', bytes: 8_388_608, at: NOW + DAY });
    station.overrides.set('backup:list', () => ok(later));
    const listedBefore = station.calls.filter((c) => c.channel === 'backup:list').length;
    act(() => station.emit('backup:progress', { running: false, kind: 'scheduled', copiedPages: 2048, totalPages: 2048, outcome: 'ok' }));
    await waitFor(() => expect(screen.getAllByTestId('backup-row')).toHaveLength(4));
    expect(station.calls.filter((c) => c.channel === 'backup:list').length).toBe(listedBefore + 1);
    expect(screen.queryByTestId('backup-progress')).toBeNull();
    expect(screen.queryByTestId('backup-running')).toBeNull();
    expect((screen.getByTestId('backup-now') as HTMLButtonElement).disabled).toBe(false);
  });

  it('says when a scheduled backup failed while the screen was open', async () => {
    const station = new FakeStation();
    await openMaintenance('lead', station);
    act(() => station.emit('backup:progress', { running: true, kind: 'scheduled', copiedPages: 100, totalPages: 2048, outcome: null }));
    act(() => station.emit('backup:progress', { running: false, kind: 'scheduled', copiedPages: 100, totalPages: 2048, outcome: 'failed' }));
    expect((await screen.findByTestId('backup-failed')).textContent).toBe("The scheduled backup did not complete; the station log says why. The station's data is safe.");
    expect(screen.queryByTestId('backup-progress')).toBeNull();
  });

  it('says plainly when a backup fails', async () => {
    const station = new FakeStation();
    station.overrides.set('backup:run', () => ({ ok: false, error: { code: 'DISK_FULL', message: 'The disk is full, so no backup could be written. Free some space and try again.' } }));
    await openMaintenance('lead', station);
    fireEvent.click(screen.getByTestId('backup-now'));
    expect((await screen.findByTestId('backup-failed')).textContent).toBe('The backup did not complete: The disk is full, so no backup could be written. Free some space and try again.');
    expect(screen.queryByTestId('backup-done')).toBeNull();
  });

  it('says when a backup is already running (the schedule, or another screen), and waits for it', async () => {
    await openMaintenance('lead', new FakeStation(), { running: true });
    expect(screen.getByTestId('backup-running').textContent).toMatch(/A backup is running/);
    expect((screen.getByTestId('backup-now') as HTMLButtonElement).disabled).toBe(true);
    // Its amount is not known until its next progress event.
    expect(screen.getByTestId('backup-percent').textContent).toBe('Backup: starting…');
  });

  it('shows a backup the schedule took while the screen was open (the audit commit is the cue)', async () => {
    const station = new FakeStation();
    await openMaintenance('lead', station);
    expect(screen.getAllByTestId('backup-row')).toHaveLength(3);
    const later = listing();
    later.backups.unshift({ fileName: `scheduled-${NOW + DAY}.sqlite`, path: `/data/dockside/backups/scheduled-${NOW + DAY}.sqlite`, kind: 'scheduled', bytes: 3_400_000, at: NOW + DAY });
    station.overrides.set('backup:list', () => ok(later));
    station.emit('db:changed', { tables: ['audit'] });
    await waitFor(() => expect(screen.getAllByTestId('backup-row')).toHaveLength(4));
    expect(within(screen.getAllByTestId('backup-row')[0]!).getByText(`scheduled-${NOW + DAY}.sqlite`)).toBeTruthy();
  });

  it('lets an admin change the schedule through settings:update, showing the core refusal by its field', async () => {
    const station = await openMaintenance('admin');
    fireEvent.change(screen.getByLabelText('Hours between scheduled backups'), { target: { value: '6' } });
    fireEvent.change(screen.getByLabelText('Backups to keep'), { target: { value: '0' } });
    fireEvent.click(screen.getByTestId('schedule-save'));

    expect((await screen.findByTestId('schedule-backup.keep-error')).textContent).toBe('backup.keep: keep at least 1 backup.');
    await waitFor(() => expect(screen.getByTestId('backup-schedule').textContent).toBe('Every 6 hours; the newest 14 scheduled and manual backups are kept.'));
    expect(station.calls.filter((c) => c.channel === 'settings:update').map((c) => c.input)).toEqual([
      { key: 'backup.intervalHours', value: 6 },
      { key: 'backup.keep', value: 0 },
    ]);
  });

  it('"Create support bundle" shows the path of the zip to send', async () => {
    const station = new FakeStation();
    station.overrides.set('support:createBundle', () => ok({ path: '/data/dockside/support/dockside-support-dock-3-20261205T070000Z.zip', fileName: 'dockside-support-dock-3-20261205T070000Z.zip', bytes: 48_230, entries: ['versions.json', 'settings.json', 'verify.txt', 'database.json', 'backups.json', 'logs/dockside.log'] }));
    await openMaintenance('lead', station);
    fireEvent.click(screen.getByTestId('support-create'));
    expect((await screen.findByTestId('support-path')).textContent).toBe('/data/dockside/support/dockside-support-dock-3-20261205T070000Z.zip');
    expect(screen.getByTestId('support-done').textContent).toMatch(/ready \(47\.1 KB, 6 files\)/);

    station.overrides.set('support:createBundle', () => ({ ok: false, error: { code: 'DISK_FULL', message: 'The disk is full.' } }));
    fireEvent.click(screen.getByTestId('support-create'));
    expect((await screen.findByTestId('support-failed')).textContent).toBe('No support bundle was made: The disk is full.');
    expect(screen.queryByTestId('support-path')).toBeNull();
  });

  it('is keyboard reachable: the tab and every action are native buttons or labelled fields, none taken out of the tab order', async () => {
    await openMaintenance('admin');
    const controls = [screen.getByTestId('settings-tab-maintenance'), screen.getByTestId('backup-now'), screen.getByTestId('support-create'), screen.getByTestId('schedule-save'), screen.getByLabelText('Hours between scheduled backups'), screen.getByLabelText('Backups to keep')];
    for (const control of controls) {
      expect(['BUTTON', 'INPUT']).toContain(control.tagName);
      expect(control.getAttribute('tabindex')).toBeNull();
      control.focus();
      expect(document.activeElement).toBe(control);
    }
    // Enter on a focused native button is a click in a browser; the form submits on Enter in a field.
    expect(screen.getByTestId('schedule-save').getAttribute('type')).toBe('submit');
  });
});

describe('Settings → Maintenance in German', () => {
  it('says sizes with a decimal comma, kinds and the schedule in German, and follows a language change at once', async () => {
    await openMaintenance('lead');
    act(() => setLanguage('de'));
    const rows = screen.getAllByTestId('backup-row').map((r) => within(r).getAllByRole('cell').map((c) => c.textContent));
    expect(rows.map((r) => r.slice(1, 3))).toEqual([
      ['Manuell', '3,2 MB'],
      ['Geplant', '3,0 MB'],
      ['Vor einem Update', '2,0 KB'],
    ]);
    expect(rows[0]![0]).toBe(new Intl.DateTimeFormat('de', { dateStyle: 'medium', timeStyle: 'short' }).format(NOW));
    expect(screen.getByTestId('backup-schedule').textContent).toBe('Jeden Tag; die neuesten 14 geplanten und manuellen Sicherungen werden behalten.');
    expect(screen.getByTestId('backup-now').textContent).toBe('Jetzt sichern');
  });
});
