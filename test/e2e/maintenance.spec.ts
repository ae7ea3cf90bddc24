// Settings > Maintenance end to end, against the real browser host (which runs the backup schedule, so
// a scheduled catch-up copy may be under way when the page opens): a shift lead reaches the tab with
// the keyboard only, backs up now and sees the copy listed and on disk, watches the progress of a
// backup of a large database started elsewhere, makes a support bundle and the zip on disk holds what
// support needs; an operator is not offered the tab.
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { BackupResult } from '../../shared/contract/backup';
import { databasePath } from '../../electron/core/data-dir';
import { insertDevicesInBulk } from '../helpers/bulk-devices';
import { expect, test } from './fixtures';
import { addOperator, createFirstAdmin, expectSignedIn, openOperators, rpcFromPage, signInWithKeyboard, signInWithKeypad, signOut, tabTo } from './station-page';

const ADMIN = { name: 'Ada', pin: '246813' };
const LEAD = { name: 'Lee', pin: '739154' };
const WORKER = { name: 'Bo', pin: '975318' };
const shots = 'test-results/screenshots';
const BIG = 300_000;

/** Adds `count` devices to a batch straight into the station's database file (WAL lets the host keep it open). */
function seedDevices(dataDir: string, batchId: number, count: number): void {
  const db = new Database(databasePath(dataDir), { fileMustExist: true, timeout: 10_000 });
  try {
    insertDevicesInBulk(db, batchId, count);
  } finally {
    db.close();
  }
}

// Every text the progress line shows, recorded in the page as it renders (a string: the Node tsconfig
// has no DOM types), so the test sees the bar however briefly a fast disk lets it live.
const recordProgress = `(() => {
  const seen = [];
  window.__backupProgressSeen = seen;
  new MutationObserver(() => {
    const text = document.querySelector('[data-testid="backup-percent"]')?.textContent ?? null;
    if (text !== null && seen.at(-1) !== text) seen.push(text);
  }).observe(document.body, { subtree: true, childList: true, characterData: true });
})()`;

test('a lead backs up and makes a support bundle from Settings > Maintenance by keyboard; an operator has no Maintenance tab', async ({ page, station }) => {
  mkdirSync(shots, { recursive: true });
  await page.goto(station.url);
  await createFirstAdmin(page, ADMIN.name, ADMIN.pin);
  await signInWithKeypad(page, ADMIN.name, ADMIN.pin);
  await expectSignedIn(page, ADMIN.name, 'Station admin');
  await openOperators(page);
  await addOperator(page, LEAD.name, 'lead', LEAD.pin);
  await addOperator(page, WORKER.name, 'operator', WORKER.pin);
  await signOut(page);

  // Keyboard only from here: sign in, Alt+5 for Settings, Tab to the Maintenance tab, Enter.
  await signInWithKeyboard(page, LEAD.name, LEAD.pin);
  await expectSignedIn(page, LEAD.name, 'Shift lead');
  await page.keyboard.press('Alt+5');
  await expect(page.getByTestId('settings')).toBeVisible();
  await tabTo(page, 'settings-tab-maintenance');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('maintenance')).toBeVisible();
  await expect(page.getByTestId('settings-tab-maintenance')).toHaveAttribute('aria-pressed', 'true');
  // A lead sees the schedule but may not change it.
  await expect(page.getByTestId('backup-schedule')).toContainText('Every day');
  await expect(page.getByTestId('backup-schedule-form')).toHaveCount(0);

  // The schedule's catch-up copy, if still running, must end first: the button waits for it.
  const backUpNow = page.getByTestId('backup-now');
  await expect(backUpNow).toBeEnabled();
  await expect(backUpNow).toHaveText('Back up now');
  const rowsBefore = await page.getByTestId('backup-row').count();
  await tabTo(page, 'backup-now');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('backup-done')).toContainText(/^Backed up: manual-\d+\.sqlite \(.+\) was written and checked\.$/);
  const fileName = /manual-\d+\.sqlite/.exec((await page.getByTestId('backup-done').textContent()) ?? '')?.[0] ?? '';
  // Done: no bar left behind, the button is back, and the new copy heads the list.
  await expect(page.getByTestId('backup-progress')).toHaveCount(0);
  await expect(backUpNow).toBeEnabled();
  await expect(page.getByTestId('backup-row')).toHaveCount(rowsBefore + 1);
  await expect(page.getByTestId('backup-row').first()).toContainText(fileName);
  await expect(page.getByTestId('backup-row').first()).toContainText('Manual');
  const backupsDir = join(station.dataDir, 'backups');
  await expect(page.getByTestId('backups-table')).toContainText(backupsDir);
  const onDisk = join(backupsDir, fileName);
  expect(existsSync(onDisk), onDisk).toBe(true);
  expect(readFileSync(onDisk).subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
  expect(readdirSync(backupsDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);

  // A backup of a large database started elsewhere (another screen's call) shows its progress here
  // too, and its copy joins the list when it ends, with nothing pressed on this screen.
  const batch = await rpcFromPage<{ id: number }>(page, 'batches:create', { name: 'Big pallet' });
  seedDevices(station.dataDir, batch.id, BIG);
  await page.evaluate(recordProgress);
  const elsewhere = await rpcFromPage<BackupResult>(page, 'backup:run', {});
  await expect(page.getByTestId('backup-row').first()).toContainText(elsewhere.fileName);
  await expect(page.getByTestId('backup-progress')).toHaveCount(0);
  await expect(backUpNow).toBeEnabled();
  const seen = (await page.evaluate('window.__backupProgressSeen')) as string[];
  expect(seen.length, seen.join(' | ')).toBeGreaterThan(0);
  expect(seen.every((text) => /^Manual backup: \d+ % copied$|^Backup: starting…$/.test(text)), seen.join(' | ')).toBe(true);
  const percents = seen.map((text) => /(\d+) %/.exec(text)?.[1]).filter((p) => p !== undefined).map(Number);
  expect(percents.length, seen.join(' | ')).toBeGreaterThan(0);
  expect(percents).toEqual([...percents].sort((x, y) => x - y));
  expect(existsSync(elsewhere.path)).toBe(true);

  await tabTo(page, 'support-create');
  await page.keyboard.press('Enter');
  const pathShown = page.getByTestId('support-path');
  await expect(pathShown).toBeVisible();
  const zipPath = ((await pathShown.textContent()) ?? '').trim();
  expect(zipPath.startsWith(join(station.dataDir, 'support'))).toBe(true);
  expect(zipPath).toMatch(/\.zip$/);
  await page.screenshot({ path: `${shots}/maintenance.png`, fullPage: true });

  expect(existsSync(zipPath), zipPath).toBe(true);
  const zip = unzipSync(new Uint8Array(readFileSync(zipPath)));
  expect(Object.keys(zip)).toEqual(expect.arrayContaining(['versions.json', 'settings.json', 'verify.txt', 'database.json']));
  for (const name of ['versions.json', 'settings.json', 'database.json']) expect(() => JSON.parse(strFromU8(zip[name]!)), name).not.toThrow();
  expect(strFromU8(zip['verify.txt']!).length).toBeGreaterThan(0);
  // No PIN of anyone in the bundle's settings.
  for (const pin of [ADMIN.pin, LEAD.pin, WORKER.pin]) expect(strFromU8(zip['settings.json']!)).not.toContain(pin);
  await expect(page.getByTestId('support-done')).toContainText(`${Object.keys(zip).length} files`);
  await signOut(page);

  // An operator's Settings has no Maintenance tab, by keyboard or otherwise.
  await signInWithKeyboard(page, WORKER.name, WORKER.pin);
  await expectSignedIn(page, WORKER.name, 'Operator');
  await page.keyboard.press('Alt+5');
  await expect(page.getByTestId('change-my-pin')).toBeVisible();
  await expect(page.getByTestId('settings-tab-maintenance')).toHaveCount(0);
  await expect(page.getByTestId('maintenance')).toHaveCount(0);
  await signOut(page);
});
