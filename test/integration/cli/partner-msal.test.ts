// The CLI's and browser host's Microsoft sign-in, in-process: partnerSetupFrom builds MSAL from the
// station's settings (the real @azure/msal-node against the fake Entra authority on loopback, injected
// through its in-process `msal` option), the station runs partner:signIn as a device-code sign-in, and
// customers:refresh reaches the Partner Center emulator with the token the authority issued. The token
// cache is either memory only (no keychain: no file at all) or one encrypted file that a later command
// on the same data dir uses silently. A few child-process runs check the `dockside partner` wiring.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { partnerSetupFrom, type PartnerSetup, type PartnerSetupOptions } from '../../../electron/cli/partner-options';
import { silentLogger } from '../../../electron/core/log';
import { createStation, type Station } from '../../../electron/core/station';
import type { KeyStore } from '../../../electron/partner-center/keychain-secret-box';
import type { DeviceCodeMessage } from '../../../electron/partner-center/msal-types';
import { tokenCachePath } from '../../../electron/partner-center/token-cache';
import type { RunningEmulator } from '../../../electron/practice/emulator/index';
import { ALICE, startFakeAuthority, type FakeAuthority } from '../../helpers/fake-authority';
import { makeTempDir } from '../../helpers/temp-station';
import { CONTOSO, FABRIKAM, start } from '../emulator/helpers';
import { docksideEntry } from '../../helpers/dockside-entry';

const CLIENT_ID = '3f0c8a4e-9b1d-4c2e-8f7a-5d6e7f8a9b0c';
const ADMIN = { name: 'Ada Admin', pin: '482913' };
const LEAD = { name: 'Lee Lead', pin: '739154' };
const OPERATOR = { name: 'Olga Operator', pin: '602817' };

let emu: RunningEmulator;
let fake: FakeAuthority;
let dataDir: string;
let codes: DeviceCodeMessage[];
let logs: string[];
const open: Station[] = [];

beforeAll(async () => {
  emu = await start();
});
afterAll(() => emu.close());

beforeEach(async () => {
  fake = await startFakeAuthority({ clientId: CLIENT_ID });
  dataDir = makeTempDir('dockside-partner-msal-');
  codes = [];
  logs = [];
});

afterEach(async () => {
  for (const station of open.splice(0)) station.close();
  await fake.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function ok<T>(result: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** A station with an admin, a lead and an operator; `clientId` goes into Settings > Partner Center. */
async function prepareStation(clientId: string | null = CLIENT_ID): Promise<void> {
  const station = await createStation({ dataDir, pinCost: 10, logger: silentLogger });
  try {
    await ok(station.call('station:setupFirstAdmin', ADMIN));
    const admin = (await ok(station.call('session:signIn', ADMIN))).token;
    await ok(station.call('operators:add', { name: LEAD.name, role: 'lead', pin: LEAD.pin }, { sessionToken: admin }));
    await ok(station.call('operators:add', { name: OPERATOR.name, role: 'operator', pin: OPERATOR.pin }, { sessionToken: admin }));
    if (clientId) await ok(station.call('settings:update', { key: 'partnerCenter.clientId', value: clientId }, { sessionToken: admin }));
  } finally {
    station.close();
  }
}

/** What a CLI command does: the set-up from flags + settings, then the station with it. */
async function command(
  values: { 'partner-center-url'?: string; token?: string },
  options: Partial<PartnerSetupOptions> & { keyStore?: KeyStore | null } = {},
): Promise<{ station: Station; setup: PartnerSetup; as: (who: { name: string; pin: string }) => Promise<string> }> {
  const { keyStore, ...rest } = options;
  const setup = await partnerSetupFrom(values, {
    dataDir,
    env: {},
    deviceCode: (m) => {
      codes.push(m);
      fake.approveDeviceCode(m.userCode); // the lead types the code on their phone
    },
    log: (level, message) => logs.push(`${level}: ${message}`),
    msal: {
      authorityOverride: fake.msalOverride(),
      networkClient: fake.networkClient,
      // No keychain tool on an empty PATH, so the test never touches the developer's real keychain.
      keychain: keyStore === undefined ? { env: { PATH: '' } } : { keyStore },
    },
    ...rest,
  });
  const station = await createStation({ dataDir, pinCost: 10, logger: silentLogger, practiceMode: setup.practiceMode, partnerCenter: setup.config });
  open.push(station);
  const as = async (who: { name: string; pin: string }) => (await ok(station.call('session:signIn', who))).token;
  return { station, setup, as };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** No access, refresh or id token the authority issued is in any file of the data dir, in any common encoding. */
function expectNoTokenOnDisk(): void {
  const secrets = [...fake.issued.accessTokens, ...fake.issued.refreshTokens, ...fake.issued.idTokens];
  expect(secrets.length).toBeGreaterThan(0);
  for (const file of filesUnder(dataDir)) {
    const bytes = readFileSync(file);
    for (const secret of secrets) {
      for (const needle of [Buffer.from(secret, 'utf8'), Buffer.from(secret, 'utf16le'), Buffer.from(Buffer.from(secret).toString('base64'))]) {
        expect(bytes.includes(needle), `${file} holds a token`).toBe(false);
      }
    }
  }
}

/** A stand-in for the OS keychain (Secret Service / macOS keychain / DPAPI): a key kept outside the data dir. */
function memoryKeyStore(): KeyStore & { saves: number } {
  let key: Buffer | null = null;
  return {
    kind: 'libsecret',
    saves: 0,
    async load() {
      return key ? Buffer.from(key) : null;
    },
    async save(k) {
      this.saves += 1;
      key = Buffer.from(k);
    },
  };
}

describe('Microsoft sign-in for the CLI and browser host (partnerSetupFrom)', () => {
  it('no keychain: device-code sign-in through partner:signIn, a token for customers:refresh, memory only, nothing on disk', { timeout: 30_000 }, async () => {
    await prepareStation();
    const { station, setup, as } = await command({ 'partner-center-url': emu.url });

    // Built from the settings, with the cache in memory because no keychain is usable.
    expect(setup.source).toBe('settings');
    expect(setup.keychain).toMatchObject({ box: null, store: 'memory', reason: expect.stringMatching(/no OS secret store/) });
    expect(setup.configured()).toBe(true);
    expect(setup.msal?.persistence).toBe('memory');
    expect(setup.msal?.authority).toBe(fake.authority());
    expect(setup.practiceMode).toBe(true); // a loopback URL is the emulator

    const lead = await as(LEAD);
    expect(await ok(station.call('partner:status', {}, { sessionToken: lead }))).toMatchObject({ configured: true, signedIn: false, baseUrl: emu.url, practiceMode: true });
    // Not signed in yet: the refresh fails asking for a sign-in, and nothing reached the authority.
    const before = await station.call('customers:refresh', {}, { sessionToken: lead });
    expect(before.ok).toBe(false);
    expect(!before.ok && before.error.message).toMatch(/sign-in is needed/);
    expect(fake.tokenRequests).toHaveLength(0);

    // An operator may not sign the station in (the channel's permission).
    const operator = await as(OPERATOR);
    const refused = await station.call('partner:signIn', {}, { sessionToken: operator });
    expect(!refused.ok && refused.error.code).toBe('FORBIDDEN');
    expect(codes).toHaveLength(0);

    // The lead signs in with a device code: Microsoft's message is handed out, the code approved.
    expect(await ok(station.call('partner:signIn', {}, { sessionToken: lead }))).toEqual({ account: ALICE.username });
    expect(codes).toHaveLength(1);
    expect(codes[0]!.message).toMatch(new RegExp(`enter the code ${codes[0]!.userCode}`));
    expect(fake.tokenRequests.filter((r) => r.grantType.endsWith('device_code')).at(-1)?.status).toBe(200);
    expect(fake.authorizeRequests).toHaveLength(0); // no browser flow
    // Audited like the desktop app's sign-in: who signed the station in, as which Partner Center user.
    const audited = station.database.sqlite.prepare("SELECT operator_name AS who, result, object_id AS account FROM audit WHERE action = 'partner:signIn' ORDER BY id").all();
    expect(audited).toEqual([{ who: LEAD.name, result: 'ok', account: ALICE.username }]);

    // The emulator accepts the authority's App+User token (MFA, user_impersonation) and lists the customers.
    const refreshed = await ok(station.call('customers:refresh', {}, { sessionToken: lead }));
    expect(refreshed.count).toBe(2);
    const list = await ok(station.call('customers:list', {}, { sessionToken: lead }));
    expect(list.customers.map((c) => c.tenantId).sort()).toEqual([CONTOSO, FABRIKAM].sort());
    expect(await setup.msal!.getToken()).toBe(fake.issued.accessTokens[0]);

    // Memory only: no cache file, and no token anywhere in the data dir (database and WAL included).
    expect(existsSync(tokenCachePath(dataDir))).toBe(false);
    expectNoTokenOnDisk();
    expect(fake.networkLog.every((u) => u.startsWith(`https://${fake.host}/`))).toBe(true);

    // Sign-out through the channel forgets the account.
    await ok(station.call('partner:signOut', {}, { sessionToken: lead }));
    expect(await ok(station.call('partner:status', {}, { sessionToken: lead }))).toMatchObject({ signedIn: false, account: null });
  });

  it('with a keychain: the sign-in of one command is used silently by the next on the same data dir, encrypted at rest', { timeout: 30_000 }, async () => {
    await prepareStation();
    const keyStore = memoryKeyStore();

    // `dockside partner sign-in --device-code`
    const first = await command({ 'partner-center-url': emu.url }, { keyStore });
    expect(first.setup.keychain).toMatchObject({ store: 'libsecret' });
    expect(first.setup.msal?.persistence).toBe('encrypted-file');
    await ok(first.station.call('partner:signIn', {}, { sessionToken: await first.as(LEAD) }));
    first.station.close();
    open.splice(open.indexOf(first.station), 1);
    expect(keyStore.saves).toBe(1);
    const requestsAfterSignIn = fake.tokenRequests.length;

    // `dockside customers refresh`, a new process: no device code, no request to the authority.
    const next = await command({ 'partner-center-url': emu.url }, { keyStore, deviceCode: () => expect.unreachable('no second sign-in') });
    const lead = await next.as(LEAD);
    expect(await ok(next.station.call('partner:status', {}, { sessionToken: lead }))).toMatchObject({ signedIn: true, account: ALICE.username });
    expect((await ok(next.station.call('customers:refresh', {}, { sessionToken: lead }))).count).toBe(2);
    expect(fake.tokenRequests).toHaveLength(requestsAfterSignIn);
    expect(codes).toHaveLength(1);
    expect(keyStore.saves).toBe(1); // the key was found, not replaced

    // One encrypted file; no token in plain text anywhere.
    expect(statSync(tokenCachePath(dataDir)).isFile()).toBe(true);
    expectNoTokenOnDisk();
    expect(logs.filter((l) => !l.startsWith('info'))).toEqual([]);
  });

  it('--token wins over the settings (no keychain touched); a Microsoft token goes only to Microsoft or this machine', async () => {
    await prepareStation();
    const touched: string[] = [];
    const spy: KeyStore = {
      kind: 'libsecret',
      load: async () => {
        touched.push('load');
        return null;
      },
      save: async () => {
        touched.push('save');
      },
    };
    const withToken = await command({ 'partner-center-url': emu.url, token: 'emulator-app-user-token' }, { keyStore: spy });
    expect(withToken.setup).toMatchObject({ source: 'token', keychain: null, msal: null, practiceMode: true });
    expect(touched).toEqual([]);
    expect((await ok(withToken.station.call('customers:refresh', {}, { sessionToken: await withToken.as(LEAD) }))).count).toBe(2);
    expect(fake.tokenRequests).toHaveLength(0);

    const elsewhere = await command({ 'partner-center-url': 'https://partner-center.example' });
    expect(elsewhere.setup.configured()).toBe(false);
    expect(elsewhere.setup.notConfiguredMessage()).toMatch(/may only be https:\/\/api\.partnercenter\.microsoft\.com/);

    const official = await command({});
    expect(official.setup.configured()).toBe(true);
    expect(await ok(official.station.call('partner:status', {}, { sessionToken: await official.as(LEAD) }))).toMatchObject({ baseUrl: 'https://api.partnercenter.microsoft.com', practiceMode: false });
  });

  it('without a client id in the settings and without --token, Partner Center is not set up', async () => {
    await prepareStation(null);
    const bare = await command({});
    expect(bare.setup.configured()).toBe(false);
    expect(bare.setup.notConfiguredMessage()).toMatch(/dockside partner configure --client-id ID/);
    const urlOnly = await command({ 'partner-center-url': emu.url });
    expect(urlOnly.setup.notConfiguredMessage()).toMatch(/needs --token TOKEN too/);
  });
});

/** `dockside …` as a child process, with no keychain tool on its PATH. */
function dockside(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(process.execPath, [docksideEntry(), ...args], {
    env: { ...process.env, PATH: '', DOCKSIDE_PARTNER_CENTER_URL: '', DOCKSIDE_PARTNER_CENTER_TOKEN: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, out, err })));
}

describe('dockside partner', () => {
  it('configure (admin), status, and refresh/sync that ask for a sign-in first', { timeout: 60_000 }, async () => {
    await prepareStation(null);
    const admin = { DOCKSIDE_AS: ADMIN.name, DOCKSIDE_PIN: ADMIN.pin };
    const lead = { DOCKSIDE_AS: LEAD.name, DOCKSIDE_PIN: LEAD.pin };
    expect(await dockside(['partner', 'configure', '--client-id', CLIENT_ID, '--data-dir', dataDir], lead)).toMatchObject({ code: 1, err: expect.stringMatching(/FORBIDDEN/) });
    expect(await dockside(['partner', 'configure', '--client-id', CLIENT_ID, '--tenant', 'contoso-partner.example', '--data-dir', dataDir], admin)).toMatchObject({
      code: 0,
      out: expect.stringMatching(/app 3f0c8a4e.*tenant contoso-partner\.example, cloud global/),
    });
    const status = await dockside(['partner', 'status', '--json', '--data-dir', dataDir], lead);
    expect(status.code).toBe(0);
    expect(JSON.parse(status.out)).toMatchObject({ configured: true, signedIn: false, baseUrl: 'https://api.partnercenter.microsoft.com', signInKind: 'microsoft', tokenCache: 'memory', keychain: 'memory' });
    expect(await dockside(['customers', 'refresh', '--data-dir', dataDir], lead)).toMatchObject({ code: 3, err: expect.stringMatching(/No one is signed in[\s\S]*pass --device-code/) });
    expect(await dockside(['sync', '--once', '--data-dir', dataDir], lead)).toMatchObject({ code: 3, err: expect.stringMatching(/No one is signed in/) });
    expect(await dockside(['partner', 'sign-in', '--token', 'x', '--data-dir', dataDir], lead)).toMatchObject({ code: 2, err: expect.stringMatching(/needs no sign-in/) });
    expect(readdirSync(dataDir).filter((f) => f.startsWith('partner-center-token-cache'))).toEqual([]);
  });
});
