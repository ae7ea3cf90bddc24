// Keyboard-wedge scanners with real-world timings, in real Chromium against the real host: a slow
// Bluetooth scanner told from a fast typist, GS sent as Ctrl+] kept inside a multi-field read, and a
// US-layout scanner on a French (AZERTY) PC learned on Settings > Scanner test.
//
// Keys go down and up on a schedule (ms from the first key), as a scanner or a person sends them. The
// station judges the gaps between the keydowns' own time stamps, which Chromium sets when the key
// arrives, so a loaded machine can stretch a gap. Each burst's keys are therefore recorded as the page
// got them, and checked against the timing the test claims BEFORE the Enter that would make it a scan:
// a burst that arrived outside it is ended with an arrow key (never a scan) and typed again. So a pass
// always means "this timing was taken (or not)", and nothing is asserted about the station's speed.
import type { CDPSession, Page } from '@playwright/test';
import { TEST_LABEL_CONTENT } from '../../shared/domain/wedge/test-label';
import { pressFor, typedOn } from '../fixtures/scanner/pc-layouts';
import { expect, test } from './fixtures';
import { createFirstAdmin, rpcFromPage, signInWithKeypad } from './station-page';

const ADMIN = { name: 'Ada', pin: '246813' };
const PKID = '3905012345678'; // fails the EAN-13 check: a PKID without question
const PKID_2 = '3905012345685';
const ATTEMPTS = 4;

interface DeviceRow {
  pkid: string | null;
  serial: string | null;
}

async function startScanning(page: Page, url: string, batchName: string): Promise<void> {
  await page.goto(url);
  await createFirstAdmin(page, ADMIN.name, ADMIN.pin);
  await signInWithKeypad(page, ADMIN.name, ADMIN.pin);
  await expect(page.getByTestId('new-batch-name')).toBeFocused();
  await page.keyboard.type(batchName);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('scan-batch-name')).toHaveText(batchName);
  await recordKeydowns(page);
}

async function storedDevices(page: Page): Promise<[string | null, string | null][]> {
  const batches = await rpcFromPage<{ id: number }[]>(page, 'batches:list', {});
  const devices = await rpcFromPage<DeviceRow[]>(page, 'scans:recent', { batchId: batches[0]?.id, limit: 20 });
  return devices.map((d) => [d.pkid, d.serial]);
}

// ---- what the page received -------------------------------------------------------------------

interface Arrival {
  key: string;
  code: string;
  t: number;
}

type PageGlobals = { __wedgeKeys: Arrival[]; addEventListener(type: string, fn: (e: Arrival & { timeStamp: number }) => void, capture: boolean): void };

/** Keeps every keydown's time stamp as the page got it (the same stamp the station's listener reads). */
async function recordKeydowns(page: Page): Promise<void> {
  await page.evaluate(() => {
    const g = globalThis as unknown as PageGlobals;
    if (Array.isArray(g.__wedgeKeys)) return;
    g.__wedgeKeys = [];
    g.addEventListener('keydown', (e) => g.__wedgeKeys.push({ key: e.key, code: e.code, t: e.timeStamp }), true);
  });
}

/** The keydowns received since the last call. */
async function arrivals(page: Page): Promise<Arrival[]> {
  return page.evaluate(() => (globalThis as unknown as PageGlobals).__wedgeKeys.splice(0));
}

/** The gaps between character keys (modifiers, Enter and the arrow key left out), as the station measures them. */
function charGaps(keys: readonly Arrival[]): number[] {
  const times = keys.filter((k) => !['Shift', 'Control', 'Enter', 'ArrowLeft'].includes(k.key)).map((k) => k.t);
  return times.slice(1).map((t, i) => Math.round((t - (times[i] ?? t)) * 10) / 10);
}

// ---- sending keys on a schedule ---------------------------------------------------------------

interface Stroke {
  /** What the key types on this PC (its `key`). */
  readonly key: string;
  /** The physical key, for strokes Playwright's US keyboard cannot make (a foreign layout). */
  readonly code?: string;
  readonly shift?: boolean;
  readonly ctrl?: boolean;
  /** ms since the previous key went down. */
  readonly gapMs: number;
  /** ms the key is held down. */
  readonly holdMs: number;
}

type Send = (stroke: Stroke, down: boolean) => Promise<void>;

/** setTimeout alone is late by several ms on a loaded machine: sleep most of the way, then spin. */
async function waitUntil(at: number): Promise<void> {
  const ahead = at - performance.now();
  if (ahead > 4) await new Promise((resolve) => setTimeout(resolve, ahead - 3));
  while (performance.now() < at) {
    // spin
  }
}

async function play(strokes: readonly Stroke[], send: Send): Promise<void> {
  let at = 0;
  const events = strokes.flatMap((stroke) => {
    at += stroke.gapMs;
    return [
      { at, down: true, stroke },
      { at: at + stroke.holdMs, down: false, stroke },
    ];
  });
  // Keys up before keys down at the same moment; otherwise in time order (a person's keys overlap).
  events.sort((a, b) => a.at - b.at || Number(a.down) - Number(b.down));
  const start = performance.now() + 20;
  for (const e of events) {
    await waitUntil(start + e.at);
    await send(e.stroke, e.down);
  }
}

/** page.keyboard, US layout: what Playwright can type itself. */
function usKeyboard(page: Page): Send {
  return async (s, down) => {
    if (down) {
      if (s.shift === true) await page.keyboard.down('Shift');
      if (s.ctrl === true) await page.keyboard.down('Control');
      await page.keyboard.down(s.key);
    } else {
      await page.keyboard.up(s.key);
      if (s.ctrl === true) await page.keyboard.up('Control');
      if (s.shift === true) await page.keyboard.up('Shift');
    }
  };
}

const VK: Readonly<Record<string, number>> = { Minus: 189, Period: 190, Slash: 191, BracketRight: 221, Enter: 13, ArrowLeft: 37, ShiftLeft: 16, ControlLeft: 17 };
const vkOf = (code: string): number => VK[code] ?? /^(?:Key|Digit)(.)$/.exec(code)?.[1]?.charCodeAt(0) ?? 0;

/**
 * The browser's own input path (what page.keyboard drives) with a chosen key AND physical key: how a
 * US-layout scanner's keys arrive on a PC set to another layout. page.keyboard always pairs a
 * character with its US key, so it cannot make that damage.
 */
function layoutKeyboard(cdp: CDPSession): Send {
  const raw = (type: 'keyDown' | 'rawKeyDown' | 'keyUp', key: string, code: string, modifiers: number, text?: string): Promise<unknown> =>
    cdp.send('Input.dispatchKeyEvent', { type, key, code, windowsVirtualKeyCode: vkOf(code), modifiers, ...(text === undefined ? {} : { text, unmodifiedText: text }) });
  return async (s, down) => {
    const code = s.code ?? s.key;
    const modifiers = (s.shift === true ? 8 : 0) | (s.ctrl === true ? 2 : 0);
    if (down) {
      if (s.shift === true) await raw('rawKeyDown', 'Shift', 'ShiftLeft', 8);
      if (s.ctrl === true) await raw('rawKeyDown', 'Control', 'ControlLeft', 2);
      // A Ctrl chord types no text (Ctrl+] is the GS control key).
      if (s.ctrl === true) await raw('rawKeyDown', s.key, code, modifiers);
      else await raw('keyDown', s.key, code, modifiers, s.key === 'Enter' ? '\r' : [...s.key].length === 1 ? s.key : undefined);
    } else {
      await raw('keyUp', s.key, code, modifiers);
      if (s.ctrl === true) await raw('keyUp', 'Control', 'ControlLeft', 0);
      if (s.shift === true) await raw('keyUp', 'Shift', 'ShiftLeft', 0);
    }
  };
}

/** Past it a burst with no Enter yet has ended (the station's silence, 150 ms), less some margin. */
const SILENCE_MARGIN_MS = 130;

/**
 * Plays `strokes`, checks how their gaps arrived with `faithful`, then ends the burst with Enter (a
 * scanner's suffix) if they arrived as intended, or with an arrow key (never a scan) to try again.
 * `needsEnter`: the burst is a scan only with its Enter (the slow path), so an Enter that came after
 * the silence had ended it is tried again too. Returns the gaps of the burst finished with Enter.
 */
async function burst(page: Page, send: Send, strokes: readonly Stroke[], faithful: (gaps: readonly number[]) => boolean, needsEnter = false): Promise<number[]> {
  const seen: string[] = [];
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    await arrivals(page);
    await play(strokes, send);
    const keys = await arrivals(page);
    const gaps = charGaps(keys);
    if (faithful(gaps)) {
      await play([{ key: 'Enter', code: 'Enter', gapMs: 0, holdMs: 3 }], send);
      const enter = (await arrivals(page)).find((k) => k.key === 'Enter');
      const last = keys[keys.length - 1];
      const late = enter === undefined || last === undefined || enter.t - last.t > SILENCE_MARGIN_MS;
      if (!needsEnter || !late) return gaps;
      seen.push(`${gaps.join(' ')}, Enter too late`);
    } else {
      seen.push(gaps.join(' '));
      await play([{ key: 'ArrowLeft', code: 'ArrowLeft', gapMs: 0, holdMs: 3 }], send);
    }
    // Past the station's silence, so the next attempt starts a burst of its own.
    await page.waitForTimeout(300);
  }
  throw new Error(`the keys never arrived with the timing under test (the machine is too loaded); gaps seen:\n${seen.join('\n')}`);
}

const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

// ---- 1. slow Bluetooth scanner vs a fast typist ---------------------------------------------

// 38–45 ms a key, one 90 ms stall mid-burst; keys released at once (a scanner's key report).
const SCANNER_GAPS = [41, 38, 44, 40, 43, 90, 39, 45, 42, 38, 44, 41];
// 40–70 ms, irregular; keys held for most of the gap, some rolled over into the next.
const TYPIST_GAPS = [52, 41, 67, 45, 70, 48, 59, 40, 63, 55, 44, 69];
const TYPIST_HOLDS = [0.7, 0.9, 1.15, 0.8, 0.75, 1.1, 0.85, 0.95, 0.7, 1.2, 0.8, 0.9, 0.75];

// Key stamps arrive with ±10 ms of jitter on a busy machine, so single gaps are held to the plan loosely
// and the claim itself (the mean pace, the one stall) exactly.

/** Each gap within 10 ms of the plan, the steady gaps' mean within 38–45 ms, the stall within 80–100 ms. */
function asSlowScanner(gaps: readonly number[]): boolean {
  if (gaps.length !== SCANNER_GAPS.length || gaps.some((g, i) => Math.abs(g - (SCANNER_GAPS[i] ?? 0)) > 10)) return false;
  const stall = gaps[SCANNER_GAPS.indexOf(90)] ?? 0;
  const m = mean(gaps.filter((_, i) => SCANNER_GAPS[i] !== 90));
  return m >= 38 && m <= 45 && stall >= 80 && stall <= 100;
}

/** A fast typist's pace (a mean of 45–65 ms) and no two keys bunched up on the way (under 28 ms). */
const asTypist = (gaps: readonly number[]): boolean => gaps.length === TYPIST_GAPS.length && gaps.every((g) => g >= 28) && mean(gaps) >= 45 && mean(gaps) <= 65;

test('a slow Bluetooth scanner (38–45 ms a key, a 90 ms stall) is a scan; a fast typist with the same digits is not', async ({ page, station }) => {
  await startScanning(page, station.url, 'Bluetooth');
  const verdict = page.getByTestId('scan-verdict');
  const send = usKeyboard(page);

  const typist = [...PKID].map((key, i) => ({ key, gapMs: i === 0 ? 0 : (TYPIST_GAPS[i - 1] ?? 0), holdMs: Math.round((TYPIST_GAPS[i] ?? 58) * (TYPIST_HOLDS[i] ?? 0.8)) }));
  const typed = await burst(page, send, typist, asTypist);
  test.info().annotations.push({ type: 'typist gaps (ms)', description: typed.join(' ') });
  // Not recorded, and said so: the digits wait in the typing field for a person to check them.
  await expect(page.getByTestId('manual-hint')).toContainText(`${PKID} was not recorded: keys pressed that slowly are not a scan`);
  await expect(page.getByTestId('manual-input')).toHaveValue(PKID);
  await expect(verdict).toHaveAttribute('data-verdict', 'idle');
  await expect(page.getByTestId('recent-empty')).toBeVisible();
  await expect(page.getByTestId('batch-count')).toHaveText('0');

  const scanner = [...PKID].map((key, i) => ({ key, gapMs: i === 0 ? 0 : (SCANNER_GAPS[i - 1] ?? 0), holdMs: 3 }));
  const scanned = await burst(page, send, scanner, asSlowScanner, true);
  test.info().annotations.push({ type: 'scanner gaps (ms)', description: scanned.join(' ') });
  await expect(verdict).toHaveAttribute('data-verdict', 'accepted');
  await expect(page.getByTestId('scan-verdict-message')).toHaveText(`PKID ${PKID} accepted.`);
  await expect(page.getByTestId('recent-scan')).toHaveCount(1);
  await expect(page.getByTestId('recent-scan').first()).toHaveAttribute('data-pkid', PKID);
  await expect(page.getByTestId('recent-scan').first()).toHaveAttribute('data-verdict', 'accepted');
  await expect(page.getByTestId('batch-count')).toHaveText('1');

  // The typist again, now that the PKID is in the batch: were it a scan, it would be a duplicate.
  const seq = await verdict.getAttribute('data-seq');
  await burst(page, send, typist, asTypist);
  await expect(page.getByTestId('manual-hint')).toContainText(`${PKID} was not recorded`);
  await expect(verdict).toHaveAttribute('data-seq', seq ?? '');
  await expect(page.getByTestId('recent-scan')).toHaveCount(1);
  expect(await storedDevices(page)).toEqual([[PKID, null]]);
});

// ---- 2. GS as Ctrl+] inside a multi-field read ----------------------------------------------

const GS = '\u001d';

/** A USB scanner on a US PC: 10–14 ms a key, GS as Ctrl+], capitals with Shift. */
function usbStrokes(payload: string): Stroke[] {
  return [...payload].map((ch, i) => ({
    key: ch === GS ? ']' : ch,
    ...(ch === GS ? { ctrl: true } : {}),
    ...(/[A-Z]/.test(ch) ? { shift: true } : {}),
    gapMs: i === 0 ? 0 : 10 + (i % 5),
    holdMs: 2,
  }));
}

/** A USB scanner's pace: no gap near a stall. */
const asUsbScanner = (length: number) => (gaps: readonly number[]): boolean => gaps.length === length - 1 && gaps.every((g) => g <= 40) && mean(gaps) <= 25;

test('GS sent as Ctrl+] stays inside the read: one scan per code, fields split right, nothing from the tail', async ({ page, station }) => {
  await startScanning(page, station.url, 'Two fields');
  const verdict = page.getByTestId('scan-verdict');
  const message = page.getByTestId('scan-verdict-message');
  const lines = page.getByTestId('recent-scan');
  const send = usKeyboard(page);

  // A 2D label: the PKID, GS, the serial behind its data identifier S.
  const twoD = `${PKID}${GS}S5CG1234XYZ`;
  await burst(page, send, usbStrokes(twoD), asUsbScanner(twoD.length));
  await expect(message).toHaveText(`PKID ${PKID} accepted with serial 5CG1234XYZ.`);
  await expect(lines).toHaveCount(1);
  await expect(lines.first()).toHaveAttribute('data-serial', '5CG1234XYZ');

  // A GS1-128 serial: AI 01 (the GTIN) GS AI 21 (the serial). Split at the GS, the tail "215CG…" would
  // be taken for a serial with its AI in it; whole, the station keeps the serial for the next PKID.
  const gs1 = `0109501101530003${GS}215CG9876ABC`;
  await burst(page, send, usbStrokes(gs1), asUsbScanner(gs1.length));
  await expect(page.getByTestId('waiting-serial')).toContainText('5CG9876ABC waiting for its PKID');
  await expect(verdict).not.toHaveAttribute('data-verdict', 'invalid');
  await expect(lines).toHaveCount(2);
  await burst(page, send, usbStrokes(PKID_2), asUsbScanner(PKID_2.length));
  await expect(message).toHaveText(`PKID ${PKID_2} accepted with serial 5CG9876ABC.`);
  await expect(page.locator('[data-testid="recent-scan"][data-verdict="invalid"]')).toHaveCount(0);
  await expect(page.getByTestId('batch-count')).toHaveText('2');
  expect(await storedDevices(page)).toEqual([
    [PKID_2, '5CG9876ABC'],
    [PKID, '5CG1234XYZ'],
  ]);
});

// ---- 3. a US scanner on an AZERTY PC, learned -------------------------------------------------

/** What a US-layout scanner sends for `payload` on a French AZERTY PC, as the learning tests build it
 * (test/unit/shared/domain/wedge/learn.test.ts through keystroke-corpus.ts): the US key for each
 * character, and what the French layout types on that key. GS as Ctrl+]. */
function azertyStrokes(payload: string, gapMs = 14): Stroke[] {
  return [...payload].map((ch, i) => {
    const timing = { gapMs: i === 0 ? 0 : gapMs + (i % 3) - 1, holdMs: 2 };
    if (ch === GS) return { key: typedOn('fr', 'BracketRight', false) ?? '$', code: 'BracketRight', ctrl: true, ...timing };
    const press = pressFor('us', ch);
    if (press === undefined) throw new Error(`no US key types ${ch}`);
    const key = typedOn('fr', press.code, press.shift) ?? ch;
    return { key, code: press.code, ...(press.shift ? { shift: true } : {}), ...timing };
  });
}

// A Dell service tag with the letters AZERTY moves (Q/A, Z/W, M) and digits: "èAW'?Zé" on that PC.
const SERIAL = '7QZ4MW2';

test('a US scanner on an AZERTY PC: a damaged serial is refused, the scanner is learned, then its serials read right', async ({ page, station }) => {
  const cdp = await page.context().newCDPSession(page);
  const send = layoutKeyboard(cdp);
  await startScanning(page, station.url, 'AZERTY');
  const verdict = page.getByTestId('scan-verdict');
  const message = page.getByTestId('scan-verdict-message');
  const typedSerial = azertyStrokes(SERIAL);
  expect(typedSerial.map((s) => s.key).join('')).toBe("èAW'?Zé");

  // Not learned yet: the damage is flagged and nothing is stored, with what a US scanner meant.
  await burst(page, send, typedSerial, asUsbScanner(SERIAL.length));
  await expect(verdict).toHaveAttribute('data-verdict', 'invalid');
  await expect(message).toContainText("the scanner's keyboard layout does not match this PC's");
  await expect(message).toContainText(`a US-layout scanner meant "${SERIAL}"`);
  await expect(page.getByTestId('waiting-serial')).toHaveCount(0);
  await expect(page.getByTestId('batch-count')).toHaveText('0');

  // Settings > Scanner test: the test label, three times.
  await page.keyboard.press('Alt+5');
  await page.getByTestId('settings-tab-scanner').click();
  await expect(page.getByTestId('test-label')).toBeVisible();
  await page.locator('body').focus();
  const label = azertyStrokes(TEST_LABEL_CONTENT);
  for (let read = 1; read <= 3; read++) {
    await burst(page, send, label, asUsbScanner(TEST_LABEL_CONTENT.length));
    await expect(page.getByTestId('learn-count')).toHaveText(`Reads of the label: ${read} of 3`);
  }
  const learned = page.getByTestId('learned-profile');
  await expect(learned).toBeVisible();
  await expect(page.getByTestId('learn-problems')).toHaveCount(0);
  await expect(learned.getByTestId('profile-terminator')).toHaveText('Enter');
  await expect(learned.getByTestId('profile-gs')).toHaveText('Ctrl+]');
  await expect(learned.getByTestId('profile-framing')).toHaveText('no prefix, no suffix, no AIM identifier');
  await expect(learned.getByTestId('profile-pace')).toContainText('ms per key');
  await page.getByTestId('keep-profile').click();
  await expect(page.getByTestId('learn-status')).toHaveText('Kept "Scanner 1". Scans from it are read with its map from now on.');
  await expect(page.getByTestId('profile-scanner-1')).toBeVisible();

  // What the station stored: the French keys mean the US characters.
  const stored = await rpcFromPage<{ 'scanner.profiles': { id: string; keymap: Record<string, string> }[] }>(page, 'settings:get', {});
  const profile = stored['scanner.profiles'][0];
  expect(stored['scanner.profiles'].map((p) => p.id)).toEqual(['scanner-1']);
  expect({ q: profile?.keymap['shift+KeyQ'], z: profile?.keymap['shift+KeyZ'], m: profile?.keymap['shift+KeyM'], seven: profile?.keymap['Digit7'] }).toEqual({ q: 'Q', z: 'Z', m: 'M', seven: '7' });

  // Back to the batch; the same serial, the same keys: now read right, and its PKID joins it.
  await page.keyboard.press('Alt+1');
  await page.getByTestId('batch-option-AZERTY').click();
  await expect(page.getByTestId('scan-batch-name')).toHaveText('AZERTY');
  await expect(page.getByTestId('scan-page')).toHaveAttribute('data-known-scanners', '1');
  await burst(page, send, typedSerial, asUsbScanner(SERIAL.length));
  await expect(page.getByTestId('waiting-serial')).toContainText(`${SERIAL} waiting for its PKID`);
  await burst(page, send, azertyStrokes(PKID), asUsbScanner(PKID.length));
  await expect(message).toHaveText(`PKID ${PKID} accepted with serial ${SERIAL}.`);
  await expect(page.getByTestId('batch-count')).toHaveText('1');
  expect(await storedDevices(page)).toEqual([[PKID, SERIAL]]);
});
