import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createAesGcmSecretBox,
  detectKeyStore,
  DPAPI_KEY_FILE,
  keyAccountName,
  libsecretKeyStore,
  macosKeychainKeyStore,
  openKeychainSecretBox,
  SecretBoxError,
  windowsDpapiKeyStore,
  type CommandResult,
  type CommandRunner,
  type KeyStore,
} from '../../../../electron/partner-center/keychain-secret-box';
import { makeTempDir } from '../../../helpers/temp-station';

interface Call {
  command: string;
  args: readonly string[];
  input: string | undefined;
}

function fakeRunner(answer: (call: Call) => Partial<CommandResult>): CommandRunner & { calls: Call[] } {
  const calls: Call[] = [];
  const run = async (command: string, args: readonly string[], input?: string) => {
    const call = { command, args, input };
    calls.push(call);
    return { code: 0, stdout: '', stderr: '', ...answer(call) };
  };
  return Object.assign(run, { calls });
}

function memoryStore(kind: KeyStore['kind'] = 'libsecret'): KeyStore & { key: Buffer | null; saves: number } {
  const store = {
    kind,
    key: null as Buffer | null,
    saves: 0,
    load: async () => (store.key ? Buffer.from(store.key) : null),
    save: async (key: Buffer) => {
      store.saves++;
      store.key = Buffer.from(key);
    },
  };
  return store;
}

let dataDir: string;
beforeEach(() => {
  dataDir = makeTempDir('dockside-keys-');
});
afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

describe('AES-256-GCM SecretBox', () => {
  const key = randomBytes(32);

  it('round-trips text, with a fresh IV every time', async () => {
    const box = createAesGcmSecretBox(key);
    const text = JSON.stringify({ RefreshToken: { secret: '0.AXo-ünïcødé-🔑' } });
    const a = await box.encrypt(text);
    const b = await box.encrypt(text);
    expect(a.equals(b)).toBe(false);
    expect(a.includes(Buffer.from('RefreshToken'))).toBe(false);
    expect(await box.decrypt(a)).toBe(text);
    expect(await box.decrypt(b)).toBe(text);
  });

  it('refuses another key, a flipped bit, a truncated blob and an unknown format', async () => {
    const box = createAesGcmSecretBox(key);
    const blob = await box.encrypt('secret');
    await expect(createAesGcmSecretBox(randomBytes(32)).decrypt(blob)).rejects.toBeInstanceOf(SecretBoxError);
    for (const index of [0, 5, 20, blob.length - 1]) {
      const tampered = Buffer.from(blob);
      tampered[index]! ^= 0x01;
      await expect(box.decrypt(tampered)).rejects.toBeInstanceOf(SecretBoxError);
    }
    await expect(box.decrypt(blob.subarray(0, 20))).rejects.toBeInstanceOf(SecretBoxError);
    await expect(box.decrypt(Buffer.alloc(0))).rejects.toBeInstanceOf(SecretBoxError);
  });

  it('needs a 32-byte key and keeps its own copy of it', async () => {
    expect(() => createAesGcmSecretBox(randomBytes(31))).toThrow(SecretBoxError);
    const mine = randomBytes(32);
    const box = createAesGcmSecretBox(mine);
    const blob = await box.encrypt('still works');
    mine.fill(0);
    expect(await box.decrypt(blob)).toBe('still works');
  });
});

describe('libsecret (secret-tool)', () => {
  it('looks the key up by service and per-data-dir account; exit 1 with no message = none stored', async () => {
    const run = fakeRunner(() => ({ code: 1 }));
    expect(await libsecretKeyStore(dataDir, run).load()).toBeNull();
    expect(run.calls[0]!.args).toEqual(['lookup', 'service', 'dockside-partner-center', 'account', keyAccountName(dataDir)]);
  });

  it('an error from the secret service is a failure, not "no key"', async () => {
    const run = fakeRunner(() => ({ code: 1, stderr: 'secret-tool: Cannot autolaunch D-Bus without X11 $DISPLAY\n' }));
    await expect(libsecretKeyStore(dataDir, run).load()).rejects.toThrow(/D-Bus/);
  });

  it('stores the key through stdin, never on the command line', async () => {
    const key = randomBytes(32);
    const run = fakeRunner(() => ({ code: 0 }));
    await libsecretKeyStore(dataDir, run).save(key);
    const call = run.calls[0]!;
    expect(call.args[0]).toBe('store');
    expect(call.input).toBe(key.toString('base64'));
    expect(call.args.join(' ')).not.toContain(key.toString('base64'));
    const load = fakeRunner(() => ({ code: 0, stdout: key.toString('base64') }));
    expect((await libsecretKeyStore(dataDir, load).load())?.equals(key)).toBe(true);
  });

  it('different data dirs get different keys', () => {
    expect(keyAccountName('/a')).not.toBe(keyAccountName('/b'));
  });
});

describe('macOS keychain (security)', () => {
  it('exit 44 means no item; the key is written through `security -i` on stdin', async () => {
    const key = randomBytes(32);
    const run = fakeRunner((call) => (call.args[0] === 'find-generic-password' ? { code: 44, stderr: 'The specified item could not be found in the keychain.' } : { code: 0 }));
    const store = macosKeychainKeyStore(dataDir, run);
    expect(await store.load()).toBeNull();
    await store.save(key);
    const save = run.calls[1]!;
    expect(save.args).toEqual(['-i']);
    expect(save.input).toContain(`add-generic-password -U -s dockside-partner-center -a ${keyAccountName(dataDir)}`);
    expect(save.input).toContain(key.toString('base64'));
  });

  it('other failures (locked keychain, denied) throw', async () => {
    const run = fakeRunner(() => ({ code: 51, stderr: 'User interaction is not allowed.' }));
    await expect(macosKeychainKeyStore(dataDir, run).load()).rejects.toThrow(/interaction/);
  });
});

describe('Windows DPAPI (PowerShell ProtectedData)', () => {
  // Stands in for DPAPI: "protects" by reversing the bytes behind a marker.
  const dpapi = fakeRunner((call) => {
    const data = Buffer.from((call.input ?? '').trim(), 'base64');
    const script = call.args.at(-1) ?? '';
    if (script.includes('::Protect(')) return { stdout: Buffer.concat([Buffer.from('DPAPI'), Buffer.from(data).reverse()]).toString('base64') };
    if (!data.subarray(0, 5).equals(Buffer.from('DPAPI'))) return { code: 1, stderr: 'Key not valid for use in specified state.' };
    return { stdout: Buffer.from(data.subarray(5)).reverse().toString('base64') };
  });

  it('keeps only the DPAPI-wrapped key on disk and unwraps it again', async () => {
    const key = randomBytes(32);
    const store = windowsDpapiKeyStore(dataDir, dpapi, 'powershell.exe');
    expect(await store.load()).toBeNull();
    await store.save(key);
    const onDisk = readFileSync(join(dataDir, DPAPI_KEY_FILE));
    expect(onDisk.includes(key)).toBe(false);
    expect((await store.load())?.equals(key)).toBe(true);
    const call = dpapi.calls.at(-1)!;
    expect(call.args).toContain('-NonInteractive');
    expect(call.args.join(' ')).toContain('DataProtectionScope]::CurrentUser');
    expect(call.args.join(' ')).not.toContain(key.toString('base64'));
  });

  it('a blob DPAPI will not open (other user, other machine) is a failure', async () => {
    const store = windowsDpapiKeyStore(dataDir, dpapi);
    await store.save(randomBytes(32));
    const otherUser = fakeRunner(() => ({ code: 1, stderr: 'Key not valid for use in specified state.' }));
    await expect(windowsDpapiKeyStore(dataDir, otherUser).load()).rejects.toThrow(/Key not valid/);
  });
});

describe('detectKeyStore', () => {
  it('uses what the platform offers, and nothing when the tool is missing', async () => {
    const found = async (name: string) => `/usr/bin/${name}`;
    const missing = async () => null;
    expect((await detectKeyStore({ dataDir, platform: 'linux', findTool: found }))?.kind).toBe('libsecret');
    expect(await detectKeyStore({ dataDir, platform: 'linux', findTool: missing })).toBeNull();
    expect((await detectKeyStore({ dataDir, platform: 'darwin', findTool: found }))?.kind).toBe('macos-keychain');
    expect((await detectKeyStore({ dataDir, platform: 'win32', env: {}, findTool: found }))?.kind).toBe('windows-dpapi');
    expect(await detectKeyStore({ dataDir, platform: 'win32', env: {}, findTool: missing })).toBeNull();
    expect(await detectKeyStore({ dataDir, platform: 'aix', findTool: found })).toBeNull();
  });
});

describe('openKeychainSecretBox', () => {
  it('creates a key the first time and finds the same key afterwards', async () => {
    const store = memoryStore();
    const first = await openKeychainSecretBox({ dataDir, keyStore: store });
    expect(first.store).toBe('libsecret');
    const blob = await first.box!.encrypt('cache');
    const second = await openKeychainSecretBox({ dataDir, keyStore: store });
    expect(await second.box!.decrypt(blob)).toBe('cache');
    expect(store.saves).toBe(1);
  });

  it('falls back to memory only (box: null) when there is no store, it fails, or it drops the key', async () => {
    expect(await openKeychainSecretBox({ dataDir, keyStore: null })).toMatchObject({ box: null, store: 'memory' });

    const failing: KeyStore = { kind: 'libsecret', load: async () => Promise.reject(new Error('no D-Bus session')), save: async () => {} };
    expect(await openKeychainSecretBox({ dataDir, keyStore: failing })).toEqual({ box: null, store: 'memory', reason: 'no D-Bus session' });

    const forgetful: KeyStore = { kind: 'macos-keychain', load: async () => null, save: async () => {} };
    const result = await openKeychainSecretBox({ dataDir, keyStore: forgetful });
    expect(result.box).toBeNull();
    expect(result.store === 'memory' && result.reason).toMatch(/store-and-read-back/);
  });

  it('never writes a key file of its own on Linux or macOS', async () => {
    await openKeychainSecretBox({ dataDir, keyStore: memoryStore('macos-keychain') });
    await openKeychainSecretBox({ dataDir, platform: 'linux', findTool: async () => null });
    expect(await import('node:fs').then((fs) => fs.readdirSync(dataDir))).toEqual([]);
  });

  it('on this machine (no keychain tool here) answers memory only without throwing', async () => {
    const result = await openKeychainSecretBox({ dataDir, env: { PATH: '' } });
    if (process.platform === 'linux') expect(result).toMatchObject({ box: null, store: 'memory' });
    else expect(['memory', 'macos-keychain', 'windows-dpapi']).toContain(result.store);
  });
});
