// A SecretBox for the front doors that have no Electron safeStorage (browser host, CLI): AES-256-GCM
// with a random 32-byte key that lives in the operating system's secret store:
//   - Linux: the desktop's Secret Service (GNOME Keyring, KWallet) through `secret-tool` (libsecret);
//   - macOS: the login keychain through `security`;
//   - Windows: DPAPI (CurrentUser) through Windows PowerShell's ProtectedData. DPAPI has no store of its
//     own, so the DPAPI-wrapped key sits next to the cache (<dataDir>/partner-center-token-cache.key.dpapi);
//     only the same Windows user on the same machine can unwrap it, which is what safeStorage and
//     msal-node-extensions do too.
// Each store is a small adapter over child_process, with the secret passed on stdin, never in argv.
//
// When no store exists or it fails (no D-Bus session over SSH, locked keychain, missing tool), the
// answer is `{ box: null }`: the token cache then stays in memory for this process and a lead signs in
// again after a restart. We never fall back to a key file beside the data: a key next to the lock
// protects nothing. Electron does not use this file (electron/main adapts safeStorage instead).
import { spawn } from 'node:child_process';
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, readFile } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import type { SecretBox } from './secret-box';
import { writeFileAtomic } from './token-cache';

// ---------------------------------------------------------------------------------------------------
// AES-256-GCM box. Layout: version (1 byte) | IV (12) | tag (16) | ciphertext. The version and a fixed
// label are authenticated as associated data, so a blob from another purpose or format fails to open.

const FORMAT_V1 = 0x01;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const AAD = Buffer.from('dockside/partner-center-token-cache/v1');

export class SecretBoxError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SecretBoxError';
  }
}

export function createAesGcmSecretBox(key: Buffer, kind = 'aes-256-gcm'): SecretBox {
  if (key.length !== 32) throw new SecretBoxError('An AES-256 key is exactly 32 bytes.');
  const secret = Buffer.from(key); // our own copy: the caller may zero theirs
  return {
    kind,
    async encrypt(plainText) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', secret, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(AAD);
      const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
      return Buffer.concat([Buffer.from([FORMAT_V1]), iv, cipher.getAuthTag(), body]);
    },
    async decrypt(encrypted) {
      if (encrypted.length < 1 + IV_BYTES + TAG_BYTES || encrypted[0] !== FORMAT_V1) {
        throw new SecretBoxError('Not a Dockside encrypted blob (unknown format or truncated).');
      }
      const iv = encrypted.subarray(1, 1 + IV_BYTES);
      const tag = encrypted.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
      const body = encrypted.subarray(1 + IV_BYTES + TAG_BYTES);
      try {
        const decipher = createDecipheriv('aes-256-gcm', secret, iv, { authTagLength: TAG_BYTES });
        decipher.setAAD(AAD);
        decipher.setAuthTag(tag);
        return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
      } catch (e) {
        throw new SecretBoxError('The encrypted blob does not open with this key (other key, or tampered).', { cause: e });
      }
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// Running the OS tools.

export interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a program without a shell; `input` goes to stdin. Injected in tests. */
export type CommandRunner = (command: string, args: readonly string[], input?: string) => Promise<CommandResult>;

const COMMAND_TIMEOUT_MS = 60_000; // an unlock prompt may be on screen
const MAX_OUTPUT = 64 * 1024;

export const runCommand: CommandRunner = (command, args, input) =>
  new Promise((resolve, reject) => {
    const child = spawn(command, [...args], { stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true, shell: false });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill(), COMMAND_TIMEOUT_MS);
    child.stdout.on('data', (chunk: Buffer) => {
      if (stdout.length < MAX_OUTPUT) stdout += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < MAX_OUTPUT) stderr += chunk.toString('utf8');
    });
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.on('error', () => {}); // the tool may exit before reading stdin; 'close' still reports it
    child.stdin.end(input ?? '');
  });

// ---------------------------------------------------------------------------------------------------
// Key stores.

export type KeyStoreKind = 'libsecret' | 'macos-keychain' | 'windows-dpapi';

export interface KeyStore {
  readonly kind: KeyStoreKind;
  /** The key, or null when the store definitely has none. Throws when the store cannot be asked. */
  load(): Promise<Buffer | null>;
  save(key: Buffer): Promise<void>;
}

/**
 * What a key is for: its keychain entry's service and account prefix, the label a user sees in the
 * keychain, and on Windows the DPAPI-wrapped file and its entropy. The token cache's key is the default;
 * the audit chain's key (electron/core/audit-seal) is another purpose, so neither can open the other.
 */
export interface KeyPurpose {
  readonly service: string;
  readonly accountPrefix: string;
  readonly label: string;
  readonly dpapiFile: string;
  readonly dpapiEntropy: string;
}

export const DPAPI_KEY_FILE = 'partner-center-token-cache.key.dpapi';

export const TOKEN_CACHE_KEY: KeyPurpose = {
  service: 'dockside-partner-center',
  accountPrefix: 'token-cache',
  label: 'Dockside Partner Center sign-in key',
  dpapiFile: DPAPI_KEY_FILE,
  dpapiEntropy: 'dockside/partner-center-token-cache',
};

/** One key per data folder, so a portable install or a test station never shares the desk's key. */
export function keyAccountName(dataDir: string, purpose: KeyPurpose = TOKEN_CACHE_KEY): string {
  return `${purpose.accountPrefix}-${createHash('sha256').update(dataDir).digest('hex').slice(0, 16)}`;
}

function failed(kind: KeyStoreKind, what: string, result: CommandResult): SecretBoxError {
  const detail = result.stderr.trim().split('\n')[0] ?? '';
  return new SecretBoxError(`${kind}: ${what} failed (exit ${result.code ?? 'signal'}${detail ? `: ${detail}` : ''})`);
}

function decodeKey(kind: KeyStoreKind, text: string): Buffer {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== 32) throw new SecretBoxError(`${kind}: the stored key is not 32 bytes`);
  return key;
}

/** Linux Secret Service via libsecret's `secret-tool`. `lookup` exits 1 silently when nothing matches. */
export function libsecretKeyStore(dataDir: string, run: CommandRunner = runCommand, tool = 'secret-tool', purpose: KeyPurpose = TOKEN_CACHE_KEY): KeyStore {
  const attributes = ['service', purpose.service, 'account', keyAccountName(dataDir, purpose)];
  return {
    kind: 'libsecret',
    async load() {
      const result = await run(tool, ['lookup', ...attributes]);
      if (result.code === 0 && result.stdout.trim() !== '') return decodeKey('libsecret', result.stdout);
      if ((result.code === 1 || result.code === 0) && result.stderr.trim() === '') return null;
      throw failed('libsecret', 'lookup', result);
    },
    async save(key) {
      const label = `${purpose.label} (${dataDir})`;
      const result = await run(tool, ['store', `--label=${label}`, ...attributes], key.toString('base64'));
      if (result.code !== 0) throw failed('libsecret', 'store', result);
    },
  };
}

/**
 * macOS login keychain via `security`. Reading prints the password with -w (exit 44 = not found).
 * Writing goes through `security -i`, which reads the command from stdin, so the key never appears in
 * the process list (the approach zalando/go-keyring takes).
 */
export function macosKeychainKeyStore(dataDir: string, run: CommandRunner = runCommand, tool = '/usr/bin/security', purpose: KeyPurpose = TOKEN_CACHE_KEY): KeyStore {
  const account = keyAccountName(dataDir, purpose);
  return {
    kind: 'macos-keychain',
    async load() {
      const result = await run(tool, ['find-generic-password', '-s', purpose.service, '-a', account, '-w']);
      if (result.code === 0) return decodeKey('macos-keychain', result.stdout);
      if (result.code === 44) return null;
      throw failed('macos-keychain', 'find-generic-password', result);
    },
    async save(key) {
      const command = `add-generic-password -U -s ${purpose.service} -a ${account} -l "${purpose.label}" -w ${key.toString('base64')}\n`;
      const result = await run(tool, ['-i'], command);
      if (result.code !== 0) throw failed('macos-keychain', 'add-generic-password', result);
    },
  };
}

const dpapiScript = (operation: 'Protect' | 'Unprotect', entropy: string): string =>
  [
    "$ErrorActionPreference = 'Stop'",
    'Add-Type -AssemblyName System.Security',
    '$data = [Convert]::FromBase64String([Console]::In.ReadToEnd().Trim())',
    `$entropy = [Text.Encoding]::UTF8.GetBytes('${entropy}')`,
    `$out = [Security.Cryptography.ProtectedData]::${operation}($data, $entropy, [Security.Cryptography.DataProtectionScope]::CurrentUser)`,
    '[Console]::Out.Write([Convert]::ToBase64String($out))',
  ].join('; ');

/** Windows DPAPI (CurrentUser) through Windows PowerShell; the wrapped key is a file in the data folder. */
export function windowsDpapiKeyStore(dataDir: string, run: CommandRunner = runCommand, tool = 'powershell.exe', purpose: KeyPurpose = TOKEN_CACHE_KEY): KeyStore {
  const keyFile = join(dataDir, purpose.dpapiFile);
  const powershell = async (operation: 'Protect' | 'Unprotect', input: Buffer): Promise<Buffer> => {
    const result = await run(tool, ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-Command', dpapiScript(operation, purpose.dpapiEntropy)], input.toString('base64'));
    if (result.code !== 0) throw failed('windows-dpapi', operation, result);
    return Buffer.from(result.stdout.trim(), 'base64');
  };
  return {
    kind: 'windows-dpapi',
    async load() {
      let wrapped: Buffer;
      try {
        wrapped = await readFile(keyFile);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw e;
      }
      const key = await powershell('Unprotect', wrapped);
      if (key.length !== 32) throw new SecretBoxError('windows-dpapi: the unwrapped key is not 32 bytes');
      return key;
    },
    async save(key) {
      await writeFileAtomic(keyFile, await powershell('Protect', key));
    },
  };
}

/** Finds an executable on PATH (PATHEXT on Windows), or null. */
export async function findOnPath(name: string, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): Promise<string | null> {
  const dirs = (env.PATH ?? env.Path ?? '').split(platform === 'win32' ? ';' : delimiter).filter(Boolean);
  const extensions = platform === 'win32' ? ['', ...(env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';')] : [''];
  for (const dir of dirs) {
    for (const ext of extensions) {
      const candidate = join(dir, name + ext);
      try {
        await access(candidate, platform === 'win32' ? constants.F_OK : constants.X_OK);
        return candidate;
      } catch {
        /* next */
      }
    }
  }
  return null;
}

export interface DetectOptions {
  dataDir: string;
  platform?: NodeJS.Platform;
  env?: NodeJS.ProcessEnv;
  run?: CommandRunner;
  findTool?: (name: string) => Promise<string | null>;
  /** Which key (default: the token cache's). */
  purpose?: KeyPurpose;
}

/** The store this machine offers, or null. Presence only: whether it works is found out by using it. */
export async function detectKeyStore(options: DetectOptions): Promise<KeyStore | null> {
  const platform = options.platform ?? process.platform;
  const env = options.env ?? process.env;
  const run = options.run ?? runCommand;
  const find = options.findTool ?? ((name: string) => findOnPath(name, env, platform));
  if (platform === 'linux' || platform === 'freebsd' || platform === 'openbsd') {
    const tool = await find('secret-tool');
    return tool ? libsecretKeyStore(options.dataDir, run, tool, options.purpose) : null;
  }
  if (platform === 'darwin') {
    const tool = await find('security');
    return tool ? macosKeychainKeyStore(options.dataDir, run, tool, options.purpose) : null;
  }
  if (platform === 'win32') {
    const systemRoot = env.SystemRoot ?? env.SYSTEMROOT;
    const builtIn = systemRoot ? join(systemRoot, 'System32', 'WindowsPowerShell', 'v1.0', 'powershell.exe') : null;
    const tool = (builtIn && (await access(builtIn).then(() => builtIn, () => null))) || (await find('powershell'));
    return tool ? windowsDpapiKeyStore(options.dataDir, run, tool, options.purpose) : null;
  }
  return null;
}

export type KeychainSecretBox =
  | { box: SecretBox; store: KeyStoreKind }
  | { box: null; store: 'memory'; reason: string };

export interface OpenKeychainSecretBoxOptions extends DetectOptions {
  /** Skip detection and use this store (tests, or a front door that knows better). */
  keyStore?: KeyStore | null;
}

/**
 * The box for the browser host and the CLI. Looks the key up; creates and stores one the first time
 * (then reads it back, so a store that silently drops secrets is caught); and answers
 * `{ box: null, store: 'memory' }` with the reason when no store is usable. Never throws.
 */
export async function openKeychainSecretBox(options: OpenKeychainSecretBoxOptions): Promise<KeychainSecretBox> {
  try {
    const store = options.keyStore !== undefined ? options.keyStore : await detectKeyStore(options);
    if (!store) return { box: null, store: 'memory', reason: 'no OS secret store found (secret-tool, security or Windows PowerShell)' };
    let key = await store.load();
    if (key === null) {
      const fresh = randomBytes(32);
      await store.save(fresh);
      key = await store.load();
      const kept = key !== null && key.equals(fresh);
      fresh.fill(0);
      if (!kept) throw new SecretBoxError(`${store.kind}: the key did not survive a store-and-read-back`);
    }
    if (key === null) throw new SecretBoxError(`${store.kind}: no key`);
    const box = createAesGcmSecretBox(key, store.kind);
    key.fill(0);
    return { box, store: store.kind };
  } catch (e) {
    return { box: null, store: 'memory', reason: e instanceof Error ? e.message : String(e) };
  }
}
