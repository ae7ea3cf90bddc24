// Issue 7's attack: "no secret or token readable in plain text anywhere in the data folder after a
// sign-in". A real station with operators and PINs (one mistyped), a Microsoft sign-in through the
// real msal-node against the fake Entra authority (its token cache encrypted with a key kept in a
// stand-in for the OS keychain, exactly as the CLI and browser host do), a customer refresh that sends
// the access token to the Partner Center emulator, scans, a backup and a support bundle, logging to
// the data folder. Then every file under the data folder is read as bytes (the database and its WAL
// while the station is open, and again after it closed; logs; backups; the token cache; the bundle
// and every entry inside it) and searched for each secret in UTF-8, UTF-16 and base64.
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { partnerSetupFrom } from '../../../electron/cli/partner-options';
import { createFileLogger } from '../../../electron/core/log';
import { createStation, type Station } from '../../../electron/core/station';
import type { KeyStore } from '../../../electron/partner-center/keychain-secret-box';
import { tokenCachePath } from '../../../electron/partner-center/token-cache';
import type { RunningEmulator } from '../../../electron/practice/emulator/index';
import { ALICE, startFakeAuthority, type FakeAuthority } from '../../helpers/fake-authority';
import { makeTempDir } from '../../helpers/temp-station';
import { start } from '../emulator/helpers';

const CLIENT_ID = '3f0c8a4e-9b1d-4c2e-8f7a-5d6e7f8a9b0c';
// Twelve digits: long enough that no timestamp, hash or page of the database holds them by chance.
const ADMIN = { name: 'Ada Admin', pin: '908172635401' };
const LEAD = { name: 'Lee Lead', pin: '517293840618' };
const OPERATOR = { name: 'Olga Operator', pin: '730618294057' };
const MISTYPED_PIN = '846102937516';

let emu: RunningEmulator;
let fake: FakeAuthority;
let dataDir: string;
let keychainKey: Buffer | null = null;

/** The OS keychain's stand-in: the key lives here, outside the data folder. */
const keyStore: KeyStore = {
  kind: 'libsecret',
  load: async () => (keychainKey ? Buffer.from(keychainKey) : null),
  save: async (key) => {
    keychainKey = Buffer.from(key);
  },
};

beforeAll(async () => {
  emu = await start();
  fake = await startFakeAuthority({ clientId: CLIENT_ID });
  dataDir = makeTempDir('dockside-secrets-');
});

afterAll(async () => {
  await fake.close();
  await emu.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function value<T>(result: Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Every file's bytes, and each zip's entries as files of their own. */
function everythingOnDisk(): { name: string; bytes: Buffer }[] {
  return filesUnder(dataDir).flatMap((path) => {
    const bytes = readFileSync(path);
    const name = relative(dataDir, path);
    if (!path.endsWith('.zip')) return [{ name, bytes }];
    return [{ name, bytes }, ...Object.entries(unzipSync(bytes)).map(([entry, data]) => ({ name: `${name}!${entry}`, bytes: Buffer.from(data) }))];
  });
}

function encodings(secret: string | Buffer): Buffer[] {
  const raw = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : secret;
  const text = raw.toString('latin1');
  return [raw, Buffer.from(text, 'utf16le'), Buffer.from(raw.toString('base64').replace(/=+$/, '')), Buffer.from(raw.toString('base64url')), Buffer.from(raw.toString('hex'))];
}

function expectNoSecretOnDisk(secrets: Record<string, string | Buffer>): string[] {
  const seen = everythingOnDisk();
  for (const { name, bytes } of seen) {
    for (const [what, secret] of Object.entries(secrets)) {
      for (const needle of encodings(secret)) expect(bytes.includes(needle), `${name} holds ${what}`).toBe(false);
    }
  }
  return seen.map((f) => f.name);
}

it('no PIN, session token, Microsoft token or keychain key is readable anywhere in the data folder', { timeout: 60_000 }, async () => {
  // Set-up, as `dockside init` / the first-run screen and Settings would do it.
  const first = await createStation({ dataDir, pinCost: 10, logger: createFileLogger({ dataDir }) });
  await value(first.call('station:setupFirstAdmin', ADMIN));
  const admin = (await value(first.call('session:signIn', ADMIN))).token;
  await value(first.call('operators:add', { name: LEAD.name, role: 'lead', pin: LEAD.pin }, { sessionToken: admin }));
  await value(first.call('operators:add', { name: OPERATOR.name, role: 'operator', pin: OPERATOR.pin }, { sessionToken: admin }));
  await value(first.call('settings:update', { key: 'partnerCenter.clientId', value: CLIENT_ID }, { sessionToken: admin }));
  first.close();

  // The browser host's set-up: MSAL from the settings, its cache encrypted with the keychain's key.
  const setup = await partnerSetupFrom(
    { 'partner-center-url': emu.url },
    {
      dataDir,
      env: {},
      deviceCode: (m) => fake.approveDeviceCode(m.userCode),
      msal: { authorityOverride: fake.msalOverride(), networkClient: fake.networkClient, keychain: { keyStore } },
    },
  );
  const station: Station = await createStation({ dataDir, pinCost: 10, logger: createFileLogger({ dataDir }), practiceMode: setup.practiceMode, partnerCenter: setup.config });
  let closed = false;
  try {
    expect(setup.msal?.persistence).toBe('encrypted-file');
    const wrong = await station.call('session:signIn', { name: OPERATOR.name, pin: MISTYPED_PIN });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'BAD_CREDENTIALS' } });
    const lead = (await value(station.call('session:signIn', LEAD))).token;
    const operator = (await value(station.call('session:signIn', OPERATOR))).token;
    expect(await value(station.call('partner:signIn', {}, { sessionToken: lead }))).toEqual({ account: ALICE.username });
    expect((await value(station.call('customers:refresh', {}, { sessionToken: lead }))).count).toBe(2);

    const batch = await value(station.call('batches:create', { name: 'PO-4711' }, { sessionToken: operator }));
    for (let i = 0; i < 5; i += 1) {
      await value(station.call('scans:record', { batchId: batch.id, raw: String(3_800_000_000_000 + i * 10 + 1), source: 'wedge', confirmPkid: true }, { sessionToken: operator }));
    }
    await value(station.call('backup:run', {}, { sessionToken: lead }));
    const bundle = await value(station.call('support:createBundle', {}, { sessionToken: lead }));

    const tokens = { ...fake.issued };
    expect(tokens.accessTokens.length).toBeGreaterThan(0);
    expect(tokens.refreshTokens.length).toBeGreaterThan(0);
    expect(keychainKey).not.toBeNull();
    const secrets: Record<string, string | Buffer> = {
      'the admin PIN': ADMIN.pin,
      'the lead PIN': LEAD.pin,
      'the operator PIN': OPERATOR.pin,
      'a mistyped PIN': MISTYPED_PIN,
      'the admin session token': admin,
      'the lead session token': lead,
      'the operator session token': operator,
      'the keychain key': keychainKey!,
      ...Object.fromEntries(tokens.accessTokens.map((tok, i) => [`access token ${i}`, tok])),
      ...Object.fromEntries(tokens.refreshTokens.map((tok, i) => [`refresh token ${i}`, tok])),
      ...Object.fromEntries(tokens.idTokens.map((tok, i) => [`id token ${i}`, tok])),
    };

    // While the station is open: the database, its WAL and shared memory are all there.
    const whileOpen = expectNoSecretOnDisk(secrets);
    expect(whileOpen).toEqual(expect.arrayContaining(['dockside.sqlite', 'dockside.sqlite-wal', join('logs', 'dockside.log'), relative(dataDir, bundle.path), `${relative(dataDir, bundle.path)}!logs/dockside.log`, 'partner-center-token-cache.bin']));
    expect(whileOpen.some((name) => name.startsWith(`backups${'/'}`) || name.startsWith('backups\\'))).toBe(true);

    station.close();
    closed = true;
    // After closing (the WAL checkpointed into the database file), and the token cache is really there, encrypted.
    expect(statSync(tokenCachePath(dataDir)).size).toBeGreaterThan(0);
    expectNoSecretOnDisk(secrets);
    // A random value of the same shape would be found: the search itself works.
    const probe = `probe-${randomBytes(8).toString('hex')}`;
    station.logger.info('probe line', { note: probe });
    expect(() => expectNoSecretOnDisk({ probe })).toThrow(/logs\/dockside\.log holds probe|logs\\dockside\.log holds probe/);
    expect(existsSync(join(dataDir, 'logs', 'dockside.log'))).toBe(true);
  } finally {
    if (!closed) station.close();
  }
});
