// Writes a file so that a reader (or the next start after a crash) sees the old content or the new
// content, never a torn mix: write a temp file in the same folder, fsync it, rename it over the
// target (atomic within one file system), then fsync the folder so the rename itself is durable.
// ALICE (OSDI 2014) found exactly these steps missing in widely used software.
import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export type AtomicData = string | Uint8Array | Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>;

async function fsyncDir(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch (err) {
    // Windows cannot open a folder for fsync (EPERM/EISDIR); NTFS journals the rename itself.
    const code = (err as NodeJS.ErrnoException).code;
    if (process.platform !== 'win32' && code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL') throw err;
  } finally {
    await handle?.close();
  }
}

/** Chunks may be produced lazily (a generator); if producing or writing one fails, the target is untouched. */
export async function writeFileAtomic(path: string, data: AtomicData): Promise<void> {
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  // Owner only: exports and bundles may hold serials and names, and often land in the data folder.
  const handle = await open(temp, 'wx', 0o600);
  let renamed = false;
  try {
    try {
      if (typeof data === 'string' || data instanceof Uint8Array) await handle.writeFile(data);
      else for await (const chunk of data) await handle.write(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
    renamed = true;
    await fsyncDir(dir);
  } finally {
    if (!renamed) await unlink(temp).catch(() => undefined);
  }
}
