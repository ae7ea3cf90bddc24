// MSAL's token cache at rest: one encrypted blob, <dataDir>/partner-center-token-cache.bin, never plain
// text. MSAL calls beforeCacheAccess before it reads its in-memory cache and afterCacheAccess after it
// may have changed it. msal-node rebuilds its in-memory cache from the last deserialize() before every
// silent lookup (TokenCache.overwriteCache), so beforeCacheAccess always deserializes: the blob from
// disk when the file changed since we last saw it (another front door on the same data dir signed in
// or out), otherwise the text we last read or wrote (no disk read, no decryption).
//
// Between before and after the plugin holds an in-process lock (what msal-node-extensions does with a
// file lock), so one operation cannot reload the cache under another's unsaved changes.
//
// Writes are temp file + fsync + rename (+ fsync of the folder on POSIX), so a crash leaves either the
// old blob or the new one, never a torn file. There is no cross-process lock: two front doors writing
// at the same moment means last writer wins, which at worst costs one extra sign-in.
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ICachePlugin } from '@azure/msal-node';
import type { SecretBox } from './secret-box';

export const TOKEN_CACHE_FILE = 'partner-center-token-cache.bin';

export function tokenCachePath(dataDir: string): string {
  return join(dataDir, TOKEN_CACHE_FILE);
}

/** The blob exists but cannot be opened (key lost or rotated, file damaged): a sign-in is needed. */
export class TokenCacheUnreadableError extends Error {
  constructor(readonly path: string, cause: unknown) {
    super(`The saved Partner Center sign-in (${path}) cannot be read; a new sign-in will replace it.`, { cause });
    this.name = 'TokenCacheUnreadableError';
  }
}

export class TokenCacheWriteError extends Error {
  constructor(readonly path: string, cause: unknown) {
    super(`The Partner Center sign-in could not be saved (${path}); it lasts until the app closes.`, { cause });
    this.name = 'TokenCacheWriteError';
  }
}

export interface EncryptedCachePluginOptions {
  dataDir: string;
  secretBox: SecretBox;
  /**
   * Problems that must not break a sign-in (unreadable blob, failed write) are reported here and the
   * in-memory cache carries on. Tokens never appear in these errors.
   */
  onError?: (error: TokenCacheUnreadableError | TokenCacheWriteError) => void;
}

export interface EncryptedCachePlugin extends ICachePlugin {
  readonly path: string;
  /** Resolves when every write started so far has reached the disk (tests, orderly shutdown). */
  flushed(): Promise<void>;
  /** Runs `fn` while no MSAL cache access is under way (for clearing MSAL's in-memory cache safely). */
  runExclusive<T>(fn: () => T | Promise<T>): Promise<T>;
}

interface FileIdentity {
  ino: number;
  size: number;
  mtimeMs: number;
}

const sameFile = (a: FileIdentity | null, b: FileIdentity | null): boolean =>
  a !== null && b !== null && a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs;

async function identity(path: string): Promise<FileIdentity | null> {
  try {
    const s = await stat(path);
    return { ino: s.ino, size: s.size, mtimeMs: s.mtimeMs };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

/** After this long a lock holder is presumed lost (MSAL always pairs before/after; this is a backstop). */
const LOCK_BACKSTOP_MS = 10_000;

export function createEncryptedCachePlugin(options: EncryptedCachePluginOptions): EncryptedCachePlugin {
  const path = tokenCachePath(options.dataDir);
  const report = options.onError ?? (() => {});
  // The file as we last read or wrote it, and the cache text it holds (or that we failed to write).
  let seen: FileIdentity | null = null;
  let text: string | null = null;
  let writes: Promise<void> = Promise.resolve();
  let lockTail: Promise<void> = Promise.resolve();
  const holders = new Map<object, () => void>();

  async function lock(holder: object): Promise<void> {
    const previous = lockTail;
    let release!: () => void;
    lockTail = new Promise<void>((resolve) => {
      release = resolve;
    });
    holders.set(holder, release);
    let backstop: NodeJS.Timeout | undefined;
    await Promise.race([previous, new Promise<void>((resolve) => (backstop = setTimeout(resolve, LOCK_BACKSTOP_MS).unref()))]);
    clearTimeout(backstop);
  }

  function unlock(holder: object): void {
    holders.get(holder)?.();
    holders.delete(holder);
  }

  async function refreshFromDisk(): Promise<void> {
    let current: FileIdentity | null;
    try {
      current = await identity(path);
    } catch (e) {
      report(new TokenCacheUnreadableError(path, e));
      return;
    }
    if (current === null) {
      // The blob vanished after we had seen one (wiped by hand, or by another front door): forget it too.
      if (seen !== null) text = JSON.stringify({});
      seen = null;
      return;
    }
    if (sameFile(seen, current)) return;
    seen = current;
    try {
      const loaded = await options.secretBox.decrypt(await readFile(path));
      JSON.parse(loaded);
      text = loaded;
    } catch (e) {
      report(new TokenCacheUnreadableError(path, e));
    }
  }

  async function save(serialized: string): Promise<void> {
    try {
      const blob = await options.secretBox.encrypt(serialized);
      await mkdir(options.dataDir, { recursive: true, mode: 0o700 });
      await writeFileAtomic(path, blob);
      seen = await identity(path);
    } catch (e) {
      report(new TokenCacheWriteError(path, e));
    }
  }

  return {
    path,
    async beforeCacheAccess(context) {
      await lock(context);
      await refreshFromDisk();
      if (text !== null) context.tokenCache.deserialize(text);
    },
    async afterCacheAccess(context) {
      try {
        if (!context.cacheHasChanged) return;
        const serialized = context.tokenCache.serialize();
        // Kept even if the write fails, so the sign-in still lasts for this process.
        text = serialized;
        writes = writes.then(() => save(serialized));
        await writes;
      } finally {
        unlock(context);
      }
    },
    flushed: () => writes,
    async runExclusive(fn) {
      const holder = {};
      await lock(holder);
      try {
        return await fn();
      } finally {
        unlock(holder);
      }
    },
  };
}

/**
 * Replaces `path` with `data` so that readers (and a crash) see the old content or the new, never a mix:
 * write a private temp file in the same folder, fsync it, rename it over the target, fsync the folder.
 */
export async function writeFileAtomic(path: string, data: Buffer, mode = 0o600): Promise<void> {
  const temp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  const handle = await open(temp, 'wx', mode);
  try {
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
  await syncFolder(join(path, '..'));
}

async function syncFolder(folder: string): Promise<void> {
  // Makes the rename itself durable. Windows cannot open a folder for syncing (and NTFS journals the
  // rename), so there it is skipped; elsewhere a refusal (some file systems) is not worth failing for.
  if (process.platform === 'win32') return;
  try {
    const handle = await open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    /* best effort */
  }
}
