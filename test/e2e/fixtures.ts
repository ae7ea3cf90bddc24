// Each test gets its own station: a temp data dir and a real `dockside serve` (the browser host) on a
// free port with a random host token. Nothing is mocked: the page talks to the real core over HTTP.
// Every page is also watched for console errors, uncaught exceptions and CSP violations.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { startEmulator, type RunningEmulator } from '../../electron/practice/emulator';
import { docksideEntry } from '../helpers/dockside-entry';

export interface RunningStation {
  /** The link printed by dockside serve: http://127.0.0.1:<port>/?token=<T>. */
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  readonly dataDir: string;
  /** Stops the host early (to test an unreachable station); the fixture copes with it being gone. */
  stop(): Promise<void>;
}

// (Options are scalars: Playwright reads an array given to test.use() as [value, options].)
interface Options {
  /** Start the station with `--practice` (pointed at the emulator: the UI shows a banner). */
  practice: boolean;
  /** Console errors matching this are expected in this test (a stopped host, a 401). */
  allowedConsoleErrors: RegExp | null;
}

interface Fixtures {
  station: RunningStation;
  pageProblems: string[];
}

const repoRoot = resolve(import.meta.dirname, '..', '..');
const READY = /Dockside is ready at (\S+)/;
const START_TIMEOUT_MS = 30_000;

function waitForReady(child: ChildProcess, output: () => string): Promise<string> {
  return new Promise((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`dockside serve did not get ready in ${START_TIMEOUT_MS} ms:\n${output()}`)), START_TIMEOUT_MS);
    child.stdout?.on('data', () => {
      const match = READY.exec(output());
      if (match?.[1]) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`dockside serve exited (${code ?? signal}) before it was ready:\n${output()}`));
    });
  });
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

/** The real `dockside serve` on a free port with a fresh data folder; extra CLI arguments pass through. */
export async function startStation(serveArgs: string[]): Promise<{ station: RunningStation; child: ChildProcess }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'dockside-e2e-'));
  // Hex, not base64url: a token starting with '-' would read as an option on the command line.
  const token = randomBytes(18).toString('hex');
  const child = spawn(process.execPath, [docksideEntry(), 'serve', '--data-dir', dataDir, '--port', '0', '--host-token', token, ...serveArgs], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  try {
    const url = await waitForReady(child, () => output);
    const station: RunningStation = { url, origin: new URL(url).origin, token, dataDir, stop: () => stopProcess(child) };
    return { station, child };
  } catch (err) {
    await stopProcess(child);
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
}

const cspReporter = `document.addEventListener('securitypolicyviolation', (e) => console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));`;

function watchPage(page: Page, problems: string[]): void {
  page.on('console', (message) => {
    if (message.type() === 'error' || (message.type() === 'warning' && /Content.Security.Policy/i.test(message.text()))) {
      problems.push(`console ${message.type()}: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
}

export const test = base.extend<Fixtures & Options>({
  practice: [false, { option: true }],
  allowedConsoleErrors: [null, { option: true }],

  station: async ({ practice }, use) => {
    const { station, child } = await startStation(practice ? ['--practice'] : []);
    try {
      await use(station);
    } finally {
      await stopProcess(child);
      rmSync(station.dataDir, { recursive: true, force: true });
    }
  },

  pageProblems: [
    // Depends on station so the host outlives the check: stopping it first would cut the event
    // stream and make the browser log that.
    async ({ page, allowedConsoleErrors, station }, use) => {
      void station;
      const problems: string[] = [];
      watchPage(page, problems);
      // CSP violations are also caught at the source, in case a browser stops logging them.
      // (A string, not a function: the Node tsconfig has no DOM types.)
      await page.addInitScript({ content: cspReporter });
      await use(problems);
      const unexpected = problems.filter((p) => !allowedConsoleErrors?.test(p));
      expect(unexpected, 'the page logged errors or CSP violations').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/**
 * The same, with the Partner Center emulator (demo seed) started first and the station pointed at it
 * with the emulator's static token (practice mode). `emu.close()` may be called early (offline tests).
 */
export const emulatorTest = test.extend<{ emu: RunningEmulator }>({
  // eslint-disable-next-line no-empty-pattern
  emu: async ({}, use) => {
    const emu = await startEmulator({ port: 0, seedFile: join(repoRoot, 'electron/practice/emulator/seeds/demo.json') });
    let closed = false;
    const close = async (): Promise<void> => {
      if (closed) return;
      closed = true;
      await emu.close();
    };
    await use({ ...emu, close });
    await close();
  },
  station: async ({ emu }, use) => {
    const { station } = await startStation(['--partner-center-url', emu.url, '--token', 'emulator-app-user-token']);
    try {
      await use(station);
    } finally {
      await station.stop();
      rmSync(station.dataDir, { recursive: true, force: true });
    }
  },
});
