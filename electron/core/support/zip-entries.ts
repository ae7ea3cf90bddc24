// Zips a bundle's files with fflate's streaming deflate, a slice at a time with a turn of the event
// loop between slices: fflate's one-call async zip held the loop for over a second on full logs (it
// checksums and assembles on the main thread), and a scan must never wait that long.
import { Zip, ZipDeflate } from 'fflate';
import { setImmediate as nextTurn } from 'node:timers/promises';

/** 256 KiB deflates in a few milliseconds. */
const SLICE_BYTES = 256 * 1024;

export async function zipEntries(files: Record<string, Uint8Array>, mtime: number): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let failure: Error | null = null;
  let finished = false;
  const archive = new Zip((err, chunk, final) => {
    if (err) failure = err;
    else {
      parts.push(chunk);
      if (final) finished = true;
    }
  });
  for (const [name, data] of Object.entries(files)) {
    const entry = new ZipDeflate(name, { level: 6 });
    entry.mtime = mtime;
    archive.add(entry);
    if (data.length === 0) entry.push(new Uint8Array(0), true);
    for (let at = 0; at < data.length; at += SLICE_BYTES) {
      entry.push(data.subarray(at, at + SLICE_BYTES), at + SLICE_BYTES >= data.length);
      if (failure) throw failure;
      await nextTurn();
    }
  }
  archive.end();
  if (failure) throw failure;
  if (!finished) throw new Error('The zip did not finish.');
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
