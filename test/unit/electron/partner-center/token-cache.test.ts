import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TokenCacheContext } from '@azure/msal-node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAesGcmSecretBox } from '../../../../electron/partner-center/keychain-secret-box';
import type { SecretBox } from '../../../../electron/partner-center/secret-box';
import {
  createEncryptedCachePlugin,
  TOKEN_CACHE_FILE,
  TokenCacheUnreadableError,
  TokenCacheWriteError,
  tokenCachePath,
  writeFileAtomic,
} from '../../../../electron/partner-center/token-cache';
import { makeTempDir } from '../../../helpers/temp-station';

/** Stands in for MSAL's TokenCache: a JSON string it serializes and deserializes. */
class FakeSerializableCache {
  deserialized: string[] = [];
  constructor(public state = '{}') {}
  serialize = (): string => this.state;
  deserialize = (text: string): void => {
    this.deserialized.push(text);
    this.state = text;
  };
}

function countingBox(inner: SecretBox): SecretBox & { decrypts: number } {
  const box = {
    kind: inner.kind,
    decrypts: 0,
    encrypt: (t: string) => inner.encrypt(t),
    decrypt: async (b: Buffer) => {
      box.decrypts++;
      return inner.decrypt(b);
    },
  };
  return box;
}

/** One MSAL cache access: the same context object goes to before and after, as MSAL does. */
async function access(plugin: ReturnType<typeof createEncryptedCachePlugin>, cache: FakeSerializableCache, changed: boolean, change?: () => void): Promise<void> {
  const context = new TokenCacheContext(cache, changed);
  await plugin.beforeCacheAccess(context);
  change?.();
  await plugin.afterCacheAccess(context);
}

const cacheText = (secret: string) => JSON.stringify({ Account: {}, RefreshToken: { rt: { secret } }, AccessToken: {}, IdToken: {}, AppMetadata: {} });

let dir: string;
let box: SecretBox;

beforeEach(() => {
  dir = makeTempDir('dockside-cache-');
  box = createAesGcmSecretBox(randomBytes(32));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('writes the bytes, private to the user, and leaves no temp file', async () => {
    const path = join(dir, 'x.bin');
    await writeFileAtomic(path, Buffer.from('one'));
    await writeFileAtomic(path, Buffer.from('two'));
    expect(readFileSync(path, 'utf8')).toBe('two');
    expect(readdirSync(dir)).toEqual(['x.bin']);
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('when the rename fails the target is untouched and the temp file is removed', async () => {
    const path = join(dir, 'taken');
    mkdirSync(path); // a folder where the file should go: rename fails
    writeFileSync(join(path, 'keep'), 'old');
    await expect(writeFileAtomic(path, Buffer.from('new'))).rejects.toThrow();
    expect(readFileSync(join(path, 'keep'), 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['taken']);
  });

  it('a reader racing the writer only ever sees a whole blob', async () => {
    const path = join(dir, TOKEN_CACHE_FILE);
    await writeFileAtomic(path, await box.encrypt(cacheText('v0')));
    let reads = 0;
    let writing = true;
    const reader = (async () => {
      while (writing) {
        // Every read must decrypt: a torn file would fail GCM authentication.
        expect(await box.decrypt(readFileSync(path))).toMatch(/"secret":"v\d+x*"/);
        reads++;
        await new Promise((r) => setImmediate(r));
      }
    })();
    for (let i = 1; i <= 60; i++) await writeFileAtomic(path, await box.encrypt(cacheText(`v${i}`.padEnd(i * 50, 'x'))));
    writing = false;
    await reader;
    expect(reads).toBeGreaterThan(0);
  });
});

describe('createEncryptedCachePlugin', () => {
  it('writes the cache encrypted when MSAL changed it, and nothing when it did not', async () => {
    const plugin = createEncryptedCachePlugin({ dataDir: dir, secretBox: box });
    const cache = new FakeSerializableCache(cacheText('rt-secret-value'));

    await access(plugin, cache, false);
    expect(readdirSync(dir)).toEqual([]);

    await access(plugin, cache, true);
    const blob = readFileSync(tokenCachePath(dir));
    expect(blob.includes(Buffer.from('rt-secret-value'))).toBe(false);
    expect(await box.decrypt(blob)).toBe(cacheText('rt-secret-value'));
  });

  it('loads the file once, then hands MSAL the text it already has until the file changes', async () => {
    const counting = countingBox(box);
    const writer = createEncryptedCachePlugin({ dataDir: dir, secretBox: box });
    const w = new FakeSerializableCache(cacheText('first'));
    await access(writer, w, true);

    const reader = createEncryptedCachePlugin({ dataDir: dir, secretBox: counting });
    const r = new FakeSerializableCache();
    for (let i = 0; i < 3; i++) await access(reader, r, false);
    // Every access deserializes (msal-node rebuilds its memory from it), but the disk is decrypted once.
    expect(r.deserialized).toEqual([cacheText('first'), cacheText('first'), cacheText('first')]);
    expect(counting.decrypts).toBe(1);

    // Another front door writes: the next access picks it up.
    await access(writer, w, true, () => {
      w.state = cacheText('second');
    });
    await access(reader, r, false);
    expect(r.deserialized.at(-1)).toBe(cacheText('second'));
    expect(counting.decrypts).toBe(2);
  });

  it('an unreadable file is reported, not loaded, and not retried on every access', async () => {
    writeFileSync(tokenCachePath(dir), randomBytes(200));
    const errors: Error[] = [];
    const counting = countingBox(box);
    const plugin = createEncryptedCachePlugin({ dataDir: dir, secretBox: counting, onError: (e) => errors.push(e) });
    const cache = new FakeSerializableCache();
    for (let i = 0; i < 2; i++) await access(plugin, cache, false);
    expect(cache.deserialized).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(TokenCacheUnreadableError);
    expect(counting.decrypts).toBe(1);
  });

  it('a failed write is reported and the sign-in still lasts for the process', async () => {
    const errors: Error[] = [];
    const failing: SecretBox = { kind: 'broken', encrypt: async () => Promise.reject(new Error('keyring locked')), decrypt: (b) => box.decrypt(b) };
    const plugin = createEncryptedCachePlugin({ dataDir: dir, secretBox: failing, onError: (e) => errors.push(e) });
    const cache = new FakeSerializableCache(cacheText('kept-in-memory'));
    await access(plugin, cache, true);
    expect(errors[0]).toBeInstanceOf(TokenCacheWriteError);
    expect(readdirSync(dir)).toEqual([]);

    const later = new FakeSerializableCache();
    await access(plugin, later, false);
    expect(later.deserialized).toEqual([cacheText('kept-in-memory')]);
  });

  it('a deleted file is forgotten', async () => {
    const plugin = createEncryptedCachePlugin({ dataDir: dir, secretBox: box });
    const cache = new FakeSerializableCache(cacheText('gone-soon'));
    await access(plugin, cache, true);
    rmSync(tokenCachePath(dir));
    await access(plugin, cache, false);
    expect(cache.deserialized.at(-1)).toBe('{}');
  });

  it('holds MSAL cache accesses one at a time, from before to after', async () => {
    const plugin = createEncryptedCachePlugin({ dataDir: dir, secretBox: box });
    const cache = new FakeSerializableCache(cacheText('x'));
    const a = new TokenCacheContext(cache, true);
    const b = new TokenCacheContext(cache, false);
    const order: string[] = [];
    await plugin.beforeCacheAccess(a);
    order.push('a in');
    const second = plugin.beforeCacheAccess(b).then(() => order.push('b in'));
    const exclusive = plugin.runExclusive(() => order.push('exclusive'));
    await new Promise((r) => setTimeout(r, 20));
    expect(order).toEqual(['a in']);
    await plugin.afterCacheAccess(a);
    order.push('a out');
    await second;
    expect(order).toEqual(['a in', 'a out', 'b in']);
    await plugin.afterCacheAccess(b);
    await exclusive;
    expect(order.at(-1)).toBe('exclusive');
  });
});
